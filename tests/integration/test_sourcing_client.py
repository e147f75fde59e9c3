"""The typed clients' sourcing and risk list methods, and the crmctl `sourcing` and `risk-lists` commands,
against the real server."""

from __future__ import annotations

import asyncio
import json

import pytest

from clients.async_client import AsyncCrmClient
from clients.sync_client import CrmClient
from crm.v2 import order_service_pb2 as O
from crm.v2 import sourcing_service_pb2 as S
from tests.integration.conftest_sourcing import a_candidate
from tests.integration.test_catalog_client import crmctl


async def test_async_client_covers_sourcing_and_risk_lists(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        draft = a_candidate()
        candidate = await client.create_candidate(draft, request_id="cand-1")
        assert await client.create_candidate(draft, request_id="cand-1") == candidate  # a retry keeps one
        batch = await client.batch_create_candidates([a_candidate(title="Second"), draft])
        assert [c.title for c in batch.candidates] == ["Second"] and batch.skipped[0].index == 1
        ranked = await client.list_candidates(order_by=S.CANDIDATE_ORDER_BY_SCORE)
        assert ranked.total_size == 2
        assert await client.get_candidate(candidate.id) == candidate
        imported = await client.approve_candidate(candidate.id, sku="CLIENT-1")
        assert imported.product.sku == "CLIENT-1"
        rejected = await client.reject_candidate(batch.candidates[0].id, "not for us")
        assert rejected.status == S.CANDIDATE_STATUS_REJECTED

        entry = await client.create_risk_list_entry(
            O.RISK_LIST_BLOCK, O.RISK_LIST_KIND_DOMAIN, "shady.example", reason="chargebacks"
        )
        assert [e.id for e in (await client.list_risk_list_entries()).entries] == [entry.id]
        assert (await client.delete_risk_list_entry(entry.id)).value == "shady.example"


async def test_sync_client_adds_and_approves_a_candidate(crm_target: str, tenant_id: int) -> None:
    def run() -> None:
        with CrmClient(crm_target, tenant_id=tenant_id) as client:
            candidate = client.create_candidate(a_candidate())
            assert client.approve_candidate(candidate.id).candidate.status == S.CANDIDATE_STATUS_IMPORTED

    await asyncio.to_thread(run)


async def test_crmctl_adds_ranks_approves_and_rejects_candidates(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    add = (
        "sourcing",
        "add",
        "--title",
        "Portable Blender",
        "--category",
        "kitchen",
        "--source-price",
        "12.50",
    )
    assert (
        await crmctl(
            crm_target,
            tenant_id,
            "--json",
            *add,
            "--marketplace",
            "aliexpress",
            "--marketplace-id",
            "B1",
            "--competitor-price",
            "29.99",
            "--competitor-price",
            "34.99",
        )
        == 0
    )
    kept = json.loads(capsys.readouterr().out)
    assert kept["status"] == "CANDIDATE_STATUS_PENDING" and kept["expectedSellingPrice"]["units"] == "32"
    assert await crmctl(crm_target, tenant_id, *add, "--url", "https://www.ebay.com/itm/2") == 0
    assert "kept candidate" in capsys.readouterr().out

    assert await crmctl(crm_target, tenant_id, "sourcing", "list", "--order-by", "margin") == 0
    table = capsys.readouterr().out
    assert "Portable Blender" in table and "2 candidates" in table
    assert await crmctl(crm_target, tenant_id, "sourcing", "approve", kept["id"], "--sku", "CLI-BLEND") == 0
    assert "imported as product" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "sourcing", "reject", kept["id"], "--reason", "late") == 1
    assert "CANDIDATE_IMPORTED" in capsys.readouterr().err
    assert await crmctl(crm_target, tenant_id, "sourcing", "discover", "--category", "kitchen") == 1
    assert "AGENT_NOT_CONFIGURED" in capsys.readouterr().err


async def test_crmctl_manages_the_risk_lists(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        await crmctl(
            crm_target,
            tenant_id,
            "risk-lists",
            "add",
            "--list",
            "block",
            "--kind",
            "email",
            "thief@example.com",
            "--reason",
            "fraud ring",
        )
        == 0
    )
    assert "thief@example.com" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "--json", "risk-lists", "list", "--list", "block") == 0
    [entry] = json.loads(capsys.readouterr().out)["entries"]
    assert await crmctl(crm_target, tenant_id, "risk-lists", "remove", entry["id"]) == 0
    assert "removed thief@example.com from the block list" in capsys.readouterr().out
