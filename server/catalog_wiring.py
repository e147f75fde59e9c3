"""Builds the catalog servicers from the components (used by server/app.py's SERVICES table)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.policies import classification_policy, marketing_on_create
from server.rpc.products import ProductServicer
from server.rpc.suppliers import SupplierServicer
from server.usecases.product_bulk import ProductBulkUseCases
from server.usecases.products import ProductUseCases
from server.usecases.suppliers import SupplierUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def product_servicer(c: Components) -> ProductServicer:
    policy = classification_policy(c.settings)
    return ProductServicer(
        ProductUseCases(c.unit_of_work, policy, marketing_on_create(c.settings)),
        ProductBulkUseCases(c.unit_of_work, policy),
    )


def supplier_servicer(c: Components) -> SupplierServicer:
    return SupplierServicer(SupplierUseCases(c.unit_of_work, classification_policy(c.settings)))
