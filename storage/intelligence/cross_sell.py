"""The cross-sell candidate statement: co-purchased products and the nearest-priced products of each target
category and classification, pre-ranked and cut to a pool the engine ranks exactly.

Co-purchase strength comes from order items (the source's orders, then the other lines of those orders,
grouped by product) through the (tenant_id, product_id, created_at) and (tenant_id, order_id, line_no)
indexes; no order is loaded. Besides the co-purchased products, each (category, classification) gives its
`depth` eligible products priced nearest the ideal price above and below it, each a short range scan of
ix_products_tenant_shelf, so the rows read do not grow with the catalog or the width of the price band.

The statement is built once per shape with bound parameters, so SQLAlchemy compiles it once: rebuilding and
recompiling a statement of this size cost more than running it. PostgreSQL runs the range scans as LATERAL
subqueries over unnest(categories) x unnest(classifications), planned once; SQLite, which has no LATERAL,
gets one subquery per combination (so a shape per number of categories)."""

from __future__ import annotations

import functools
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    String,
    Uuid,
    and_,
    bindparam,
    case,
    func,
    literal,
    select,
    true,
    union,
)
from sqlalchemy.dialects.postgresql import ARRAY

from domain.catalog import ProductStatus
from domain.intelligence import CandidateQuery
from engines.classification import Classification
from storage.catalog.tables import PRODUCTS as P
from storage.inventory.tables import INVENTORY_LEVELS as L
from storage.orders.sales import sales_of
from storage.orders.tables import ORDER_ITEMS as I

CLASSIFICATIONS = tuple(c.value for c in Classification)

CANDIDATE_COLUMNS = (
    P.c.id,
    P.c.sku,
    P.c.title,
    P.c.category,
    P.c.selling_price,
    P.c.currency,
    P.c.classification,
    L.c.available,
)

TENANT = bindparam("tenant_id", type_=BigInteger())

SOURCE = bindparam("source_id", type_=Uuid())

CURRENCY = bindparam("currency", type_=String())

MIN_PRICE = bindparam("min_price", type_=P.c.selling_price.type)

MAX_PRICE = bindparam("max_price", type_=P.c.selling_price.type)

IDEAL_PRICE = bindparam("ideal_price", type_=P.c.selling_price.type)

# The band and the ideal price in cents, for the shelf's range scans (see _nearest).
MIN_CENTS = bindparam("min_cents", type_=BigInteger())

MAX_CENTS = bindparam("max_cents", type_=BigInteger())

IDEAL_CENTS = bindparam("ideal_cents", type_=BigInteger())

POOL = bindparam("pool", type_=Integer())

DEPTH = bindparam("depth", type_=Integer())

CATEGORIES = bindparam("categories", expanding=True, type_=String())


def candidate_parameters(q: CandidateQuery, *, lateral: bool) -> dict[str, Any]:
    """The bound values of `candidate_statement(lateral=lateral, ...)` for this query."""
    values: dict[str, Any] = {
        "tenant_id": q.tenant_id,
        "source_id": q.source_id,
        "currency": q.currency,
        "min_price": q.min_price,
        "max_price": q.max_price,
        "ideal_price": q.ideal_price,
        "min_cents": _cents_up(q.min_price),
        "max_cents": _cents_down(q.max_price),
        "ideal_cents": _cents_up(q.ideal_price),
        "pool": q.pool,
        "depth": q.depth,
        "categories": list(q.categories),
    }
    if lateral:
        values["shelf_categories"] = list(q.categories)
        values["shelf_classifications"] = list(CLASSIFICATIONS)
    else:
        values.update({f"category_{i}": category for i, category in enumerate(q.categories)})
    return values


SOURCE_STATEMENT = select(P.c.id, P.c.category, P.c.selling_price, P.c.currency).where(
    P.c.tenant_id == TENANT, P.c.id == SOURCE
)


