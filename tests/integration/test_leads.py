"""LeadService through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import event_service_pb2, events_pb2, lead_service_pb2_grpc
from crm.v2 import lead_service_pb2 as pb
from tests.support.status import error_reason, field_violations


def a_lead(**overrides: object) -> pb.Lead:
    values: dict[str, object] = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": f"ada.{uuid.uuid4().hex[:8]}@analytical.io",
        "company": "Analytical Engines",
        "job_title": "CTO",
        "phone": "+44 20 7946 0000",
        "source": pb.LEAD_SOURCE_REFERRAL,
        "tags": ["vip"],
    }
    values.update(overrides)
    return pb.Lead(**values)  # type: ignore[arg-type]


async def move_lead(
    leads: lead_service_pb2_grpc.LeadServiceStub,
    tenant_id: int,
    lead_id: str,
    status: pb.LeadStatus.ValueType,
) -> pb.Lead:
    """Update only the lead's status (one lead.updated event)."""
    return await leads.UpdateLead(
        pb.UpdateLeadRequest(
            tenant_id=tenant_id,
            lead=pb.Lead(id=lead_id, status=status),
            update_mask=field_mask_pb2.FieldMask(paths=["status"]),
        )
    )


async def total_leads(leads: lead_service_pb2_grpc.LeadServiceStub, tenant_id: int) -> int:
    return (await leads.ListLeads(pb.ListLeadsRequest(tenant_id=tenant_id))).total_size


async def test_a_created_lead_is_scored_with_factors_that_add_up(leads, tenant_id):
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))

    assert uuid.UUID(lead.id).version == 7
    assert lead.tenant_id == tenant_id
    assert lead.status == pb.LEAD_STATUS_NEW
    assert 0 <= lead.score <= 100
    assert {f.name for f in lead.score_factors} == {
        "source_quality",
        "company",
        "title_seniority",
        "email_domain",
        "completeness",
    }
    assert sum(f.contribution for f in lead.score_factors) == pytest.approx(lead.score, abs=0.011)
    assert sum(f.weight for f in lead.score_factors) == pytest.approx(1.0)
    assert lead.priority == pb.LEAD_PRIORITY_URGENT  # a referred CTO with a corporate email scores >= 80
    assert lead.create_time.seconds > 0 and lead.update_time == lead.create_time

    fetched = await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert fetched == lead


async def test_a_referral_scores_above_a_cold_call_with_the_same_profile(leads, tenant_id):
    referral = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    cold = await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(source=pb.LEAD_SOURCE_COLD_CALL))
    )
    assert referral.score > cold.score


async def test_an_explicit_priority_is_kept(leads, tenant_id):
    lead = await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(priority=pb.LEAD_PRIORITY_LOW))
    )
    assert lead.priority == pb.LEAD_PRIORITY_LOW


async def test_the_same_request_id_returns_the_first_lead_and_creates_nothing(leads, tenant_id):
    request = pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(), request_id="form-42")
    first = await leads.CreateLead(request)
    again = await leads.CreateLead(request)
    assert again == first
    assert await total_leads(leads, tenant_id) == 1
    # the same request_id for a different lead is a mistake of the caller's, not a replay
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await leads.CreateLead(
            pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(first_name="Other"), request_id="form-42")
        )
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert await total_leads(leads, tenant_id) == 1


async def test_concurrent_creates_with_one_request_id_create_one_lead(leads, tenant_id):
    request = pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(), request_id="burst")
    results = await asyncio.gather(*(leads.CreateLead(request) for _ in range(8)))
    assert len({lead.id for lead in results}) == 1
    assert await total_leads(leads, tenant_id) == 1


async def test_request_ids_are_scoped_to_their_tenant(leads, tenant_id):
    one = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(), request_id="r1"))
    other = await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=tenant_id + 1, lead=a_lead(), request_id="r1")
    )
    assert one.id != other.id


