"""The typed clients' catalog methods and the crmctl catalog commands against the real server."""

from __future__ import annotations

import asyncio
import json

import pytest

from clients import cli
from clients.async_client import AsyncCrmClient
from clients.sync_client import CrmClient
from crm.v2 import product_service_pb2 as P
from crm.v2 import supplier_service_pb2 as S
from tests.integration.conftest_catalog import a_product, a_supplier


async def test_async_client_covers_products_and_suppliers(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        supplier = await client.create_supplier(a_supplier())
        draft = a_product(supplier_id=supplier.id)
        product = await client.create_product(draft, request_id="c-1")
        assert await client.create_product(draft, request_id="c-1") == product
        assert await client.get_product(product.id) == product
        assert [p.id for p in (await client.list_products(category="fitness")).products] == [product.id]
        renamed = await client.update_product(P.Product(id=product.id, title="Renamed"), ["title"])
        assert renamed.title == "Renamed"
        bulk = await client.bulk_update_products(
            P.ProductChanges(status=P.PRODUCT_STATUS_ACTIVE), product_ids=[product.id]
        )
        assert bulk.updated_count == 1
        assert (await client.delete_product(product.id)).status == P.PRODUCT_STATUS_DISCONTINUED
        assert (await client.get_supplier(supplier.id)) == supplier
        assert (await client.list_suppliers(active_only=True)).total_size == 1
        assert (await client.update_supplier(S.Supplier(id=supplier.id, notes="ok"), ["notes"])).notes == "ok"


async def test_sync_client_creates_and_lists_products(crm_target: str, tenant_id: int) -> None:
    def run() -> None:
        with CrmClient(crm_target, tenant_id=tenant_id) as client:
            product = client.create_product(a_product())
            assert client.get_product(product.id) == product
            assert client.list_products().total_size == 1

    await asyncio.to_thread(run)


async def crmctl(crm_target: str, tenant_id: int, *argv: str) -> int:
    return await asyncio.to_thread(cli.main, ["--target", crm_target, "--tenant", str(tenant_id), *argv])


async def test_crmctl_creates_lists_and_shows_suppliers_and_products(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        await crmctl(
            crm_target,
            tenant_id,
            "--json",
            "suppliers",
            "create",
            "--name",
            "Iron Works",
            "--marketplace",
            "alibaba",
            "--rating",
            "4.5",
            "--lead-time-days",
            "6",
        )
        == 0
    )
    supplier = json.loads(capsys.readouterr().out)
    assert await crmctl(crm_target, tenant_id, "suppliers", "list", "--marketplace", "alibaba") == 0
    assert "Iron Works" in capsys.readouterr().out

    assert (
        await crmctl(
            crm_target,
            tenant_id,
            "--json",
            "products",
            "create",
            "--sku",
            "CLI-1",
            "--title",
            "Kettlebell",
            "--category",
            "fitness",
            "--source-price",
            "49.99",
            "--supplier-id",
            supplier["id"],
            "--initial-stock",
            "4",
        )
        == 0
    )
    product = json.loads(capsys.readouterr().out)
    assert product["stockAvailable"] == 4
    assert await crmctl(crm_target, tenant_id, "products", "list", "--category", "fitness") == 0
    listing = capsys.readouterr().out
    assert "CLI-1" in listing and "1 of 1 products" in listing
    assert await crmctl(crm_target, tenant_id, "products", "get", product["id"]) == 0
    detail = capsys.readouterr().out
    assert "margin_potential" in detail and "recommended price" in detail


async def test_crmctl_reports_an_unknown_category_and_exits_1(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await crmctl(
        crm_target,
        tenant_id,
        "products",
        "create",
        "--sku",
        "X",
        "--title",
        "T",
        "--category",
        "time machines",
        "--source-price",
        "5",
    )
    assert code == 1
    assert "product.category" in capsys.readouterr().err
