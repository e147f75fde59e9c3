"""Builds the intelligence area from the configuration: policies, the CrewAI client, the use cases, the
IntelligenceService and WorkflowService servicers and the workflow runner (used by bootstrap and app)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING

from engines.classification import Classification
from engines.cross_sell import CrossSellPolicy
from engines.pricing import PricingPolicy
from server.agents.circuit import CircuitBreaker
from server.agents.crew import CrewClient
from server.config import Settings
from server.events.signal import Signal
from server.policies import classification_policy
from server.rpc.intelligence import IntelligenceServicer
from server.rpc.workflows import WorkflowServicer
from server.usecases.intelligence import IntelligenceUseCases
from server.usecases.intelligence_uow import IntelligencePolicies, UnitOfWorkFactory
from server.usecases.pricing import PricingUseCases
from server.usecases.workflow_steps import WorkflowSteps
from server.usecases.workflows import WorkflowUseCases
from server.workflows.runner import RunnerSettings, WorkflowRunner

if TYPE_CHECKING:
    from server.bootstrap import Components

# Consecutive failures that open the agents' circuit, and how long it stays open.
CIRCUIT_THRESHOLD = 3
CIRCUIT_RESET_SECONDS = 30.0


def policies(settings: Settings) -> IntelligencePolicies:
    pricing = PricingPolicy()
    multipliers = dict(pricing.classification_multipliers)
    multipliers[Classification.HERO] = 1 + Decimal(str(settings.CLASSIFICATION_PREMIUM))
    return IntelligencePolicies(
        cross_sell=CrossSellPolicy(
            upsell_range=settings.UPSELL_RANGE,
            cross_sell_range=settings.CROSS_SELL_RANGE,
            complement_range=settings.COMPLEMENT_RANGE,
        ),
        pricing=replace(
            pricing,
            default_margin=Decimal(str(settings.DEFAULT_MARGIN)),
            min_margin=Decimal(str(settings.MIN_MARGIN)),
            max_price_change=Decimal(str(settings.MAX_PRICE_CHANGE)),
            classification_multipliers=MappingProxyType(multipliers),
        ),
        classification=classification_policy(settings),
        max_attempts=settings.AI_RETRY_COUNT + 1,
    )


def crew_client(settings: Settings) -> CrewClient | None:
    """The client of the deployed crews, or None when CREWAI_HOST is not set (engines only)."""
    if not settings.crewai_base_url:
        return None
    return CrewClient(
        "crewai",
        settings.crewai_base_url,
        token=settings.CREWAI_TOKEN,
        timeout=settings.AI_REQUEST_TIMEOUT,
        retries=settings.AI_RETRY_COUNT,
        breaker=CircuitBreaker(threshold=CIRCUIT_THRESHOLD, reset_after=CIRCUIT_RESET_SECONDS),
    )


def use_cases(
    settings: Settings, uow: UnitOfWorkFactory, crew: CrewClient | None
) -> tuple[IntelligenceUseCases, PricingUseCases, WorkflowUseCases]:
    p = policies(settings)
    return (
        IntelligenceUseCases(uow, p, crew),
        PricingUseCases(uow, p),
        WorkflowUseCases(uow, max_attempts=p.max_attempts),
    )


def workflow_runner(
    settings: Settings, uow: UnitOfWorkFactory, crew: CrewClient | None, signal: Signal
) -> WorkflowRunner:
    intelligence, pricing, _ = use_cases(settings, uow, crew)
    steps = WorkflowSteps(
        uow, policies(settings), intelligence, pricing, agent_timeout=settings.AI_REQUEST_TIMEOUT
    )
    return WorkflowRunner(uow, steps, signal=signal, settings=RunnerSettings())


def intelligence_servicer(c: Components) -> IntelligenceServicer:
    intelligence, pricing, _ = use_cases(c.settings, c.unit_of_work, c.crew)
    return IntelligenceServicer(intelligence, pricing, max_response_bytes=c.settings.MAX_MESSAGE_BYTES)


def workflow_servicer(c: Components) -> WorkflowServicer:
    _, _, workflows = use_cases(c.settings, c.unit_of_work, c.crew)
    return WorkflowServicer(workflows)
