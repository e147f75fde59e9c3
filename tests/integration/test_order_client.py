"""The typed clients' order and inventory methods and the crmctl order and inventory commands against
the real server."""

from __future__ import annotations

import asyncio
import json

import pytest

from clients import cli
from clients.async_client import AsyncCrmClient
from clients.sync_client import CrmClient
from crm.v2 import order_service_pb2 as O
from crm.v2 import product_service_pb2 as P
from tests.integration.conftest_catalog import a_product
from tests.integration.conftest_orders import an_order


async def test_async_client_covers_orders_and_inventory(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        product = await client.create_product(a_product(status=P.PRODUCT_STATUS_ACTIVE, initial_stock=12))
        draft = an_order((product.id, 2))
        order = await client.create_order(draft, request_id="client-1")
        assert await client.create_order(draft, request_id="client-1") == order
        assert await client.get_order(order.id) == order
        assert (await client.list_orders(status=O.ORDER_STATUS_PENDING)).total_size == 1
        confirmed = await client.update_order(
            O.Order(id=order.id, status=O.ORDER_STATUS_CONFIRMED), ["status"]
        )
        assert confirmed.status == O.ORDER_STATUS_CONFIRMED
        assert (await client.cancel_order(order.id, "changed mind")).status == O.ORDER_STATUS_CANCELLED
        level = await client.update_inventory(product.id, adjust_by=-5, reason="damaged")
        assert level.inventory_level.available == 7
        assert (await client.get_inventory(product.id)).total_movements == 4
        assert (await client.list_inventory(low_stock_only=True)).total_size == 1
        assert (await client.optimize_inventory(product.id)).inputs.history_source
        assert (await client.inventory_alerts()).summary.low_stock_count == 1


async def test_sync_client_creates_and_lists_orders(crm_target: str, tenant_id: int) -> None:
    def run() -> None:
        with CrmClient(crm_target, tenant_id=tenant_id) as client:
            product = client.create_product(a_product(status=P.PRODUCT_STATUS_ACTIVE, initial_stock=3))
            order = client.create_order(an_order((product.id, 1)))
            assert client.get_order(order.id) == order
            assert client.list_orders().total_size == 1
            assert client.list_inventory(query=product.sku).inventory_levels[0].reserved == 1

    await asyncio.to_thread(run)


async def crmctl(crm_target: str, tenant_id: int, *argv: str) -> int:
    return await asyncio.to_thread(cli.main, ["--target", crm_target, "--tenant", str(tenant_id), *argv])


async def test_crmctl_orders_and_inventory(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
):
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        product = await client.create_product(a_product(status=P.PRODUCT_STATUS_ACTIVE, initial_stock=11))
    create = ["orders", "create", "--customer-email", "ada@example.com", "--customer-name", "Ada"]
    create += ["--country", "GB", "--address-line", "1 Bridge St", "--item", f"{product.id}:2"]
    assert await crmctl(crm_target, tenant_id, "--json", *create) == 0
    order = json.loads(capsys.readouterr().out)
    assert order["orderNumber"].startswith("ORD-")
    assert await crmctl(crm_target, tenant_id, "orders", "list") == 0
    assert order["orderNumber"] in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "orders", "get", order["id"]) == 0
    assert "customer_history" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "orders", "update", order["id"], "--status", "confirmed") == 0
    assert "confirmed" in capsys.readouterr().out.lower()
    assert await crmctl(crm_target, tenant_id, "inventory", "list", "--low-stock-only") == 0
    assert product.sku in capsys.readouterr().out
    update = ["inventory", "update", product.id, "--adjust", "-1", "--reason", "count"]
    assert await crmctl(crm_target, tenant_id, *update) == 0
    assert "reorder" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "inventory", "alerts", "--type", "low_stock") == 0
    assert "1 alerts" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "orders", "update", order["id"], "--status", "delivered") != 0
