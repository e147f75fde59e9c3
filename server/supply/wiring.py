"""Builds SupplyService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.policies import classification_policy, offer_policy, pricing_policy
from server.supply.api import SupplyServicer
from server.supply.choice import SupplyPolicies
from server.supply.usecases import OfferUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def supply_policies(c: Components) -> SupplyPolicies:
    return SupplyPolicies(
        offers=offer_policy(c.settings),
        classification=classification_policy(c.settings),
        pricing=pricing_policy(c.settings),
    )


def build(c: Components) -> SupplyServicer:
    return SupplyServicer(OfferUseCases(c.unit_of_work, supply_policies(c)))
