"""EventService: the paged history and the live tail of a tenant's events, and inputs that must never
turn into INTERNAL."""

from __future__ import annotations

import asyncio
import base64
import json

import grpc
import pytest
from google.protobuf import timestamp_pb2
from sqlalchemy import text

from crm.v2 import event_service_pb2 as pb
from crm.v2 import events_pb2, lead_service_pb2
from domain.tenancy import acting_for
from server.edge.page_tokens import fingerprint
from tests.integration.test_leads import a_lead
from tests.support.status import field_violations


async def create(leads, tenant_id: int, **fields: object) -> lead_service_pb2.Lead:
    return await leads.CreateLead(
        lead_service_pb2.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(**fields))
    )


async def next_event(stream, timeout: float = 10.0) -> pb.Event:
    return await asyncio.wait_for(stream.read(), timeout)


async def test_a_watcher_receives_new_events_of_its_tenant_only(events, leads, tenant_id):
    stream = events.WatchEvents(pb.WatchEventsRequest(tenant_id=tenant_id))
    await stream.wait_for_connection()
    await create(leads, tenant_id + 1)  # another tenant: never delivered here
    mine = await create(leads, tenant_id)

    event = await next_event(stream)

    assert event.type == "lead.created" and event.aggregate_id == mine.id and event.tenant_id == tenant_id
    payload = events_pb2.LeadCreated()
    assert event.data.Unpack(payload) and payload.lead == mine
    stream.cancel()


async def test_a_watcher_filters_by_type_and_sees_events_in_commit_order(events, leads, tenant_id):
    stream = events.WatchEvents(pb.WatchEventsRequest(tenant_id=tenant_id, types=["lead.deleted"]))
    await stream.wait_for_connection()
    created = [await create(leads, tenant_id) for _ in range(3)]
    for lead in created:
        await leads.DeleteLead(lead_service_pb2.DeleteLeadRequest(tenant_id=tenant_id, lead_id=lead.id))

    received = [await next_event(stream) for _ in created]

    assert [e.type for e in received] == ["lead.deleted"] * 3
    assert [e.aggregate_id for e in received] == [lead.id for lead in created]
    stream.cancel()


async def test_a_watcher_replays_from_its_start_time_then_tails(events, leads, tenant_id):
    first = await create(leads, tenant_id)
    listed = await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id))
    stream = events.WatchEvents(
        pb.WatchEventsRequest(tenant_id=tenant_id, start_time=listed.events[0].occur_time)
    )
    replayed = await next_event(stream)
    second = await create(leads, tenant_id)
    tailed = await next_event(stream)
    assert (replayed.aggregate_id, tailed.aggregate_id) == (first.id, second.id)
    stream.cancel()


async def test_many_concurrent_writers_lose_no_event_in_the_tail(events, leads, tenant_id):
    stream = events.WatchEvents(pb.WatchEventsRequest(tenant_id=tenant_id))
    await stream.wait_for_connection()
    created = await asyncio.gather(*(create(leads, tenant_id) for _ in range(40)))
    received = {(await next_event(stream)).aggregate_id for _ in created}
    assert received == {lead.id for lead in created}
    stream.cancel()


async def test_list_filters_by_type_aggregate_and_time(events, leads, tenant_id):
    lead = await create(leads, tenant_id)
    await leads.DeleteLead(lead_service_pb2.DeleteLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    other = await create(leads, tenant_id)
    deleted = await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id, types=["lead.deleted"]))
    assert [e.aggregate_id for e in deleted.events] == [lead.id]
    about_lead = await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id, aggregate_id=lead.id))
    assert [e.type for e in about_lead.events] == ["lead.deleted", "lead.created"]
    newest = (await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id))).events[0]
    assert newest.aggregate_id == other.id
    before = await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id, end_time=newest.occur_time))
    assert other.id not in [e.aggregate_id for e in before.events]


async def test_list_pages_with_a_token_and_caps_the_page_size(events, leads, tenant_id):
    for _ in range(5):
        await create(leads, tenant_id)
    first = await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id, page_size=2))
    second = await events.ListEvents(
        pb.ListEventsRequest(tenant_id=tenant_id, page_size=2, page_token=first.next_page_token)
    )
    assert first.total_size == 5 and len(first.events) == len(second.events) == 2
    assert not {e.id for e in first.events} & {e.id for e in second.events}
    big = await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id, page_size=10_000))
    assert len(big.events) == 5


def forged_token(position: str, tenant_id: int) -> str:
    from domain.event_log import EventCriteria

    payload = {"a": position, "f": fingerprint(tenant_id, EventCriteria(types=(), aggregate_id=None))}
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("request_fields", "field"),
    [
        ({"start_time": timestamp_pb2.Timestamp(seconds=2**62)}, "start_time"),
        ({"end_time": timestamp_pb2.Timestamp(seconds=-(2**62))}, "end_time"),
        ({"start_time": timestamp_pb2.Timestamp(seconds=10, nanos=-1)}, "start_time"),
        ({"types": ["lead.exploded"]}, "types[0]"),
        ({"page_size": -5}, "page_size"),
        ({"page_token": "%%%"}, "page_token"),
        ({"aggregate_id": "x" * 65}, "aggregate_id"),
    ],
)
async def test_bad_list_requests_are_invalid_never_internal(events, tenant_id, request_fields, field):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id, **request_fields))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)


@pytest.mark.parametrize("position", ["²", "9" * 30, "-1", ""])
async def test_forged_page_positions_are_invalid_never_internal(events, tenant_id, position):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await events.ListEvents(
            pb.ListEventsRequest(tenant_id=tenant_id, page_token=forged_token(position, tenant_id))
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_a_watch_with_an_impossible_start_time_is_invalid(events, tenant_id):
    stream = events.WatchEvents(
        pb.WatchEventsRequest(tenant_id=tenant_id, start_time=timestamp_pb2.Timestamp(seconds=2**62))
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stream.read()
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_control_characters_in_tags_are_invalid_on_every_backend(leads, tenant_id):
    for tag in ("a\x00b", "bell\x07"):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await create(leads, tenant_id, tags=[tag])
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "lead.tags[0]" in field_violations(caught.value)


async def test_an_event_stored_before_the_outbox_kept_its_binary_form_lists_from_its_json(
    crm_server, events, leads, tenant_id
):
    """Rows written before revision 0017 have no binary message: they are read from their JSON."""
    kept = await create(leads, tenant_id)
    older = await create(leads, tenant_id)
    with acting_for(tenant_id):
        async with crm_server.server.components.unit_of_work() as uow:
            await uow.sql.execute(
                text("UPDATE outbox SET message = NULL WHERE tenant_id = :tenant AND aggregate_id = :id"),
                {"tenant": tenant_id, "id": older.id},
            )
            await uow.commit()

    page = await events.ListEvents(pb.ListEventsRequest(tenant_id=tenant_id, types=["lead.created"]))

    shown = {}
    for event in page.events:
        message = events_pb2.LeadCreated()
        assert event.data.Unpack(message)
        shown[message.lead.id] = message.lead
    assert shown == {kept.id: kept, older.id: older}