@functools.cache
def candidate_statement(*, lateral: bool, categories: int) -> Select[Any]:
    """The best `pool` candidates (most co-purchases, then best classification, then nearest the ideal
    price), each with its co-purchase count, the number considered and the source's order count.
    `categories` matters only without LATERAL (pass 0 with it)."""
    co = (
        select(I.c.product_id, func.count(func.distinct(I.c.order_id)).label("together"))
        .where(
            I.c.tenant_id == TENANT,
            I.c.order_id.in_(select(I.c.order_id).where(sales_of(TENANT, SOURCE))),
            I.c.product_id != SOURCE,
            I.c.counts_as_sale.is_(True),
        )
        .group_by(I.c.product_id)
        .cte("co_purchases")
    )
    bought = (
        select(*CANDIDATE_COLUMNS)
        .select_from(co.join(P, P.c.id == co.c.product_id).join(L, L.c.product_id == P.c.id))
        .where(*_eligible(), P.c.category.in_(CATEGORIES), P.c.selling_price.between(MIN_PRICE, MAX_PRICE))
    )
    nearest = _nearest_lateral() if lateral else _nearest_per_shelf(categories)
    pool = union(bought, *nearest).subquery("pool")
    together = func.coalesce(co.c.together, 0)
    source_orders = (
        select(func.count(func.distinct(I.c.order_id))).where(sales_of(TENANT, SOURCE)).scalar_subquery()
    )
    return (
        select(
            pool,
            together.label("together"),
            func.count().over().label("considered"),
            source_orders.label("source_orders"),
        )
        .select_from(pool.outerjoin(co, co.c.product_id == pool.c.id))
        .order_by(
            together.desc(),
            _class_rank(pool.c.classification),
            func.abs(pool.c.selling_price - IDEAL_PRICE),
            pool.c.id,
        )
        .limit(POOL)
    )


def _nearest_lateral() -> list[Select[Any]]:
    shelf_categories = (
        func.unnest(bindparam("shelf_categories", type_=ARRAY(String())))
        .table_valued("category")
        .render_derived(name="shelf_category")
    )
    shelf_classifications = (
        func.unnest(bindparam("shelf_classifications", type_=ARRAY(String())))
        .table_valued("classification")
        .render_derived(name="shelf_classification")
    )
    shelves = shelf_categories.join(shelf_classifications, true())
    branches = []
    for above in (True, False):
        nearest = _nearest(
            shelf_categories.c.category, shelf_classifications.c.classification, above=above
        ).lateral()
        branches.append(select(*nearest.c).select_from(shelves.join(nearest, true())))
    return branches


def _nearest_per_shelf(categories: int) -> list[Select[Any]]:
    return [
        select(*nearest.c)
        for i in range(categories)
        for kind in CLASSIFICATIONS
        for above in (True, False)
        for nearest in [
            _nearest(bindparam(f"category_{i}", type_=String()), literal(kind), above=above).subquery()
        ]
    ]


def _nearest(category: ColumnElement[str], classification: ColumnElement[str], *, above: bool) -> Select[Any]:
    # In cents: bigint's comparisons are leakproof, so PostgreSQL keeps them as the index's range
    # conditions under row-level security (numeric's would become a filter over the whole shelf).
    price = P.c.selling_cents
    side = (
        and_(price >= IDEAL_CENTS, price <= MAX_CENTS)
        if above
        else and_(price < IDEAL_CENTS, price >= MIN_CENTS)
    )
    return (
        select(*CANDIDATE_COLUMNS)
        .select_from(P.join(L, L.c.product_id == P.c.id))
        .where(*_eligible(), P.c.category == category, P.c.classification == classification, side)
        .order_by(price.asc() if above else price.desc(), P.c.id)
        .limit(DEPTH)
    )


def _cents_up(amount: Decimal) -> int:
    """The least whole number of cents at or above `amount`."""
    return int((amount * 100).to_integral_value(rounding=ROUND_CEILING))


def _cents_down(amount: Decimal) -> int:
    """The greatest whole number of cents at or below `amount`."""
    return int((amount * 100).to_integral_value(rounding=ROUND_FLOOR))


def _eligible() -> tuple[ColumnElement[bool], ...]:
    """Every candidate rule but category and price: the tenant's, active, in stock, same currency, not the
    source."""
    return (
        P.c.tenant_id == TENANT,
        L.c.tenant_id == TENANT,
        P.c.status == ProductStatus.ACTIVE.value,
        P.c.currency == CURRENCY,
        P.c.id != SOURCE,
        L.c.available > 0,
    )


def _class_rank(classification: ColumnElement[str]) -> ColumnElement[int]:
    return case(
        {Classification.HERO.value: 0, Classification.GOOD.value: 1, Classification.MODERATE.value: 2},
        value=classification,
        else_=3,
    )
