"""Order test helpers: stubs, factories for stocked products and orders, and status-detail readers.
Imported by the order and inventory tests (fixtures here are not auto-discovered)."""

from __future__ import annotations

import uuid

import grpc
from google.rpc import error_details_pb2
from google.type import postal_address_pb2
from grpc_status import rpc_status

from crm.v2 import (
    event_service_pb2,
)
from crm.v2 import inventory_service_pb2 as ipb
from crm.v2 import order_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from tests.integration.conftest_catalog import a_product, money


def an_address(**overrides: object) -> postal_address_pb2.PostalAddress:
    values: dict[str, object] = {
        "region_code": "US",
        "address_lines": ["1 Infinite Loop"],
        "postal_code": "95014",
        "locality": "Cupertino",
    }
    values.update(overrides)
    return postal_address_pb2.PostalAddress(**values)  # type: ignore[arg-type]


def an_order(*lines: tuple[str, int], **overrides: object) -> pb.Order:
    values: dict[str, object] = {
        "customer_email": f"buyer.{uuid.uuid4().hex[:8]}@example.com",
        "customer_name": "Grace Hopper",
        "billing_address": an_address(),
        "items": [pb.OrderItem(product_id=pid, quantity=qty) for pid, qty in lines],
    }
    values.update(overrides)
    return pb.Order(**values)  # type: ignore[arg-type]


async def stocked_product(
    products, tenant_id: int, stock: int, price: str = "20.00", **overrides
) -> ppb.Product:
    """An ACTIVE product (unless `status` says otherwise) with `stock` units available at `price`."""
    overrides.setdefault("status", ppb.PRODUCT_STATUS_ACTIVE)
    return await products.CreateProduct(
        ppb.CreateProductRequest(
            tenant_id=tenant_id,
            product=a_product(
                initial_stock=stock,
                pricing=ppb.ProductPricing(source_price=money("10.00"), current_selling_price=money(price)),
                **overrides,
            ),
        )
    )


async def place(orders, tenant_id: int, *lines: tuple[str, int], **kwargs) -> pb.Order:
    order_fields = kwargs.pop("order", {})
    return await orders.CreateOrder(
        pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order(*lines, **order_fields), **kwargs)
    )


async def level(inventory, tenant_id: int, product_id: str, limit: int = 0) -> ipb.GetInventoryResponse:
    return await inventory.GetInventory(
        ipb.GetInventoryRequest(tenant_id=tenant_id, product_id=product_id, movement_limit=limit)
    )


async def event_types(events, tenant_id: int) -> list[str]:
    """The tenant's recorded event types, oldest first."""
    response = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, page_size=200)
    )
    return [e.type for e in reversed(response.events)]


def details(error: grpc.aio.AioRpcError) -> tuple[dict[str, str], error_details_pb2.ErrorInfo]:
    """The field violations (field -> description) and the ErrorInfo of an error."""
    status = rpc_status.from_call(error)
    assert status is not None, "the error carries no google.rpc.Status details"
    violations: dict[str, str] = {}
    info = error_details_pb2.ErrorInfo()
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            violations.update({v.field: v.description for v in bad.field_violations})
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            detail.Unpack(info)
    return violations, info
