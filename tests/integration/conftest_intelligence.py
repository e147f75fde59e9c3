"""Intelligence test helpers: stubs, catalog products made through the API, and orders inserted straight
through SQLAlchemy (co-purchase and sales history without the orders area's RPCs). Imported by the
intelligence tests (fixtures here are not auto-discovered)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

import grpc
from sqlalchemy import insert

from crm.v2 import (
    event_service_pb2,
)
from crm.v2 import product_service_pb2 as ppb
from domain.clock import utcnow
from domain.ids import new_id
from domain.tenancy import acting_for
from storage.orders.tables import OrderItemRow, OrderRow
from tests.integration.conftest_catalog import money


async def product(
    catalog,
    tenant_id: int,
    *,
    price: str,
    category: str = "fitness",
    source: str | None = None,
    stock: int = 10,
    status: int = ppb.PRODUCT_STATUS_ACTIVE,
    title: str = "Adjustable Dumbbell Set",
    currency: str = "USD",
) -> ppb.Product:
    """An active product selling at `price` (source price: 60 % of it unless given)."""
    source_price = source or str((Decimal(price) * Decimal("0.6")).quantize(Decimal("0.01")))
    return await catalog.CreateProduct(
        ppb.CreateProductRequest(
            tenant_id=tenant_id,
            product=ppb.Product(
                sku=f"SKU-{uuid.uuid4().hex[:10]}",
                title=title,
                category=category,
                status=status,
                initial_stock=stock,
                pricing=ppb.ProductPricing(
                    source_price=money(source_price, currency), current_selling_price=money(price, currency)
                ),
            ),
        )
    )


async def insert_orders(
    database,
    tenant_id: int,
    baskets: Sequence[Sequence[tuple[str, int]]],
    *,
    days_ago: int = 1,
    counts_as_sale: bool = True,
) -> None:
    """One order per basket of (product id, quantity) lines, in two set-based INSERTs."""
    at = utcnow() - timedelta(days=days_ago)
    orders, items = [], []
    for index, basket in enumerate(baskets):
        order_id = new_id()
        orders.append(_order_row(order_id, tenant_id, index, at))
        for line, (product_id, quantity) in enumerate(basket, 1):
            items.append(
                {
                    "id": new_id(),
                    "tenant_id": tenant_id,
                    "order_id": order_id,
                    "line_no": line,
                    "product_id": uuid.UUID(product_id),
                    "sku": "X",
                    "title": "X",
                    "quantity": quantity,
                    "unit_price": Decimal("10.00"),
                    "total_price": Decimal("10.00") * quantity,
                    "backordered": False,
                    "counts_as_sale": counts_as_sale,
                    "created_at": at,
                }
            )
    with acting_for(tenant_id):  # row-level security admits the tenant's own rows only
        async with database.write_sessions() as session, session.begin():
            await session.execute(insert(OrderRow.__table__), orders)
            await session.execute(insert(OrderItemRow.__table__), items)


def _order_row(order_id: uuid.UUID, tenant_id: int, index: int, at) -> dict[str, object]:
    return {
        "id": order_id,
        "tenant_id": tenant_id,
        "order_number": f"ORD-T-{order_id.hex[:12]}-{index}",
        "customer_email": "buyer@example.com",
        "customer_name": "Buyer",
        "billing_address": {},
        "shipping_address": {},
        "currency": "USD",
        "subtotal": Decimal("10.00"),
        "tax": Decimal("0"),
        "shipping": Decimal("0"),
        "discount": Decimal("0"),
        "total": Decimal("10.00"),
        "status": "delivered",
        "financial_status": "paid",
        "risk_level": "low",
        "risk_score": 0.1,
        "verification_required": False,
        "fraud_action": "standard_processing",
        "fraud_factors": [],
        "analyzed_at": at,
        "notes": "",
        "tracking_number": "",
        "carrier": "",
        "request_id": None,
        "cancel_reason": "",
        "version": 1,
        "created_at": at,
        "updated_at": at,
    }


async def events_of(channel: grpc.aio.Channel, tenant_id: int, event_type: str) -> list:
    from crm.v2 import event_service_pb2_grpc

    response = await event_service_pb2_grpc.EventServiceStub(channel).ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, page_size=200, types=[event_type])
    )
    return list(response.events)
