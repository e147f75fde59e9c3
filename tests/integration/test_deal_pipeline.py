"""DealService.GetPipelineSummary through a real gRPC channel, on SQLite and PostgreSQL: SQL aggregates
per stage, won and lost in a period, one currency at a time, one tenant at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import grpc
import pytest
from google.protobuf import timestamp_pb2
from google.type import interval_pb2

from crm.v2 import deal_service_pb2 as pb
from tests.integration.conftest_crm import decimal_of, usd
from tests.integration.test_deals import create
from tests.support.status import field_violations


def stamp(value: datetime) -> timestamp_pb2.Timestamp:
    result = timestamp_pb2.Timestamp()
    result.FromDatetime(value)
    return result


async def test_pipeline_summary_sums_counts_amounts_and_weighted_amounts_per_stage(deals, tenant_id):
    await create(deals, tenant_id, amount=usd("100.00"))  # prospecting, 0.10
    await create(deals, tenant_id, amount=usd("200.00"), probability=0.5)  # prospecting
    await create(deals, tenant_id, amount=usd("1000.00"), stage=pb.DEAL_STAGE_NEGOTIATION)  # 0.75
    won = await create(deals, tenant_id, amount=usd("500.00"), stage=pb.DEAL_STAGE_CLOSED_WON)
    await create(deals, tenant_id, amount=usd("300.00"), stage=pb.DEAL_STAGE_CLOSED_LOST)
    await create(deals, tenant_id, amount=usd("999.00", currency="EUR"))
    await create(deals, tenant_id + 1, amount=usd("7777.00"))

    summary = await deals.GetPipelineSummary(pb.GetPipelineSummaryRequest(tenant_id=tenant_id))

    by_stage = {s.stage: s for s in summary.stages}
    assert [s.stage for s in summary.stages] == list(range(1, 7))
    prospecting = by_stage[pb.DEAL_STAGE_PROSPECTING]
    assert prospecting.deal_count == 2
    assert decimal_of(prospecting.amount) == Decimal("300.00")
    assert decimal_of(prospecting.weighted_amount) == Decimal("110.00")
    assert prospecting.average_probability == pytest.approx(0.3)
    assert by_stage[pb.DEAL_STAGE_QUALIFICATION].deal_count == 0
    assert summary.open_deal_count == 3
    assert decimal_of(summary.open_amount) == Decimal("1300.00")
    assert decimal_of(summary.weighted_open_amount) == Decimal("860.00")
    assert (summary.won_count, decimal_of(summary.won_amount)) == (1, Decimal("500.00"))
    assert (summary.lost_count, decimal_of(summary.lost_amount)) == (1, Decimal("300.00"))
    assert summary.win_rate == pytest.approx(0.5)
    assert summary.currency_code == "USD" and summary.excluded_deal_count == 1
    period = summary.period
    assert period.end_time.ToDatetime() - period.start_time.ToDatetime() == timedelta(days=30)

    # A period that ends before the deals closed counts no wins or losses, but still every stage.
    before = datetime.fromtimestamp(won.create_time.seconds, UTC) - timedelta(days=1)
    earlier = await deals.GetPipelineSummary(
        pb.GetPipelineSummaryRequest(
            tenant_id=tenant_id, period=interval_pb2.Interval(end_time=stamp(before))
        )
    )
    assert (earlier.won_count, earlier.lost_count, earlier.win_rate) == (0, 0, 0.0)
    assert {s.stage: s.deal_count for s in earlier.stages}[pb.DEAL_STAGE_CLOSED_WON] == 1

    euros = await deals.GetPipelineSummary(
        pb.GetPipelineSummaryRequest(tenant_id=tenant_id, currency_code="eur")
    )
    assert euros.open_deal_count == 1 and euros.excluded_deal_count == 5


async def test_pipeline_summary_of_an_owner_and_of_an_empty_tenant(deals, tenant_id):
    await create(deals, tenant_id, owner="alice", amount=usd("10.00"))
    await create(deals, tenant_id, owner="bob", amount=usd("20.00"))
    alice = await deals.GetPipelineSummary(pb.GetPipelineSummaryRequest(tenant_id=tenant_id, owner="alice"))
    assert alice.open_deal_count == 1 and decimal_of(alice.open_amount) == Decimal("10.00")
    empty = await deals.GetPipelineSummary(pb.GetPipelineSummaryRequest(tenant_id=tenant_id + 1))
    assert empty.open_deal_count == 0 and empty.currency_code == "USD" and len(empty.stages) == 6


@pytest.mark.parametrize(
    ("request_fields", "field"),
    [
        (
            {
                "period": interval_pb2.Interval(
                    start_time=stamp(datetime(2027, 1, 2, tzinfo=UTC)),
                    end_time=stamp(datetime(2027, 1, 1, tzinfo=UTC)),
                )
            },
            "period",
        ),
        ({"currency_code": "US"}, "currency_code"),
        ({"tenant_id": 0}, "tenant_id"),
    ],
)
async def test_bad_pipeline_requests_are_invalid(deals, tenant_id, request_fields, field):
    values = {"tenant_id": tenant_id, **request_fields}
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await deals.GetPipelineSummary(pb.GetPipelineSummaryRequest(**values))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
