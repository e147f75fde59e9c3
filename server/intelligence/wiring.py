"""Builds IntelligenceService from the components, and the intelligence use cases the workflow runner
shares with it (built once, by the composition root)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from server.agents.ports import Crew
from server.intelligence.api import IntelligenceServicer
from server.intelligence.ports import IntelligencePolicies, UnitOfWorkFactory
from server.intelligence.pricing import PricingUseCases
from server.intelligence.usecases import IntelligenceUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


@dataclass(frozen=True, slots=True)
class Intelligence:
    """The intelligence use cases and their policies, shared by the servicer and the workflow steps."""

    policies: IntelligencePolicies
    recommendations: IntelligenceUseCases
    pricing: PricingUseCases


def use_cases(uow: UnitOfWorkFactory, policies: IntelligencePolicies, crew: Crew | None) -> Intelligence:
    return Intelligence(
        policies=policies,
        recommendations=IntelligenceUseCases(uow, policies, crew),
        pricing=PricingUseCases(uow, policies),
    )


def build(c: Components) -> IntelligenceServicer:
    return IntelligenceServicer(
        c.intelligence.recommendations,
        c.intelligence.pricing,
        max_response_bytes=c.settings.MAX_MESSAGE_BYTES,
    )