@pytest.mark.parametrize(
    ("lead", "field"),
    [
        (a_lead(email="not-an-email"), "lead.email"),
        (a_lead(email=""), "lead.email"),
        (a_lead(first_name=""), "lead.first_name"),
        (a_lead(last_name="x" * 101), "lead.last_name"),
        (a_lead(company="c" * 201), "lead.company"),
        (a_lead(phone="call me maybe"), "lead.phone"),
        (a_lead(source=pb.LEAD_SOURCE_UNSPECIFIED), "lead.source"),
        (a_lead(source=99), "lead.source"),
        (a_lead(status=42), "lead.status"),
        (a_lead(priority=17), "lead.priority"),
        (a_lead(notes="n" * 5001), "lead.notes"),
        (a_lead(tags=["a"] * 21), "lead.tags"),
        (a_lead(tags=["dup", "dup"]), "lead.tags"),
        (a_lead(first_name="Ada\x00"), "lead.first_name"),
    ],
)
async def test_invalid_fields_are_rejected_with_details_and_nothing_is_written(leads, tenant_id, lead, field):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=lead))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await total_leads(leads, tenant_id) == 0


async def test_every_violation_is_reported_at_once(leads, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.CreateLead(
            pb.CreateLeadRequest(tenant_id=0, lead=pb.Lead(email="bad"), request_id="r" * 101)
        )
    violations = field_violations(caught.value)
    assert {
        "tenant_id",
        "lead.email",
        "lead.first_name",
        "lead.last_name",
        "lead.source",
        "request_id",
    } <= set(violations)


async def test_a_lead_of_another_tenant_is_not_found(leads, tenant_id):
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    for call in (
        leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id + 1, lead_id=lead.id)),
        leads.DeleteLead(pb.DeleteLeadRequest(tenant_id=tenant_id + 1, lead_id=lead.id)),
        leads.UpdateLead(
            pb.UpdateLeadRequest(
                tenant_id=tenant_id + 1,
                lead=pb.Lead(id=lead.id, notes="hijack"),
                update_mask=field_mask_pb2.FieldMask(paths=["notes"]),
            )
        ),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_reason(caught.value) == "LEAD_NOT_FOUND"
    assert (await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id))).notes == ""


async def test_a_malformed_id_is_invalid_not_internal(leads, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id="not-a-uuid"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "lead_id" in field_violations(caught.value)


async def test_update_changes_only_masked_fields_and_rescores_when_inputs_change(leads, tenant_id):
    lead = await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(source=pb.LEAD_SOURCE_COLD_CALL))
    )
    updated = await leads.UpdateLead(
        pb.UpdateLeadRequest(
            tenant_id=tenant_id,
            lead=pb.Lead(id=lead.id, source=pb.LEAD_SOURCE_REFERRAL, first_name="Ignored"),
            update_mask=field_mask_pb2.FieldMask(paths=["source"]),
        )
    )
    assert updated.source == pb.LEAD_SOURCE_REFERRAL
    assert updated.first_name == lead.first_name
    assert updated.score > lead.score
    assert updated.update_time.ToDatetime() > lead.update_time.ToDatetime()

    status_only = await leads.UpdateLead(
        pb.UpdateLeadRequest(
            tenant_id=tenant_id,
            lead=pb.Lead(id=lead.id, status=pb.LEAD_STATUS_QUALIFIED),
            update_mask=field_mask_pb2.FieldMask(paths=["status"]),
        )
    )
    assert status_only.status == pb.LEAD_STATUS_QUALIFIED
    assert status_only.score == updated.score


async def test_an_empty_mask_updates_the_fields_that_are_set(leads, tenant_id):
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    updated = await leads.UpdateLead(
        pb.UpdateLeadRequest(
            tenant_id=tenant_id, lead=pb.Lead(id=lead.id, notes="met at expo", tags=["expo"])
        )
    )
    assert updated.notes == "met at expo"
    assert list(updated.tags) == ["expo"]
    assert updated.email == lead.email


