"""Builds InventoryService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.edge.actor import actor_resolver
from server.inventory.api import InventoryServicer
from server.inventory.usecases import InventoryUseCases
from server.policies import optimizer_policy

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> InventoryServicer:
    return InventoryServicer(
        InventoryUseCases(c.unit_of_work, optimizer_policy(c.settings)), actor_resolver(c.settings)
    )
