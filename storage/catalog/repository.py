"""Products on SQLAlchemy: rows <-> domain Product (with the stock of its inventory level), filtered
keyset pages, and the set-based reads and writes of bulk updates."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, select

from domain.catalog import (
    Dimensions,
    FulfilmentMode,
    Product,
    ProductAnalysis,
    ProductFilter,
    ProductStatus,
)
from domain.money import Money
from domain.paging import Page, PageRequest
from engines.classification import Classification
from storage.bulk_write import write_product_changes
from storage.catalog.tables import PRODUCTS
from storage.documents import factors_json, factors_of
from storage.execution import Sql
from storage.inventory.tables import INVENTORY_LEVELS as LEVELS
from storage.paging import Filter, ListStatements, list_page
from storage.rows import insert_row, update_row
from storage.text_match import contains, like_pattern

# A product row with the stock columns of its level.
_PRODUCT_COLUMNS = (*PRODUCTS.c, LEVELS.c.available, LEVELS.c.reserved)


class SqlAlchemyProductRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, product: Product) -> None:
        await insert_row(self._sql, PRODUCTS, _row_values(product))

    async def get(self, tenant_id: int, product_id: uuid.UUID, *, for_update: bool = False) -> Product | None:
        stmt = _GET_FOR_UPDATE if for_update else _GET
        row = (
            (await self._sql.execute(stmt, {"tenant_id": tenant_id, "id": product_id}))
            .mappings()
            .one_or_none()
        )
        return _to_domain(row) if row else None

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Product | None:
        params = {"tenant_id": tenant_id, "request_id": request_id}
        row = (await self._sql.execute(_BY_REQUEST_ID, params)).mappings().one_or_none()
        return _to_domain(row) if row else None

    async def sku_owner(self, tenant_id: int, sku: str) -> uuid.UUID | None:
        """The id of the tenant's product with this sku, if any."""
        owner: uuid.UUID | None = await self._sql.scalar(_SKU_OWNER, {"tenant_id": tenant_id, "sku": sku})
        return owner

    async def list(self, tenant_id: int, criteria: ProductFilter, page: PageRequest) -> Page[Product]:
        """The tenant's matching products newest first; the keyset position is the (time-ordered) id."""
        return await list_page(self._sql, _LIST, _filter(tenant_id, criteria), page, convert=_to_domain)

    async def save(self, product: Product) -> None:
        await update_row(self._sql, PRODUCTS, values=_row_values(product), immutable=("request_id",))

    async def lock_many(self, tenant_id: int, ids: Sequence[uuid.UUID]) -> builtins.list[Product]:
        """The tenant's products among `ids`, locked in id order (so concurrent bulk updates cannot
        deadlock) with one statement."""
        if not ids:
            return []
        stmt = (
            _with_stock()
            .where(PRODUCTS.c.tenant_id == tenant_id, _id_among(ids))
            .order_by(PRODUCTS.c.id)
            .with_for_update(of=PRODUCTS)
        )
        return [_to_domain(r) for r in (await self._sql.execute(stmt)).mappings()]

    async def matching_ids(
        self, tenant_id: int, criteria: ProductFilter, limit: int
    ) -> builtins.list[uuid.UUID]:
        """Ids of up to `limit` matching products, newest first."""
        where = _filter(tenant_id, criteria)
        stmt = _LIST.matching(where.names).order_by(PRODUCTS.c.id.desc()).limit(limit)
        return list((await self._sql.execute(stmt, where.params)).scalars())

    async def of_supplier(self, tenant_id: int, supplier_id: uuid.UUID) -> builtins.list[Product]:
        """The supplier's products that are not discontinued, locked for re-scoring."""
        stmt = (
            _with_stock()
            .where(
                PRODUCTS.c.tenant_id == tenant_id,
                PRODUCTS.c.supplier_id == supplier_id,
                PRODUCTS.c.status != ProductStatus.DISCONTINUED.value,
            )
            .order_by(PRODUCTS.c.id)
            .with_for_update(of=PRODUCTS)
        )
        return [_to_domain(r) for r in (await self._sql.execute(stmt)).mappings()]

    async def save_many(self, products: Sequence[Product]) -> None:
        """Write the bulk-updatable columns of many products with one set-based statement."""
        await write_product_changes(self._sql, [_bulk_values(p) for p in products])


def _id_among(ids: Sequence[uuid.UUID]) -> ColumnElement[bool]:
    """`id` is one of `ids` (one array parameter on PostgreSQL, not 10,000 of them: storage/execution.py)."""
    return PRODUCTS.c.id.in_(list(ids))


def _with_stock() -> Select[Any]:
    return select(*_PRODUCT_COLUMNS).select_from(
        PRODUCTS.outerjoin(LEVELS, LEVELS.c.product_id == PRODUCTS.c.id)
    )


_IN_TENANT = PRODUCTS.c.tenant_id == bindparam("tenant_id")
_GET = _with_stock().where(_IN_TENANT, PRODUCTS.c.id == bindparam("id"))
_GET_FOR_UPDATE = _GET.with_for_update(of=PRODUCTS)
_BY_REQUEST_ID = _with_stock().where(_IN_TENANT, PRODUCTS.c.request_id == bindparam("request_id"))
_SKU_OWNER = select(PRODUCTS.c.id).where(_IN_TENANT, PRODUCTS.c.sku == bindparam("sku"))