@pytest.mark.parametrize(
    ("mask", "lead_fields", "field"),
    [
        (["score"], {}, "update_mask"),
        (["id"], {}, "update_mask"),
        (["nonsense"], {}, "update_mask"),
        (["email"], {"email": "broken@"}, "lead.email"),
        (["status"], {}, "lead.status"),
        (["first_name"], {"first_name": ""}, "lead.first_name"),
    ],
)
async def test_bad_updates_are_rejected_and_change_nothing(leads, tenant_id, mask, lead_fields, field):
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.UpdateLead(
            pb.UpdateLeadRequest(
                tenant_id=tenant_id,
                lead=pb.Lead(id=lead.id, **lead_fields),
                update_mask=field_mask_pb2.FieldMask(paths=mask),
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id)) == lead


async def test_delete_removes_the_lead_and_a_second_delete_is_not_found(leads, tenant_id):
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    await leads.DeleteLead(pb.DeleteLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.DeleteLead(pb.DeleteLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_list_pages_through_every_lead_once_newest_first(leads, tenant_id):
    created = [
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead())) for _ in range(7)
    ]
    await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id + 1, lead=a_lead()))
    seen: list[str] = []
    token = ""
    while True:
        page = await leads.ListLeads(pb.ListLeadsRequest(tenant_id=tenant_id, page_size=3, page_token=token))
        assert page.total_size == 7
        assert len(page.leads) <= 3
        seen.extend(lead.id for lead in page.leads)
        token = page.next_page_token
        if not token:
            break
    assert seen == [lead.id for lead in reversed(created)]


async def test_list_filters_by_status_and_source(leads, tenant_id):
    await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(source=pb.LEAD_SOURCE_WEBSITE))
    )
    won = await leads.CreateLead(
        pb.CreateLeadRequest(
            tenant_id=tenant_id, lead=a_lead(source=pb.LEAD_SOURCE_WEBSITE, status=pb.LEAD_STATUS_CLOSED_WON)
        )
    )
    website = await leads.ListLeads(pb.ListLeadsRequest(tenant_id=tenant_id, source=pb.LEAD_SOURCE_WEBSITE))
    assert website.total_size == 2
    assert {lead.source for lead in website.leads} == {pb.LEAD_SOURCE_WEBSITE}
    both = await leads.ListLeads(
        pb.ListLeadsRequest(
            tenant_id=tenant_id, source=pb.LEAD_SOURCE_WEBSITE, status=pb.LEAD_STATUS_CLOSED_WON
        )
    )
    assert [lead.id for lead in both.leads] == [won.id]


async def test_page_size_rules_follow_aip_158(leads, tenant_id):
    for _ in range(3):
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    coerced = await leads.ListLeads(pb.ListLeadsRequest(tenant_id=tenant_id, page_size=100_000))
    assert len(coerced.leads) == 3
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.ListLeads(pb.ListLeadsRequest(tenant_id=tenant_id, page_size=-1))
    assert "page_size" in field_violations(caught.value)


