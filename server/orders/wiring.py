"""Builds OrderService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.edge.actor import actor_resolver
from server.orders.api import OrderServicer
from server.orders.lifecycle import OrderLifecycle
from server.orders.usecases import OrderCreation
from server.policies import fraud_policy, optimizer_policy

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> OrderServicer:
    creation = OrderCreation(c.unit_of_work, fraud_policy(c.settings), optimizer_policy(c.settings))
    return OrderServicer(creation, OrderLifecycle(c.unit_of_work), actor_resolver(c.settings))
