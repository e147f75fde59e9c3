"""The typed clients and crmctl for intelligence and workflows, against the real server on both backends."""

from __future__ import annotations

import asyncio
import json

import pytest

from clients import cli
from clients.async_client import AsyncCrmClient
from crm.v2 import intelligence_service_pb2 as pb
from crm.v2 import workflow_service_pb2 as wpb
from tests.integration.conftest_intelligence import product
from tests.support.waiting import eventually


async def crmctl(crm_target: str, tenant_id: int, *argv: str) -> int:
    return await asyncio.to_thread(cli.main, ["--target", crm_target, "--tenant", str(tenant_id), *argv])


async def test_the_async_client_covers_intelligence_and_workflows(crm_target, catalog, tenant_id):
    source = await product(catalog, tenant_id, price="50.00")
    await product(catalog, tenant_id, price="80.00")
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        upsell = await client.recommend_cross_sell(source.id, pb.CROSS_SELL_TYPE_UPSELL)
        price = await client.optimize_pricing(source.id, charm_pricing=True)
        strategy = await client.generate_marketing_strategy(source.id)
        started = await client.start_product_classification(source.id)
        done = await eventually(
            lambda: client.get_workflow(started.id),
            until=lambda w: w.state == wpb.WORKFLOW_STATE_SUCCEEDED,
            timeout=30,
        )
        listed = await client.list_workflows(states=[wpb.WORKFLOW_STATE_SUCCEEDED])
    assert len(upsell.recommendations) == 1
    assert price.recommendation.recommended_price.nanos == 990_000_000
    assert strategy.strategy.product_id == source.id
    assert [w.id for w in listed.workflows] == [done.id]


async def test_crmctl_cross_sell_price_strategy_and_workflows(crm_target, catalog, tenant_id, capsys):
    source = await product(catalog, tenant_id, price="50.00")
    other = await product(catalog, tenant_id, price="80.00", title="Kettlebell")

    assert await crmctl(crm_target, tenant_id, "cross-sell", source.id, "--type", "upsell") == 0
    assert other.id in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "price", source.id, "--competitor-price", "55", "--charm") == 0
    assert "recommended price" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "strategy", source.id, "--budget", "500") == 0
    assert "CAC ceiling" in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "--json", "workflows", "start", source.id) == 0
    workflow = json.loads(capsys.readouterr().out)
    assert await crmctl(crm_target, tenant_id, "workflows", "get", workflow["id"]) == 0
    assert workflow["id"] in capsys.readouterr().out
    assert await crmctl(crm_target, tenant_id, "workflows", "list", "--type", "product_classification") == 0
    assert "1 of 1 workflows" in capsys.readouterr().out
    assert (
        await crmctl(crm_target, tenant_id, "cross-sell", source.id, "--type", "upsell", "--limit", "99") == 1
    )
    assert "limit" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv", [["cross-sell", "x", "--type", "sideways"], ["workflows", "list", "--state", "nope"]]
)
def test_crmctl_refuses_bad_usage(argv):
    with pytest.raises(SystemExit) as exited:
        cli.build_parser().parse_args(argv)
    assert exited.value.code == 2
