"""Builds DealService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.deals import DealPolicy
from server.deals.api import DealServicer
from server.deals.usecases import DealUseCases
from server.edge.actor import actor_resolver

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> DealServicer:
    return DealServicer(
        DealUseCases(c.unit_of_work, DealPolicy(), c.lead_histories), actor_resolver(c.settings)
    )
