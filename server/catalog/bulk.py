"""BulkUpdateProducts: one transaction, set-based reads and writes, one result per product."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from domain.catalog import (
    MAX_BULK_PRODUCTS,
    MAX_TAGS,
    BulkChanges,
    BulkOutcome,
    BulkResult,
    BulkSelection,
    Product,
)
from domain.catalog_errors import TooManyProducts
from domain.catalog_events import ProductsBulkUpdated
from domain.clock import utcnow
from domain.errors import FieldViolation, InvalidArgument, NotFound
from domain.ids import new_id
from domain.money import Money
from domain.suppliers import Supplier
from engines.classification import ClassificationPolicy
from server.catalog.ports import CatalogUnitOfWork
from server.catalog.scoring import reanalyzed
from server.catalog.usecases import supplier_or_none


class ProductBulkUseCases:
    def __init__(self, uow: Callable[[], CatalogUnitOfWork], policy: ClassificationPolicy) -> None:
        self._uow = uow
        self._policy = policy

    async def bulk_update(
        self, *, tenant_id: int, selection: BulkSelection, changes: BulkChanges, validate_only: bool
    ) -> BulkOutcome:
        """Apply `changes` to the selected products; missing ids and changes a product cannot take are
        per-product errors, the rest is written with set-based statements and one event."""
        async with self._uow() as uow:
            if "supplier_id" in changes.paths:
                await supplier_or_none(uow.suppliers, tenant_id, changes.supplier_id)
            requested = await self._requested_ids(uow, tenant_id, selection)
            found = {p.id: p for p in await uow.products.lock_many(tenant_id, requested)}
            suppliers = await self._suppliers(uow, tenant_id, found.values(), changes)
            now = utcnow()
            results: list[BulkResult] = []
            changed: list[Product] = []
            for product_id in requested:
                product = found.get(product_id)
                if product is None:
                    results.append(BulkResult(product_id, False, NotFound("product", str(product_id))))
                    continue
                outcome = self._apply(product, changes, suppliers, now)
                if isinstance(outcome, InvalidArgument):
                    results.append(BulkResult(product_id, False, outcome))
                else:
                    results.append(BulkResult(product_id, True))
                    changed.append(outcome)
            result = BulkOutcome(tuple(results), matched=len(found), validate_only=validate_only)
            if validate_only:
                return result
            await uow.products.save_many(changed)
            uow.emit(
                ProductsBulkUpdated(
                    tenant_id=tenant_id,
                    bulk_operation_id=new_id(),
                    product_ids=tuple(p.id for p in changed),
                    update_paths=changes.paths,
                    by_filter=selection.criteria is not None,
                    matched_count=result.matched,
                    updated_count=result.updated,
                    failed_count=result.failed,
                )
            )
            await uow.commit()
            return result

    @staticmethod
    async def _requested_ids(
        uow: CatalogUnitOfWork, tenant_id: int, selection: BulkSelection
    ) -> Sequence[uuid.UUID]:
        if selection.ids is not None:
            return selection.ids
        assert selection.criteria is not None
        ids = await uow.products.matching_ids(tenant_id, selection.criteria, MAX_BULK_PRODUCTS + 1)
        if len(ids) > MAX_BULK_PRODUCTS:
            raise TooManyProducts("filter", len(ids), MAX_BULK_PRODUCTS)
        return ids

    @staticmethod
    async def _suppliers(
        uow: CatalogUnitOfWork, tenant_id: int, products: Iterable[Product], changes: BulkChanges
    ) -> dict[uuid.UUID, Supplier]:
        """The suppliers whose rating and lead time the re-scoring needs, in one query."""
        if not changes.rescores:
            return {}
        ids = {p.supplier_id for p in products if p.supplier_id is not None}
        if "supplier_id" in changes.paths and changes.supplier_id is not None:
            ids.add(changes.supplier_id)
        return await uow.suppliers.get_many(tenant_id, ids)

    def _apply(
        self, product: Product, changes: BulkChanges, suppliers: dict[uuid.UUID, Supplier], now: datetime
    ) -> Product | InvalidArgument:
        paths = set(changes.paths)
        values: dict[str, Any] = {"updated_at": now, "version": product.version + 1}
        if "status" in paths and changes.status is not None:
            values["status"] = changes.status
        if "category" in paths and changes.category is not None:
            values["category"] = changes.category
        if "supplier_id" in paths:
            values["supplier_id"] = changes.supplier_id
        if "price_change" in paths and changes.price_change is not None:
            price = changes.price_change.apply(product.selling_price)
            if not isinstance(price, Money):
                return InvalidArgument([FieldViolation("changes.price_change", price)])
            values["selling_price"] = price
        if "add_tags" in paths or "remove_tags" in paths:
            tags = _merged_tags(product.tags, changes.add_tags, changes.remove_tags)
            if len(tags) > MAX_TAGS:
                why = f"the product would have {len(tags)} tags; at most {MAX_TAGS}"
                return InvalidArgument([FieldViolation("changes.add_tags", why)])
            values["tags"] = tags
        updated = replace(product, **values)
        if changes.rescores:
            supplier = suppliers.get(updated.supplier_id) if updated.supplier_id else None
            updated = reanalyzed(updated, supplier, self._policy, now)
        return updated


def _merged_tags(current: tuple[str, ...], add: Sequence[str], remove: Sequence[str]) -> tuple[str, ...]:
    removed = set(remove)
    kept = [tag for tag in current if tag not in removed]
    kept.extend(tag for tag in dict.fromkeys(add) if tag not in kept and tag not in removed)
    return tuple(kept)
