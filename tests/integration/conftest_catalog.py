"""Catalog test helpers: factories for products and suppliers, stubs, and status-detail readers.
Imported by the catalog tests (fixtures here are not auto-discovered)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from google.type import money_pb2

from crm.v2 import (
    event_service_pb2,
)
from crm.v2 import product_service_pb2 as pb
from crm.v2 import supplier_service_pb2 as spb
from domain.tenancy import acting_for


def money(amount: str, currency: str = "USD") -> money_pb2.Money:
    value = Decimal(amount)
    units = int(value)
    return money_pb2.Money(currency_code=currency, units=units, nanos=int((value - units) * 1_000_000_000))


def as_decimal(value: money_pb2.Money) -> Decimal:
    return Decimal(value.units) + Decimal(value.nanos) / 1_000_000_000


def a_product(**overrides: object) -> pb.Product:
    values: dict[str, object] = {
        "sku": f"SKU-{uuid.uuid4().hex[:10]}",
        "title": "Adjustable Dumbbell Set",
        "category": "fitness",
        "pricing": pb.ProductPricing(source_price=money("49.99")),
        "competitor_count": 3,
        "review_rating": 4.6,
        "review_count": 420,
        "tags": ["gym"],
    }
    values.update(overrides)
    return pb.Product(**values)  # type: ignore[arg-type]


def a_supplier(**overrides: object) -> spb.Supplier:
    values: dict[str, object] = {
        "name": "Shenzhen Iron Works",
        "marketplace": spb.MARKETPLACE_ALIBABA,
        "contact_email": "sales@iron.example.com",
        "rating": 4.8,
        "lead_time_days": 5,
    }
    values.update(overrides)
    return spb.Supplier(**values)  # type: ignore[arg-type]


async def create(products, tenant_id: int, **overrides: object) -> pb.Product:
    return await products.CreateProduct(
        pb.CreateProductRequest(tenant_id=tenant_id, product=a_product(**overrides))
    )


async def get_product(products, tenant_id: int, product_id: str) -> pb.Product:
    return await products.GetProduct(pb.GetProductRequest(tenant_id=tenant_id, product_id=product_id))


async def foreign_supplier(suppliers, tenant_id: int) -> spb.Supplier:
    """A supplier of another tenant: to this one it does not exist."""
    return await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id + 1, supplier=a_supplier())
    )


async def listed(products, tenant_id: int, **filters: object) -> pb.ListProductsResponse:
    return await products.ListProducts(pb.ListProductsRequest(tenant_id=tenant_id, **filters))  # type: ignore[arg-type]


async def event_types(events, tenant_id: int) -> list[str]:
    """The tenant's recorded event types, oldest first."""
    response = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, page_size=100)
    )
    return [e.type for e in reversed(response.events)]


async def seed_products(
    database, tenant_id: int, count: int, *, category: str = "fitness"
) -> list[uuid.UUID]:
    """Insert `count` products (with levels) straight through SQLAlchemy in two set-based statements;
    for tests and benchmarks that need more products than RPCs create quickly. Returns ids, oldest first."""
    from sqlalchemy import insert

    from domain.clock import utcnow
    from domain.ids import new_id
    from storage.catalog.tables import ProductRow
    from storage.inventory.tables import InventoryLevelRow

    now = utcnow()
    ids = [new_id() for _ in range(count)]
    rows = [
        {
            "id": product_id,
            "tenant_id": tenant_id,
            "sku": f"SEED-{index:06d}-{product_id.hex[:6]}",
            "asin": "",
            "title": f"Seeded product {index}",
            "description": "",
            "category": category,
            "status": "active",
            "currency": "USD",
            "source_price": Decimal("10.00"),
            "recommended_price": Decimal("12.50"),
            "selling_price": Decimal("20.00"),
            "dropship_score": 50.0,
            "classification": "moderate",
            "profit_margin": 0.5,
            "score_factors": [],
            "analyzed_at": now,
            "supplier_id": None,
            "competitor_count": None,
            "review_rating": None,
            "review_count": None,
            "weight_grams": 0,
            "length_mm": None,
            "width_mm": None,
            "height_mm": None,
            "image_urls": [],
            "tags": [],
            "request_id": None,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for index, product_id in enumerate(ids)
    ]
    levels = [
        {
            "product_id": product_id,
            "tenant_id": tenant_id,
            "available": 5,
            "reserved": 0,
            "backordered": 0,
            "reorder_point": 10,
            "reorder_quantity": 0,
            "max_stock": 0,
            "version": 1,
            "updated_at": now,
        }
        for product_id in ids
    ]
    with acting_for(tenant_id):  # row-level security admits the tenant's own rows only
        async with database.write_sessions() as session, session.begin():
            await session.execute(insert(ProductRow.__table__), rows)
            await session.execute(insert(InventoryLevelRow.__table__), levels)
    return ids
