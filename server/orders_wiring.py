"""Builds the order and inventory servicers from the components (used by server/app.py's SERVICES table).

The fraud and optimiser policies use their documented defaults (engines/fraud.py, engines/inventory.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.policies import fraud_policy, optimizer_policy
from server.rpc.actor import actor_resolver
from server.rpc.inventory import InventoryServicer
from server.rpc.orders import OrderServicer
from server.usecases.inventory import InventoryUseCases
from server.usecases.order_lifecycle import OrderLifecycle
from server.usecases.orders import OrderCreation

if TYPE_CHECKING:
    from server.bootstrap import Components


def order_servicer(c: Components) -> OrderServicer:
    creation = OrderCreation(c.unit_of_work, fraud_policy(c.settings), optimizer_policy(c.settings))
    return OrderServicer(creation, OrderLifecycle(c.unit_of_work), actor_resolver(c.settings))


def inventory_servicer(c: Components) -> InventoryServicer:
    return InventoryServicer(
        InventoryUseCases(c.unit_of_work, optimizer_policy(c.settings)), actor_resolver(c.settings)
    )
