"""Supplier offers on SQLAlchemy: rows <-> domain Offer, keyset pages by product or supplier."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import bindparam, delete, select

from domain.money import Money
from domain.paging import Page, PageRequest
from domain.suppliers import Marketplace
from domain.supply import Offer, OfferFilter, OfferView
from storage.catalog.tables import PRODUCTS
from storage.execution import Sql
from storage.inventory.tables import INVENTORY_LEVELS
from storage.paging import ListStatements, list_page
from storage.rows import find_mapping, insert_row, update_row
from storage.supply.tables import SUPPLIER_OFFERS as OFFERS


class SqlAlchemyOfferRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, offer: Offer) -> None:
        await insert_row(self._sql, OFFERS, _row_values(offer))

    async def get(self, tenant_id: int, offer_id: uuid.UUID, *, for_update: bool = False) -> Offer | None:
        row = await find_mapping(
            self._sql, OFFERS, tenant_id=tenant_id, entity_id=offer_id, for_update=for_update
        )
        return offer_of(row) if row else None

    async def get_with_choice(self, tenant_id: int, offer_id: uuid.UUID) -> tuple[Offer, bool] | None:
        """The offer and whether its product buys from it, in one statement."""
        params = {"tenant_id": tenant_id, "id": offer_id}
        row = (await self._sql.execute(_GET_WITH_CHOICE, params)).mappings().one_or_none()
        return (offer_of(row), bool(row["is_chosen"])) if row else None

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Offer | None:
        stmt = select(OFFERS).where(OFFERS.c.tenant_id == tenant_id, OFFERS.c.request_id == request_id)
        row = (await self._sql.execute(stmt)).mappings().one_or_none()
        return offer_of(row) if row else None

    async def list(self, tenant_id: int, criteria: OfferFilter, page: PageRequest) -> Page[OfferView]:
        """The tenant's matching offers newest first, each with whether its product buys from it."""
        where = _LIST.filter(
            tenant={"tenant_id": tenant_id},
            product={"product_id": criteria.product_id} if criteria.product_id is not None else None,
            supplier={"supplier_id": criteria.supplier_id} if criteria.supplier_id is not None else None,
            active={} if criteria.active_only else None,
        )
        return await list_page(self._sql, _LIST, where, page, convert=_view, position=_offer_id)

    async def of_products(
        self, tenant_id: int, product_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, builtins.list[Offer]]:
        """Every offer of each product, oldest first, with one statement (the products' index ranges)."""
        found: dict[uuid.UUID, builtins.list[Offer]] = {product_id: [] for product_id in product_ids}
        if not found:
            return found
        stmt = (
            select(OFFERS)
            .where(OFFERS.c.tenant_id == tenant_id, OFFERS.c.product_id.in_(list(found)))
            .order_by(OFFERS.c.product_id, OFFERS.c.id)
        )
        for row in (await self._sql.execute(stmt)).mappings():
            found[row["product_id"]].append(offer_of(row))
        return found

    async def get_many(self, tenant_id: int, ids: builtins.list[uuid.UUID]) -> dict[uuid.UUID, Offer]:
        if not ids:
            return {}
        stmt = select(OFFERS).where(OFFERS.c.tenant_id == tenant_id, OFFERS.c.id.in_(ids))
        return {r["id"]: offer_of(r) for r in (await self._sql.execute(stmt)).mappings()}

    async def save(self, offer: Offer) -> None:
        await update_row(
            self._sql, OFFERS, values=_row_values(offer), immutable=("product_id", "supplier_id")
        )

    async def delete(self, tenant_id: int, offer_id: uuid.UUID) -> None:
        await self._sql.execute(
            delete(OFFERS).where(OFFERS.c.tenant_id == tenant_id, OFFERS.c.id == offer_id)
        )

    async def usual_quantities(
        self, tenant_id: int, product_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, int]:
        """The units one purchase of each product usually buys: its level's reorder quantity, at least 1."""
        if not product_ids:
            return {}
        c = INVENTORY_LEVELS.c
        stmt = select(c.product_id, c.reorder_quantity).where(
            c.tenant_id == tenant_id, c.product_id.in_(list(product_ids))
        )
        reorder = {row.product_id: row.reorder_quantity for row in await self._sql.execute(stmt)}
        return {product_id: max(1, int(reorder.get(product_id) or 0)) for product_id in product_ids}

    async def products_offered_by(self, tenant_id: int, supplier_id: uuid.UUID) -> builtins.list[uuid.UUID]:
        """The products the supplier has offers for, in id order (one indexed range)."""
        c = OFFERS.c
        stmt = (
            select(c.product_id)
            .where(c.tenant_id == tenant_id, c.supplier_id == supplier_id)
            .distinct()
            .order_by(c.product_id)
        )
        return list((await self._sql.execute(stmt)).scalars().all())


# An offer with whether its product buys from it (its product's chosen offer).
_WITH_CHOICE = select(OFFERS, (PRODUCTS.c.chosen_offer_id == OFFERS.c.id).label("is_chosen")).select_from(
    OFFERS.join(
        PRODUCTS, (PRODUCTS.c.tenant_id == OFFERS.c.tenant_id) & (PRODUCTS.c.id == OFFERS.c.product_id)
    )
)
_GET_WITH_CHOICE = _WITH_CHOICE.where(
    OFFERS.c.tenant_id == bindparam("tenant_id"), OFFERS.c.id == bindparam("id")
)

_LIST = ListStatements(
    OFFERS,
    {
        "tenant": OFFERS.c.tenant_id == bindparam("tenant_id"),
        "product": OFFERS.c.product_id == bindparam("product_id"),
        "supplier": OFFERS.c.supplier_id == bindparam("supplier_id"),
        "active": OFFERS.c.is_active.is_(True),
    },
    rows=_WITH_CHOICE,
)


def _view(row: Any) -> OfferView:
    return OfferView(offer_of(row), bool(row["is_chosen"]))


def _offer_id(view: OfferView) -> object:
    return view.offer.id


def _row_values(offer: Offer) -> dict[str, Any]:
    return {
        "id": offer.id,
        "tenant_id": offer.tenant_id,
        "product_id": offer.product_id,
        "supplier_id": offer.supplier_id,
        "supplier_sku": offer.supplier_sku,
        "marketplace": offer.marketplace.value,
        "listing_url": offer.listing_url,
        "currency": offer.unit_cost.currency,
        "unit_cost": offer.unit_cost.amount,
        "shipping_cost": offer.shipping_cost.amount,
        "min_order_quantity": offer.min_order_quantity,
        "lead_time_days": offer.lead_time_days,
        "supplier_stock": offer.supplier_stock,
        "is_active": offer.is_active,
        "request_id": offer.request_id,
        "created_at": offer.created_at,
        "updated_at": offer.updated_at,
    }


def offer_of(row: Any) -> Offer:
    """The Offer of a supplier_offers row (a mapping of its columns)."""
    currency = row["currency"]
    return Offer(
        id=row["id"],
        tenant_id=row["tenant_id"],
        product_id=row["product_id"],
        supplier_id=row["supplier_id"],
        supplier_sku=row["supplier_sku"],
        marketplace=Marketplace(row["marketplace"]),
        listing_url=row["listing_url"],
        unit_cost=Money(row["unit_cost"], currency),
        shipping_cost=Money(row["shipping_cost"], currency),
        min_order_quantity=row["min_order_quantity"],
        lead_time_days=row["lead_time_days"],
        supplier_stock=row["supplier_stock"],
        is_active=row["is_active"],
        request_id=row["request_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
