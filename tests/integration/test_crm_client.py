"""The typed clients and crmctl for contacts, deals, the pipeline and lead conversion."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import pytest

from clients import cli
from clients.async_client import AsyncCrmClient
from clients.money import money_value, to_money
from clients.sync_client import CrmClient
from crm.v2 import contact_service_pb2, deal_service_pb2, lead_service_pb2
from tests.integration.test_leads import a_lead


async def test_async_client_covers_contacts_deals_pipeline_and_conversion(
    crm_target: str, tenant_id: int
) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        contact = await client.create_contact(
            contact_service_pb2.Contact(first_name="Ada", last_name="L", email="ada@x.io")
        )
        assert (await client.get_contact(contact.id)) == contact
        assert (await client.list_contacts(query="ada")).total_size == 1
        renamed = await client.update_contact(
            contact_service_pb2.Contact(id=contact.id, company="X"), ["company"]
        )
        assert renamed.company == "X"

        deal = await client.create_deal(
            deal_service_pb2.Deal(title="D", amount=to_money("99.95"), contact_id=contact.id), actor="me"
        )
        moved = await client.update_deal(
            deal_service_pb2.Deal(id=deal.id, stage=deal_service_pb2.DEAL_STAGE_CLOSED_WON), ["stage"]
        )
        assert moved.stage_history[-1].changed_by == "anonymous"
        assert [d.id for d in (await client.list_deals(contact_id=contact.id)).deals] == [deal.id]
        summary = await client.pipeline_summary()
        assert summary.won_count == 1 and money_value(summary.won_amount) == Decimal("99.95")

        lead = await client.create_lead(a_lead())
        converted = await client.convert_lead(lead.id, create_deal=True)
        assert converted.lead.converted_contact_id == converted.contact.id

        await client.delete_deal(deal.id)
        await client.delete_contact(contact.id)
        assert (await client.list_contacts()).total_size == 1  # the converted lead's contact


async def test_sync_client_creates_a_contact_and_reads_its_pipeline(crm_target: str, tenant_id: int) -> None:
    def work() -> tuple[contact_service_pb2.Contact, deal_service_pb2.GetPipelineSummaryResponse]:
        with CrmClient(crm_target, tenant_id=tenant_id) as client:
            contact = client.create_contact(
                contact_service_pb2.Contact(first_name="Sync", last_name="C", email="sync@x.io")
            )
            client.create_deal(deal_service_pb2.Deal(title="S", amount=to_money("10.00")))
            return client.get_contact(contact.id), client.pipeline_summary()

    contact, summary = await asyncio.to_thread(work)
    assert contact.email == "sync@x.io" and summary.open_deal_count == 1


async def crmctl(crm_target: str, tenant_id: int, *argv: str) -> int:
    return await asyncio.to_thread(cli.main, ["--target", crm_target, "--tenant", str(tenant_id), *argv])


async def test_crmctl_manages_contacts_and_deals_and_prints_the_pipeline(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["contacts", "create", "--first-name", "Ada", "--last-name", "L", "--email", "ada@cli.io"]
    assert await crmctl(crm_target, tenant_id, *argv) == 0
    assert "ada@cli.io" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "contacts", "list", "--query", "ada") == 0
    assert "1 of 1 contacts" in capsys.readouterr().out

    argv = [
        "--json",
        "deals",
        "create",
        "--title",
        "Big",
        "--amount",
        "1500.50",
        "--close-date",
        "2027-03-31",
    ]
    assert await crmctl(crm_target, tenant_id, *argv) == 0
    deal = json.loads(capsys.readouterr().out)
    assert deal["stage"] == "DEAL_STAGE_PROSPECTING" and deal["expectedCloseDate"]["day"] == 31

    assert await crmctl(crm_target, tenant_id, "deals", "move", deal["id"], "proposal", "--actor", "cli") == 0
    shown = capsys.readouterr().out
    assert "proposal" in shown and "cli" in shown
    assert await crmctl(crm_target, tenant_id, "deals", "list", "--stage", "proposal") == 0
    assert "1 of 1 deals" in capsys.readouterr().out

    assert await crmctl(crm_target, tenant_id, "pipeline") == 0
    out = capsys.readouterr().out
    assert "proposal" in out and "1,500.50 USD" in out and "750.25 USD" in out

    assert await crmctl(crm_target, tenant_id, "dashboard", "--days", "7") == 0
    out = capsys.readouterr().out
    assert "Dashboard: last 7 days" in out
    assert "1 open worth 1,500.50 USD (weighted 750.25 USD)" in out


async def test_crmctl_converts_a_lead_and_reports_a_closed_deal_on_stderr(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    def create_lead() -> lead_service_pb2.Lead:
        with CrmClient(crm_target, tenant_id=tenant_id) as client:
            return client.create_lead(a_lead())

    lead = await asyncio.to_thread(create_lead)
    argv = ["contacts", "convert-lead", lead.id, "--create-deal", "--deal-amount", "200"]
    assert await crmctl(crm_target, tenant_id, *argv) == 0
    assert "created contact" in capsys.readouterr().out

    argv = ["--json", "deals", "create", "--title", "Lost", "--stage", "closed_lost"]
    assert await crmctl(crm_target, tenant_id, *argv) == 0
    deal_id = json.loads(capsys.readouterr().out)["id"]
    assert await crmctl(crm_target, tenant_id, "deals", "move", deal_id, "negotiation") == 1
    assert "DEAL_CLOSED" in capsys.readouterr().err
