"""Builds PurchaseOrderService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.edge.actor import actor_resolver
from server.policies import optimizer_policy
from server.purchasing.api import PurchaseOrderServicer
from server.purchasing.submission import EventOnlySubmission
from server.purchasing.usecases import PurchaseOrderUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> PurchaseOrderServicer:
    use_cases = PurchaseOrderUseCases(
        c.unit_of_work, submission=EventOnlySubmission(), optimizer=optimizer_policy(c.settings)
    )
    return PurchaseOrderServicer(use_cases, actor_resolver(c.settings))