async def test_a_page_token_only_works_with_the_filters_it_was_issued_for(leads, tenant_id):
    for _ in range(3):
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    page = await leads.ListLeads(pb.ListLeadsRequest(tenant_id=tenant_id, page_size=1))
    for request in (
        pb.ListLeadsRequest(
            tenant_id=tenant_id, page_size=1, page_token=page.next_page_token, source=pb.LEAD_SOURCE_WEBSITE
        ),
        pb.ListLeadsRequest(tenant_id=tenant_id + 1, page_size=1, page_token=page.next_page_token),
        pb.ListLeadsRequest(tenant_id=tenant_id, page_token="garbage!"),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await leads.ListLeads(request)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "page_token" in field_violations(caught.value)


async def test_analytics_aggregates_the_tenants_leads(leads, tenant_id):
    specs = [
        (pb.LEAD_SOURCE_REFERRAL, pb.LEAD_STATUS_CLOSED_WON),
        (pb.LEAD_SOURCE_REFERRAL, pb.LEAD_STATUS_NEW),
        (pb.LEAD_SOURCE_COLD_CALL, pb.LEAD_STATUS_CLOSED_LOST),
        (pb.LEAD_SOURCE_WEBSITE, pb.LEAD_STATUS_NEW),
    ]
    created = [
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(source=s, status=st)))
        for s, st in specs
    ]
    await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id + 1, lead=a_lead()))

    analytics = await leads.GetLeadAnalytics(pb.GetLeadAnalyticsRequest(tenant_id=tenant_id))

    assert analytics.total_leads == 4
    assert {c.status: c.count for c in analytics.by_status} == {
        pb.LEAD_STATUS_CLOSED_WON: 1,
        pb.LEAD_STATUS_NEW: 2,
        pb.LEAD_STATUS_CLOSED_LOST: 1,
    }
    assert {c.source: c.count for c in analytics.by_source} == {
        pb.LEAD_SOURCE_REFERRAL: 2,
        pb.LEAD_SOURCE_COLD_CALL: 1,
        pb.LEAD_SOURCE_WEBSITE: 1,
    }
    scores = [lead.score for lead in created]
    assert analytics.average_score == pytest.approx(sum(scores) / 4, abs=0.01)
    assert analytics.high_priority_count == sum(
        lead.priority in (pb.LEAD_PRIORITY_HIGH, pb.LEAD_PRIORITY_URGENT) for lead in created
    )
    assert sum(b.count for b in analytics.score_buckets) == 4
    for bucket in analytics.score_buckets:
        inside = [
            s
            for s in scores
            if bucket.lower_bound <= s < bucket.upper_bound or s == bucket.upper_bound == 100
        ]
        assert bucket.count == len(inside)
    assert analytics.win_rate == pytest.approx(0.5)


async def test_analytics_of_an_empty_tenant_are_zero(leads, tenant_id):
    analytics = await leads.GetLeadAnalytics(pb.GetLeadAnalyticsRequest(tenant_id=tenant_id))
    assert analytics.total_leads == 0 and analytics.average_score == 0 and analytics.win_rate == 0


async def test_changes_are_recorded_as_events_with_their_payload(leads, events, tenant_id):
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    await move_lead(leads, tenant_id, lead.id, pb.LEAD_STATUS_CONTACTED)
    listed = await events.ListEvents(event_service_pb2.ListEventsRequest(tenant_id=tenant_id))

    assert [e.type for e in listed.events] == ["lead.updated", "lead.created"]
    assert listed.total_size == 2
    updated_event, created_event = listed.events
    assert created_event.aggregate_id == lead.id and created_event.aggregate_type == "lead"
    created = events_pb2.LeadCreated()
    assert created_event.data.Unpack(created)
    assert created.lead == lead and created.tenant_id == tenant_id
    changed = events_pb2.LeadUpdated()
    assert updated_event.data.Unpack(changed)
    assert list(changed.changed_fields) == ["status"]
    assert changed.lead.status == pb.LEAD_STATUS_CONTACTED


async def test_a_rejected_request_records_no_event(leads, events, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError):
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(email="nope")))
    listed = await events.ListEvents(event_service_pb2.ListEventsRequest(tenant_id=tenant_id))
    assert listed.total_size == 0


async def test_an_update_reports_a_bad_id_and_bad_fields_together(leads, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.UpdateLead(
            pb.UpdateLeadRequest(
                tenant_id=tenant_id,
                lead=pb.Lead(id="nope", email="broken@"),
                update_mask=field_mask_pb2.FieldMask(paths=["email", "bogus"]),
            )
        )
    assert {"lead.id", "lead.email", "update_mask"} <= set(field_violations(caught.value))
