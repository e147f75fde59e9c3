"""Builds SupplierService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.policies import classification_policy
from server.suppliers.api import SupplierServicer
from server.suppliers.usecases import SupplierUseCases
from server.supply.wiring import supply_policies

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> SupplierServicer:
    return SupplierServicer(
        SupplierUseCases(c.unit_of_work, classification_policy(c.settings), supply_policies(c))
    )
