"""Builds ProductService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.catalog.api import ProductServicer
from server.catalog.bulk import ProductBulkUseCases
from server.catalog.usecases import ProductUseCases
from server.policies import categories, classification_policy, marketing_on_create, pricing_policy

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> ProductServicer:
    policy = classification_policy(c.settings)
    return ProductServicer(
        ProductUseCases(
            c.unit_of_work,
            policy,
            marketing_on_create(c.settings),
            categories(c.settings),
            pricing=pricing_policy(c.settings),
        ),
        ProductBulkUseCases(c.unit_of_work, policy),
    )
