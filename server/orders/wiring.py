"""Builds OrderService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.edge.actor import actor_resolver
from server.orders.amendments import OrderAmendments
from server.orders.api import OrderServicer
from server.orders.lifecycle import OrderLifecycle
from server.orders.risk import OrderRisk
from server.orders.risk_lists import RiskListUseCases
from server.orders.usecases import OrderCreation
from server.policies import fraud_policy, fraud_review_on_hold, optimizer_policy

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> OrderServicer:
    risk = OrderRisk(fraud_policy(c.settings), fraud_review_on_hold(c.settings))
    creation = OrderCreation(c.unit_of_work, risk, optimizer_policy(c.settings))
    amendments = OrderAmendments(risk, optimizer_policy(c.settings))
    return OrderServicer(
        creation,
        OrderLifecycle(c.unit_of_work, amendments),
        actor_resolver(c.settings),
        RiskListUseCases(c.unit_of_work),
    )
