"""In-memory stand-in for the purchase-order port (server/purchasing/ports.py): purchase orders, and the
product sources (fulfilment mode and offers) a test declares, as the catalog and the offers would hold."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from dataclasses import replace

from domain.catalog import FulfilmentMode
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.purchasing import ProductSource, PurchaseOrder, PurchaseOrderFilter
from domain.supply import Offer

Key = tuple[int, uuid.UUID]


class FakePurchaseOrderRepository:
    def __init__(self) -> None:
        self.purchase_orders: dict[Key, PurchaseOrder] = {}
        self.products: dict[Key, ProductSource] = {}
        self.offers: dict[Key, list[Offer]] = {}

    def add_product(
        self, tenant_id: int, product_id: uuid.UUID, sku: str, source_price: Money, mode: FulfilmentMode
    ) -> None:
        self.products[(tenant_id, product_id)] = ProductSource(product_id, sku, source_price, mode, None)

    def add_offer(self, offer: Offer, *, chosen: bool) -> None:
        self.offers.setdefault((offer.tenant_id, offer.product_id), []).append(offer)
        if chosen:
            key = (offer.tenant_id, offer.product_id)
            self.products[key] = replace(self.products[key], offer=offer)

    async def sources(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID], *, supplier_id: uuid.UUID | None
    ) -> dict[uuid.UUID, ProductSource]:
        found = {}
        for product_id in product_ids:
            source = self.products.get((tenant_id, product_id))
            if source is None:
                continue
            if supplier_id is not None:
                offers = [
                    o
                    for o in self.offers.get((tenant_id, product_id), [])
                    if o.supplier_id == supplier_id and o.is_active
                ]
                source = replace(source, offer=min(offers, key=lambda o: o.landed_cost.amount, default=None))
            found[product_id] = source
        return found

    async def add(self, po: PurchaseOrder) -> None:
        self.purchase_orders[(po.tenant_id, po.id)] = po

    async def add_many(self, pos: Sequence[PurchaseOrder]) -> None:
        for po in pos:
            await self.add(po)

    async def save(self, po: PurchaseOrder) -> None:
        self.purchase_orders[(po.tenant_id, po.id)] = po

    async def get(
        self, tenant_id: int, purchase_order_id: uuid.UUID, *, for_update: bool = False
    ) -> PurchaseOrder | None:
        return self.purchase_orders.get((tenant_id, purchase_order_id))

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> PurchaseOrder | None:
        return next(
            (
                p
                for (t, _), p in self.purchase_orders.items()
                if t == tenant_id and p.request_id == request_id
            ),
            None,
        )

    async def of_order(self, tenant_id: int, order_id: uuid.UUID) -> builtins.list[PurchaseOrder]:
        return sorted(
            (p for (t, _), p in self.purchase_orders.items() if t == tenant_id and p.order_id == order_id),
            key=lambda p: p.id,
        )

    async def list(
        self, tenant_id: int, criteria: PurchaseOrderFilter, page: PageRequest
    ) -> Page[PurchaseOrder]:
        items = sorted(
            (
                p
                for (t, _), p in self.purchase_orders.items()
                if t == tenant_id
                and (criteria.status is None or p.status is criteria.status)
                and (criteria.supplier_id is None or p.supplier_id == criteria.supplier_id)
                and (criteria.order_id is None or p.order_id == criteria.order_id)
            ),
            key=lambda p: p.id,
            reverse=True,
        )
        return Page(items[: page.size], None, len(items))
