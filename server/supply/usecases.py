"""Offer use cases: create, read, list, masked update and delete, each followed by the offer choice of the
offer's product in the same transaction; and the explained ranking."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from functools import partial

from domain.catalog import Product
from domain.clock import utcnow
from domain.errors import Conflict, FieldViolation, InvalidArgument, NotFound, UniqueViolation
from domain.ids import new_id
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.supply import Offer, OfferChanges, OfferDraft, OfferFilter, OfferRankingView, OfferView
from domain.supply_events import SupplierOfferChanged
from server import resources
from server.resources import existing, with_changes
from server.supply.choice import SupplyPolicies, ranking_of, rechoose
from server.supply.ports import SupplyUnitOfWork

# The request log's name for CreateOffer's request_ids.
SCOPE = "offers.create"


class OfferUseCases:
    def __init__(self, uow: Callable[..., SupplyUnitOfWork], policies: SupplyPolicies) -> None:
        self._uow = uow
        self._policies = policies

    async def create(
        self, *, tenant_id: int, draft: OfferDraft, request_id: str | None, fingerprint: str | None
    ) -> OfferView:
        """Add the offer and choose the product's offer again; a repeated request_id answers the first."""
        first_use = resources.first_use_of(SCOPE, tenant_id, request_id, fingerprint)
        try:
            return await self._create(tenant_id, draft, request_id, first_use)
        except UniqueViolation:
            # A concurrent call with the same request_id committed first: answer with its offer.
            async with self._uow(read_only=True) as uow:
                earlier = await resources.replayed(
                    uow, request_id, first_use, partial(_view_of, uow, tenant_id)
                )
            if earlier is None:
                raise Conflict("the offer conflicted with a concurrent change; retry it") from None
            return earlier

    async def _create(
        self,
        tenant_id: int,
        draft: OfferDraft,
        request_id: str | None,
        first_use: Callable[..., Awaitable[None]],
    ) -> OfferView:
        async with self._uow() as uow:
            if earlier := await resources.replayed(
                uow, request_id, first_use, partial(_view_of, uow, tenant_id)
            ):
                return earlier
            product = await existing(uow.products, "product", tenant_id, draft.product_id, for_update=True)
            supplier = await existing(uow.suppliers, "supplier", tenant_id, draft.supplier_id)
            _check_currency(product, draft.unit_cost, draft.shipping_cost)
            now = utcnow()
            offer = Offer(
                id=new_id(),
                tenant_id=tenant_id,
                product_id=product.id,
                supplier_id=supplier.id,
                supplier_sku=draft.supplier_sku,
                marketplace=draft.marketplace or supplier.marketplace,
                listing_url=draft.listing_url,
                unit_cost=draft.unit_cost,
                shipping_cost=draft.shipping_cost,
                min_order_quantity=draft.min_order_quantity,
                lead_time_days=draft.lead_time_days,
                supplier_stock=draft.supplier_stock,
                is_active=True,
                request_id=request_id,
                created_at=now,
                updated_at=now,
            )
            await first_use(uow.requests, at=now, replay=False)
            view, _ = await add_offer(uow, product, offer, self._policies)
            await uow.commit()
            return view

    async def get(self, *, tenant_id: int, offer_id: uuid.UUID) -> OfferView:
        async with self._uow(read_only=True) as uow:
            found = await uow.offers.get_with_choice(tenant_id, offer_id)
        if found is None:
            raise NotFound("offer", str(offer_id))
        return OfferView(*found)

    async def list(self, *, tenant_id: int, criteria: OfferFilter, page: PageRequest) -> Page[OfferView]:
        async with self._uow(read_only=True) as uow:
            return await uow.offers.list(tenant_id, criteria, page)

    async def update(self, *, tenant_id: int, offer_id: uuid.UUID, changes: OfferChanges) -> OfferView:
        """Apply the changes and choose again; no change, no event."""
        async with self._uow() as uow:
            offer = await existing(uow.offers, "offer", tenant_id, offer_id, for_update=True)
            product = await existing(uow.products, "product", tenant_id, offer.product_id, for_update=True)
            updated, changed = with_changes(offer, changes.values, updated_at=utcnow())
            if not changed:
                return OfferView(offer, product.chosen_offer_id == offer.id)
            _check_currency(product, updated.unit_cost, updated.shipping_cost)
            await uow.offers.save(updated)
            view, _ = await self._choose(uow, product, updated, change="updated", changed=tuple(changed))
            await uow.commit()
            return view

    async def delete(self, *, tenant_id: int, offer_id: uuid.UUID) -> uuid.UUID | None:
        """Delete the offer; answers the product's chosen offer after choosing again among the rest."""
        async with self._uow() as uow:
            offer = await existing(uow.offers, "offer", tenant_id, offer_id, for_update=True)
            product = await existing(uow.products, "product", tenant_id, offer.product_id, for_update=True)
            await uow.offers.delete(tenant_id, offer_id)
            _, after = await self._choose(uow, product, offer, change="deleted", changed=())
            await uow.commit()
            return after.chosen_offer_id

    async def rank(self, *, tenant_id: int, product_id: uuid.UUID) -> OfferRankingView:
        async with self._uow(read_only=True) as uow:
            product = await existing(uow.products, "product", tenant_id, product_id)
            return await ranking_of(uow, product, self._policies.offers)

    async def _choose(
        self, uow: SupplyUnitOfWork, product: Product, offer: Offer, *, change: str, changed: tuple[str, ...]
    ) -> tuple[OfferView, Product]:
        return await choose_after(uow, product, offer, self._policies, change=change, changed=changed)


