"""DealService through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal
from itertools import pairwise

import grpc
import pytest
from google.protobuf import field_mask_pb2
from google.type import date_pb2

from crm.v2 import contact_service_pb2, event_service_pb2, events_pb2
from crm.v2 import deal_service_pb2 as pb
from tests.integration.conftest_crm import (
    a_contact,
    a_deal,
    decimal_of,
    event_types,
    usd,
)
from tests.support.status import error_info, field_violations


async def create(deals, tenant_id: int, actor: str = "", **overrides: object) -> pb.Deal:
    return await deals.CreateDeal(
        pb.CreateDealRequest(tenant_id=tenant_id, deal=a_deal(**overrides), actor=actor)
    )


async def move(deals, tenant_id: int, deal_id: str, stage: int, **options: object) -> pb.Deal:
    return await deals.UpdateDeal(
        pb.UpdateDealRequest(
            tenant_id=tenant_id,
            deal=pb.Deal(id=deal_id, stage=stage),  # type: ignore[arg-type]
            update_mask=field_mask_pb2.FieldMask(paths=["stage"]),
            **options,  # type: ignore[arg-type]
        )
    )


async def total(deals, tenant_id: int, **filters: object) -> int:
    return (await deals.ListDeals(pb.ListDealsRequest(tenant_id=tenant_id, **filters))).total_size


async def test_a_new_deal_starts_prospecting_with_the_default_probability_and_its_history(deals, tenant_id):
    deal = await create(deals, tenant_id, actor="alice", amount=usd("1234.56"))

    assert uuid.UUID(deal.id).version == 7
    assert deal.stage == pb.DEAL_STAGE_PROSPECTING
    assert deal.probability == pytest.approx(0.10)
    assert decimal_of(deal.weighted_amount) == Decimal("123.46")  # 123.456 half-up
    assert [(h.from_stage, h.to_stage, h.changed_by) for h in deal.stage_history] == [
        (pb.DEAL_STAGE_UNSPECIFIED, pb.DEAL_STAGE_PROSPECTING, "alice")
    ]
    assert not deal.HasField("close_time")
    assert await deals.GetDeal(pb.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id)) == deal


async def test_an_explicit_probability_and_stage_are_kept_and_without_actor_it_is_anonymous(deals, tenant_id):
    deal = await create(deals, tenant_id, stage=pb.DEAL_STAGE_PROPOSAL, probability=0.6)
    assert deal.probability == pytest.approx(0.6)
    assert deal.stage_history[0].changed_by == "anonymous"


async def test_a_stage_change_is_recorded_with_who_and_when_and_resets_the_probability(
    deals, events, tenant_id
):
    deal = await create(deals, tenant_id, actor="alice")
    moved = await move(deals, tenant_id, deal.id, pb.DEAL_STAGE_NEGOTIATION, actor="bob")

    assert moved.probability == pytest.approx(0.75)
    assert [(h.from_stage, h.to_stage, h.changed_by) for h in moved.stage_history] == [
        (pb.DEAL_STAGE_UNSPECIFIED, pb.DEAL_STAGE_PROSPECTING, "alice"),
        (pb.DEAL_STAGE_PROSPECTING, pb.DEAL_STAGE_NEGOTIATION, "bob"),
    ]
    assert moved.stage_history[1].change_time.ToDatetime() >= moved.stage_history[0].change_time.ToDatetime()
    assert await event_types(events, tenant_id) == ["deal.created", "deal.updated", "deal.stage_changed"]
    listed = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=["deal.stage_changed"])
    )
    payload = events_pb2.DealStageChanged()
    assert listed.events[0].data.Unpack(payload)
    assert (payload.from_stage, payload.to_stage, payload.changed_by) == (
        pb.DEAL_STAGE_PROSPECTING,
        pb.DEAL_STAGE_NEGOTIATION,
        "bob",
    )
    assert payload.change_time == moved.stage_history[1].change_time
    assert payload.probability == pytest.approx(0.75) and not payload.reopened


async def test_concurrent_stage_changes_are_all_recorded_as_one_consistent_chain(deals, tenant_id):
    deal = await create(deals, tenant_id)
    targets = [pb.DEAL_STAGE_QUALIFICATION, pb.DEAL_STAGE_PROPOSAL, pb.DEAL_STAGE_NEGOTIATION]
    await asyncio.gather(*(move(deals, tenant_id, deal.id, stage, actor=f"rep{stage}") for stage in targets))

    final = await deals.GetDeal(pb.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id))
    history = list(final.stage_history)
    assert len(history) == 4
    assert all(later.from_stage == earlier.to_stage for earlier, later in pairwise(history))
    assert {h.to_stage for h in history[1:]} == set(targets)
    assert final.stage == history[-1].to_stage


async def test_a_masked_probability_wins_over_the_stage_default(deals, tenant_id):
    deal = await create(deals, tenant_id)
    updated = await deals.UpdateDeal(
        pb.UpdateDealRequest(
            tenant_id=tenant_id,
            deal=pb.Deal(id=deal.id, stage=pb.DEAL_STAGE_PROPOSAL, probability=0.3),
            update_mask=field_mask_pb2.FieldMask(paths=["stage", "probability"]),
        )
    )
    assert updated.probability == pytest.approx(0.3)


async def test_closing_sets_close_time_and_reopening_needs_allow_reopen(deals, events, tenant_id):
    deal = await create(deals, tenant_id)
    won = await move(deals, tenant_id, deal.id, pb.DEAL_STAGE_CLOSED_WON)
    assert won.probability == 1.0 and won.HasField("close_time")
    recorded = await event_types(events, tenant_id)

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await move(deals, tenant_id, deal.id, pb.DEAL_STAGE_NEGOTIATION)
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    info = error_info(caught.value)
    assert info.reason == "DEAL_CLOSED" and info.metadata["stage"] == "closed_won"
    assert await deals.GetDeal(pb.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id)) == won
    assert await event_types(events, tenant_id) == recorded

    reopened = await move(deals, tenant_id, deal.id, pb.DEAL_STAGE_NEGOTIATION, allow_reopen=True)
    assert reopened.stage == pb.DEAL_STAGE_NEGOTIATION and not reopened.HasField("close_time")
    assert reopened.probability == pytest.approx(0.75)
    listed = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=["deal.stage_changed"])
    )
    payload = events_pb2.DealStageChanged()
    assert listed.events[0].data.Unpack(payload) and payload.reopened


async def test_a_closed_deal_accepts_changes_that_leave_its_stage_alone(deals, tenant_id):
    deal = await create(deals, tenant_id, stage=pb.DEAL_STAGE_CLOSED_LOST)
    assert deal.probability == 0.0 and deal.HasField("close_time")
    updated = await deals.UpdateDeal(
        pb.UpdateDealRequest(
            tenant_id=tenant_id,
            deal=pb.Deal(id=deal.id, close_reason="budget cut", probability=0.9),
            update_mask=field_mask_pb2.FieldMask(paths=["close_reason", "probability"]),
        )
    )
    assert updated.close_reason == "budget cut"
    assert updated.probability == 0.0  # fixed for a lost deal


@pytest.mark.parametrize(
    ("deal", "field"),
    [
        (a_deal(amount=usd("-1.00")), "deal.amount"),
        (a_deal(stage=42), "deal.stage"),
        (a_deal(title=""), "deal.title"),
        (a_deal(probability=1.5), "deal.probability"),
        (a_deal(amount=usd("1.00", currency="DOLLARS")), "deal.amount.currency_code"),
        (a_deal(expected_close_date=date_pb2.Date(year=2026, month=2, day=30)), "deal.expected_close_date"),
        (a_deal(contact_id="not-a-uuid"), "deal.contact_id"),
        (a_deal(contact_id=str(uuid.uuid4())), "deal.contact_id"),
        (a_deal(lead_id=str(uuid.uuid4())), "deal.lead_id"),
    ],
)
async def test_invalid_deals_are_rejected_with_details_and_nothing_is_written(
    deals, events, tenant_id, deal, field
):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await deals.CreateDeal(pb.CreateDealRequest(tenant_id=tenant_id, deal=deal))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await total(deals, tenant_id) == 0
    assert await event_types(events, tenant_id) == []


async def test_a_contact_of_another_tenant_cannot_be_referenced(deals, contacts, tenant_id):
    foreign = await contacts.CreateContact(
        contact_service_pb2.CreateContactRequest(tenant_id=tenant_id + 1, contact=a_contact())
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(deals, tenant_id, contact_id=foreign.id)
    assert "deal.contact_id" in field_violations(caught.value)
    assert await total(deals, tenant_id) == 0


@pytest.mark.parametrize(
    ("mask", "fields", "field"),
    [
        (["stage"], {}, "deal.stage"),
        (["stage"], {"stage": 99}, "deal.stage"),
        (["amount"], {"amount": usd("-5.00")}, "deal.amount"),
        (["weighted_amount"], {}, "update_mask"),
        (["stage_history"], {}, "update_mask"),
    ],
)
async def test_bad_updates_are_rejected_and_change_nothing(deals, tenant_id, mask, fields, field):
    deal = await create(deals, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await deals.UpdateDeal(
            pb.UpdateDealRequest(
                tenant_id=tenant_id,
                deal=pb.Deal(id=deal.id, **fields),
                update_mask=field_mask_pb2.FieldMask(paths=mask),
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await deals.GetDeal(pb.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id)) == deal


async def test_a_deal_of_another_tenant_is_not_found(deals, tenant_id):
    deal = await create(deals, tenant_id)
    other = tenant_id + 1
    for call in (
        deals.GetDeal(pb.GetDealRequest(tenant_id=other, deal_id=deal.id)),
        deals.DeleteDeal(pb.DeleteDealRequest(tenant_id=other, deal_id=deal.id)),
        move(deals, other, deal.id, pb.DEAL_STAGE_CLOSED_WON),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_info(caught.value).reason == "DEAL_NOT_FOUND"
    assert await deals.GetDeal(pb.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id)) == deal


async def test_delete_removes_the_deal_and_records_its_stage(deals, events, tenant_id):
    deal = await create(deals, tenant_id, stage=pb.DEAL_STAGE_PROPOSAL)
    await deals.DeleteDeal(pb.DeleteDealRequest(tenant_id=tenant_id, deal_id=deal.id))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await deals.GetDeal(pb.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    listed = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=["deal.deleted"])
    )
    payload = events_pb2.DealDeleted()
    assert listed.events[0].data.Unpack(payload) and payload.stage == pb.DEAL_STAGE_PROPOSAL


def day(d: int) -> date_pb2.Date:
    return date_pb2.Date(year=2027, month=3, day=d)


async def test_list_filters_by_stage_owner_contact_and_close_date(deals, contacts, tenant_id):
    contact = await contacts.CreateContact(
        contact_service_pb2.CreateContactRequest(tenant_id=tenant_id, contact=a_contact())
    )
    early = await create(deals, tenant_id, owner="alice", expected_close_date=day(1), contact_id=contact.id)
    mid = await create(
        deals, tenant_id, owner="bob", expected_close_date=day(15), stage=pb.DEAL_STAGE_PROPOSAL
    )
    late = await create(
        deals, tenant_id, owner="alice", expected_close_date=day(31), stage=pb.DEAL_STAGE_CLOSED_WON
    )
    undated = await create(deals, tenant_id, owner="alice")

    async def ids(**filters: object) -> list[str]:
        page = await deals.ListDeals(pb.ListDealsRequest(tenant_id=tenant_id, **filters))
        assert page.total_size == len(page.deals)
        return [d.id for d in page.deals]

    assert await ids() == [undated.id, late.id, mid.id, early.id]
    assert await ids(stages=[pb.DEAL_STAGE_PROPOSAL, pb.DEAL_STAGE_CLOSED_WON]) == [late.id, mid.id]
    assert await ids(owner="alice") == [undated.id, late.id, early.id]
    assert await ids(contact_id=contact.id) == [early.id]
    assert await ids(expected_close_start_date=day(10)) == [late.id, mid.id]
    assert await ids(expected_close_start_date=day(1), expected_close_end_date=day(15)) == [mid.id, early.id]
    assert await ids(open_only=True) == [undated.id, mid.id, early.id]
    assert await ids(open_only=True, owner="alice", expected_close_end_date=day(31)) == [early.id]


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"stages": [pb.DEAL_STAGE_UNSPECIFIED]}, "stages[0]"),
        (
            {"expected_close_start_date": day(20), "expected_close_end_date": day(10)},
            "expected_close_end_date",
        ),
        ({"contact_id": "nope"}, "contact_id"),
        ({"page_size": -1}, "page_size"),
        ({"page_token": "forged"}, "page_token"),
    ],
)
async def test_bad_list_requests_are_invalid(deals, tenant_id, filters, field):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await deals.ListDeals(pb.ListDealsRequest(tenant_id=tenant_id, **filters))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)


async def test_list_pages_through_every_deal_once_with_its_history(deals, tenant_id):
    created = [await create(deals, tenant_id) for _ in range(5)]
    await move(deals, tenant_id, created[0].id, pb.DEAL_STAGE_QUALIFICATION)
    seen: list[pb.Deal] = []
    token = ""
    while True:
        page = await deals.ListDeals(pb.ListDealsRequest(tenant_id=tenant_id, page_size=2, page_token=token))
        seen.extend(page.deals)
        token = page.next_page_token
        if not token:
            break
    assert [d.id for d in seen] == [d.id for d in reversed(created)]
    assert [len(d.stage_history) for d in seen] == [1, 1, 1, 1, 2]