_LIST = ListStatements(
    PRODUCTS,
    {
        "tenant": _IN_TENANT,
        "status": PRODUCTS.c.status == bindparam("status"),
        "live": PRODUCTS.c.status != ProductStatus.DISCONTINUED.value,
        "category": PRODUCTS.c.category == bindparam("category"),
        "classification": PRODUCTS.c.classification == bindparam("classification"),
        "supplier": PRODUCTS.c.supplier_id == bindparam("supplier_id"),
        "margin_at_risk": PRODUCTS.c.margin_at_risk.is_(True),
        "fulfilment_mode": PRODUCTS.c.fulfilment_mode == bindparam("fulfilment_mode"),
        "query": contains(PRODUCTS.c.title, bindparam("query"))
        | contains(PRODUCTS.c.sku, bindparam("query")),
        "min_price": and_(
            PRODUCTS.c.currency == bindparam("min_currency"),
            PRODUCTS.c.selling_price >= bindparam("min_amount"),
        ),
        "max_price": and_(
            PRODUCTS.c.currency == bindparam("max_currency"),
            PRODUCTS.c.selling_price <= bindparam("max_amount"),
        ),
    },
    rows=_with_stock(),
)


def _filter(tenant_id: int, criteria: ProductFilter) -> Filter:
    low, high = criteria.min_price, criteria.max_price
    return _LIST.filter(
        tenant={"tenant_id": tenant_id},
        status={"status": criteria.status.value} if criteria.status is not None else None,
        live={} if criteria.status is None and not criteria.show_discontinued else None,
        category={"category": criteria.category} if criteria.category else None,
        classification={"classification": criteria.classification.value}
        if criteria.classification is not None
        else None,
        supplier={"supplier_id": criteria.supplier_id} if criteria.supplier_id is not None else None,
        margin_at_risk={} if criteria.margin_at_risk_only else None,
        fulfilment_mode={"fulfilment_mode": criteria.fulfilment_mode.value}
        if criteria.fulfilment_mode is not None
        else None,
        query={"query": like_pattern(criteria.query)} if criteria.query else None,
        min_price={"min_currency": low.currency, "min_amount": low.amount} if low is not None else None,
        max_price={"max_currency": high.currency, "max_amount": high.amount} if high is not None else None,
    )


def _bulk_values(product: Product) -> dict[str, Any]:
    return {
        "id": product.id,
        "tenant_id": product.tenant_id,
        "status": product.status.value,
        "category": product.category,
        "supplier_id": product.supplier_id,
        "selling_price": product.selling_price.amount,
        "recommended_price": product.recommended_price.amount,
        "dropship_score": product.analysis.score,
        "classification": product.analysis.classification.value,
        "profit_margin": product.analysis.profit_margin,
        "score_factors": factors_json(product.analysis.factors),
        "analyzed_at": product.analysis.analyzed_at,
        "tags": list(product.tags),
        "margin_at_risk": product.margin_at_risk,
        "version": product.version,
        "updated_at": product.updated_at,
    }


def _row_values(product: Product) -> dict[str, Any]:
    dims = product.dimensions
    return {
        **_bulk_values(product),
        "sku": product.sku,
        "asin": product.asin,
        "title": product.title,
        "description": product.description,
        "currency": product.currency,
        "source_price": product.source_price.amount,
        "competitor_count": product.competitor_count,
        "review_rating": product.review_rating,
        "review_count": product.review_count,
        "weight_grams": product.weight_grams,
        "length_mm": dims.length_mm if dims else None,
        "width_mm": dims.width_mm if dims else None,
        "height_mm": dims.height_mm if dims else None,
        "image_urls": list(product.image_urls),
        "request_id": product.request_id,
        "fulfilment_mode": product.fulfilment_mode.value,
        "chosen_offer_id": product.chosen_offer_id,
        "created_at": product.created_at,
    }


def _to_domain(row: Any) -> Product:
    currency = row["currency"]
    has_dimensions = row["length_mm"] is not None
    return Product(
        id=row["id"],
        tenant_id=row["tenant_id"],
        sku=row["sku"],
        asin=row["asin"],
        title=row["title"],
        description=row["description"],
        category=row["category"],
        status=ProductStatus(row["status"]),
        source_price=Money(row["source_price"], currency),
        recommended_price=Money(row["recommended_price"], currency),
        selling_price=Money(row["selling_price"], currency),
        analysis=ProductAnalysis(
            score=row["dropship_score"],
            classification=Classification(row["classification"]),
            profit_margin=row["profit_margin"],
            factors=factors_of(row["score_factors"]),
            analyzed_at=row["analyzed_at"],
        ),
        supplier_id=row["supplier_id"],
        competitor_count=row["competitor_count"],
        review_rating=row["review_rating"],
        review_count=row["review_count"],
        weight_grams=row["weight_grams"],
        dimensions=Dimensions(row["length_mm"], row["width_mm"], row["height_mm"])
        if has_dimensions
        else None,
        image_urls=tuple(row["image_urls"]),
        tags=tuple(row["tags"]),
        stock_available=row["available"] or 0,
        stock_reserved=row["reserved"] or 0,
        request_id=row["request_id"],
        version=row["version"],
        fulfilment_mode=FulfilmentMode(row["fulfilment_mode"]),
        margin_at_risk=row["margin_at_risk"],
        chosen_offer_id=row["chosen_offer_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
