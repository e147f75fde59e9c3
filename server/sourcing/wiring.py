"""Builds SourcingService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.catalog.usecases import ProductUseCases
from server.edge.actor import actor_resolver
from server.policies import categories, classification_policy, marketing_on_create, pricing_policy
from server.sourcing.api import SourcingServicer
from server.sourcing.usecases import SourcingUseCases
from server.supply.wiring import supply_policies

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> SourcingServicer:
    policy = classification_policy(c.settings)
    catalog = ProductUseCases(
        c.unit_of_work,
        policy,
        marketing_on_create(c.settings),
        categories(c.settings),
        pricing=pricing_policy(c.settings),
    )
    sourcing = SourcingUseCases(
        c.unit_of_work,
        policy,
        catalog,
        discovery_enabled=c.crew is not None,
        max_attempts=c.settings.AI_RETRY_COUNT + 1,
        supply=supply_policies(c),
    )
    return SourcingServicer(sourcing, actor_resolver(c.settings))