async def add_offer(
    uow: SupplyUnitOfWork, product: Product, offer: Offer, policies: SupplyPolicies
) -> tuple[OfferView, Product]:
    """Store a new offer of `product` (locked by the caller) and choose its offer again, in the caller's
    unit of work; CreateOffer and the import of a sourced candidate both add offers this way. Answers the
    offer and the product after the choice."""
    await uow.offers.add(offer)
    return await choose_after(uow, product, offer, policies, change="created", changed=())


async def choose_after(
    uow: SupplyUnitOfWork,
    product: Product,
    offer: Offer,
    policies: SupplyPolicies,
    *,
    change: str,
    changed: tuple[str, ...],
) -> tuple[OfferView, Product]:
    """Choose the product's offer again after `offer` changed, and emit `supplier.offer_changed`."""
    after = await rechoose(uow, product, policies, at=utcnow())
    view = OfferView(offer, after.chosen_offer_id == offer.id)
    uow.emit(
        SupplierOfferChanged(
            tenant_id=offer.tenant_id,
            offer=view,
            change=change,
            changed_fields=changed,
            chosen_offer_id=after.chosen_offer_id,
            previous_chosen_offer_id=product.chosen_offer_id,
        )
    )
    return view, after


async def _view_of(uow: SupplyUnitOfWork, tenant_id: int, request_id: str) -> OfferView | None:
    """The offer created with this request_id, as CreateOffer answered it."""
    offer = await uow.offers.get_by_request_id(tenant_id, request_id)
    if offer is None:
        return None
    product = await existing(uow.products, "product", tenant_id, offer.product_id)
    return OfferView(offer, product.chosen_offer_id == offer.id)


def _check_currency(product: Product, unit_cost: Money, shipping_cost: Money) -> None:
    """An offer is in its product's currency: the source price follows it (no exchange rates here)."""
    violations = [
        FieldViolation(f"offer.{name}.currency_code", f"must be {product.currency}, the product's currency")
        for name, amount in (("unit_cost", unit_cost), ("shipping_cost", shipping_cost))
        if amount.currency != product.currency
    ]
    if violations:
        raise InvalidArgument(violations)
