"""In-memory stand-in for the offer port (server/supply/ports.py). The products' choices live on the fake
products (FakeProductRepository), as they do on the products table."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Collection

from domain.paging import Page, PageRequest
from domain.supply import Offer, OfferFilter, OfferView

Key = tuple[int, uuid.UUID]


class FakeOfferRepository:
    def __init__(self, products: object) -> None:
        self.offers: dict[Key, Offer] = {}
        self.reorder_quantities: dict[Key, int] = {}
        self._products = products  # the FakeProductRepository the chosen offers are read from

    async def add(self, offer: Offer) -> None:
        self.offers[(offer.tenant_id, offer.id)] = offer

    async def get(self, tenant_id: int, offer_id: uuid.UUID, *, for_update: bool = False) -> Offer | None:
        return self.offers.get((tenant_id, offer_id))

    async def get_with_choice(self, tenant_id: int, offer_id: uuid.UUID) -> tuple[Offer, bool] | None:
        offer = self.offers.get((tenant_id, offer_id))
        if offer is None:
            return None
        product = await self._products.get(tenant_id, offer.product_id)  # type: ignore[attr-defined]
        return offer, product is not None and product.chosen_offer_id == offer.id

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Offer | None:
        return next(
            (o for (t, _), o in self.offers.items() if t == tenant_id and o.request_id == request_id), None
        )

    async def list(self, tenant_id: int, criteria: OfferFilter, page: PageRequest) -> Page[OfferView]:
        matching = sorted(
            (
                o
                for (t, _), o in self.offers.items()
                if t == tenant_id
                and criteria.product_id in (None, o.product_id)
                and criteria.supplier_id in (None, o.supplier_id)
                and (not criteria.active_only or o.is_active)
            ),
            key=lambda o: o.id,
            reverse=True,
        )
        chosen = await self._chosen_offers_of(tenant_id, {o.product_id for o in matching})
        views = [OfferView(o, o.id in chosen) for o in matching[: page.size]]
        return Page(views, None, len(matching))

    async def of_products(
        self, tenant_id: int, product_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, builtins.list[Offer]]:
        found: dict[uuid.UUID, builtins.list[Offer]] = {product_id: [] for product_id in product_ids}
        for (t, _), o in sorted(self.offers.items(), key=lambda item: item[1].id):
            if t == tenant_id and o.product_id in found:
                found[o.product_id].append(o)
        return found

    async def get_many(self, tenant_id: int, ids: builtins.list[uuid.UUID]) -> dict[uuid.UUID, Offer]:
        return {i: self.offers[(tenant_id, i)] for i in ids if (tenant_id, i) in self.offers}

    async def save(self, offer: Offer) -> None:
        self.offers[(offer.tenant_id, offer.id)] = offer

    async def delete(self, tenant_id: int, offer_id: uuid.UUID) -> None:
        self.offers.pop((tenant_id, offer_id), None)

    async def usual_quantities(
        self, tenant_id: int, product_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, int]:
        return {p: max(1, self.reorder_quantities.get((tenant_id, p), 0)) for p in product_ids}

    async def products_offered_by(self, tenant_id: int, supplier_id: uuid.UUID) -> builtins.list[uuid.UUID]:
        return sorted(
            {
                o.product_id
                for (t, _), o in self.offers.items()
                if t == tenant_id and o.supplier_id == supplier_id
            }
        )

    async def _chosen_offers_of(self, tenant_id: int, product_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
        chosen = set()
        for product_id in product_ids:
            product = await self._products.get(tenant_id, product_id)  # type: ignore[attr-defined]
            if product is not None and product.chosen_offer_id is not None:
                chosen.add(product.chosen_offer_id)
        return chosen
