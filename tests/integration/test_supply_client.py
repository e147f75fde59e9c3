"""The typed client's offer and purchase-order methods and the crmctl `offers` and `purchase-orders`
commands against the real server."""

from __future__ import annotations

import asyncio
import json

import pytest

from clients import cli
from clients.async_client import AsyncCrmClient
from crm.v2 import order_service_pb2 as O
from crm.v2 import product_service_pb2 as P
from crm.v2 import purchase_order_service_pb2 as PO
from crm.v2 import supply_service_pb2 as S
from tests.integration.conftest_catalog import a_product, a_supplier, money
from tests.integration.conftest_orders import an_order


async def test_async_client_covers_offers_and_the_dropship_loop(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        supplier = await client.create_supplier(a_supplier())
        product = await client.create_product(
            a_product(
                status=P.PRODUCT_STATUS_ACTIVE, initial_stock=5, fulfilment_mode=P.FULFILMENT_MODE_DROPSHIP
            )
        )
        offer = S.SupplierOffer(
            product_id=product.id,
            supplier_id=supplier.id,
            unit_cost=money("20.00"),
            shipping_cost=money("1.00"),
        )
        created = await client.create_offer(offer, request_id="offer-client-1")
        assert await client.create_offer(offer, request_id="offer-client-1") == created
        assert (await client.get_offer(created.id)).chosen
        assert (await client.list_offers(product_id=product.id)).total_size == 1
        assert (await client.rank_offers(product.id)).chosen_offer_id == created.id
        order = await client.create_order(an_order((product.id, 2)))
        await client.update_order(O.Order(id=order.id, status=O.ORDER_STATUS_CONFIRMED), ["status"])
        (po,) = (await client.list_purchase_orders(order_id=order.id)).purchase_orders
        submitted = await client.update_purchase_order(
            PO.PurchaseOrder(id=po.id, status=PO.PURCHASE_ORDER_STATUS_SUBMITTED), ["status"]
        )
        assert submitted.submit_time.seconds > 0 and (await client.get_purchase_order(po.id)) == submitted
        assert (await client.cancel_purchase_order(po.id, "out of stock")).status == (
            PO.PURCHASE_ORDER_STATUS_CANCELLED
        )
        assert (await client.delete_offer(created.id)).chosen_offer_id == ""


async def crmctl(crm_target: str, tenant_id: int, *argv: str) -> int:
    return await asyncio.to_thread(cli.main, ["--target", crm_target, "--tenant", str(tenant_id), *argv])


async def test_crmctl_offers_and_purchase_orders(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
):
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        supplier = await client.create_supplier(a_supplier())
        product = await client.create_product(a_product(status=P.PRODUCT_STATUS_ACTIVE, initial_stock=2))
    args = ["--product-id", product.id, "--supplier-id", supplier.id, "--unit-cost", "12.40"]
    assert await crmctl(crm_target, tenant_id, "offers", "create", *args, "--min-order-quantity", "5") == 0
    assert "chosen: yes" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "offers", "rank", product.id) == 0
    ranked = capsys.readouterr().out
    assert "landed_cost" in ranked and "moq_fit" in ranked
    line = f"{product.id}:20"
    assert (
        await crmctl(
            crm_target,
            tenant_id,
            "--json",
            "purchase-orders",
            "create",
            "--supplier-id",
            supplier.id,
            "--line",
            line,
        )
        == 0
    )
    po = json.loads(capsys.readouterr().out)
    assert po["lines"][0]["quantity"] == 20 and po["status"] == "PURCHASE_ORDER_STATUS_DRAFT"
    for status in ("submitted", "accepted"):
        assert (
            await crmctl(crm_target, tenant_id, "purchase-orders", "status", po["id"], "--status", status)
            == 0
        )
    ship = ["--status", "shipped", "--carrier", "UPS", "--tracking", "1Z999"]
    assert await crmctl(crm_target, tenant_id, "purchase-orders", "status", po["id"], *ship) == 0
    receive = ["--status", "received", "--received", f"{product.id}:18"]
    assert await crmctl(crm_target, tenant_id, "purchase-orders", "status", po["id"], *receive) == 0
    capsys.readouterr()
    assert await crmctl(crm_target, tenant_id, "purchase-orders", "list", "--status", "received") == 0
    assert po["id"] in capsys.readouterr().out
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        level = (await client.get_inventory(product.id)).inventory_level
    assert (level.available, level.on_order) == (20, 0)
