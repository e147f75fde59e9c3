"""Lead scoring that learns from the tenant's own closed leads, through a real gRPC channel."""

from __future__ import annotations

import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import lead_service_pb2 as pb
from tests.integration.test_leads import a_lead

# The policy's default minimum of closed leads before the score learns.
MIN_CLOSED = 30


async def close_leads(leads, tenant_id: int, count: int, source: int, status: int) -> None:
    for _ in range(count):
        await leads.CreateLead(
            pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(source=source, status=status))
        )


async def referrals_always_win(leads, tenant_id: int, each: int) -> None:
    """History: every referral lead won, every cold call lost."""
    await close_leads(leads, tenant_id, each, pb.LEAD_SOURCE_REFERRAL, pb.LEAD_STATUS_CLOSED_WON)
    await close_leads(leads, tenant_id, each, pb.LEAD_SOURCE_COLD_CALL, pb.LEAD_STATUS_CLOSED_LOST)


async def score_of(leads, tenant_id: int, **overrides: object) -> pb.Lead:
    # A modest profile (no company, no seniority) so the base score leaves room to move either way.
    values = {"source": pb.LEAD_SOURCE_REFERRAL, "job_title": "Engineer", "company": "", "phone": ""}
    values.update(overrides)
    return await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(**values)))


async def test_a_tenant_whose_referrals_always_win_scores_new_referrals_higher(leads, tenant_id):
    untrained = await score_of(leads, tenant_id + 1)
    await referrals_always_win(leads, tenant_id, each=MIN_CLOSED // 2)

    referral = await score_of(leads, tenant_id)
    cold_call = await score_of(leads, tenant_id, source=pb.LEAD_SOURCE_COLD_CALL)
    cold_untrained = await score_of(leads, tenant_id + 1, source=pb.LEAD_SOURCE_COLD_CALL)

    assert referral.score > untrained.score
    assert cold_call.score < cold_untrained.score
    learned = {f.name: f for f in referral.score_factors}["learned_win_rate"]
    assert learned.value > 90 and 0 < learned.weight <= 0.5
    assert "30 closed leads" in learned.explanation
    assert sum(f.contribution for f in referral.score_factors) == pytest.approx(referral.score, abs=0.011)
    assert sum(f.weight for f in referral.score_factors) == pytest.approx(1.0)


async def test_one_tenants_history_never_moves_another_tenants_scores(leads, tenant_id):
    neighbour = tenant_id + 1
    before = await score_of(leads, neighbour)
    await referrals_always_win(leads, tenant_id, each=MIN_CLOSED)
    after = await score_of(leads, neighbour)

    assert after.score == before.score
    assert list(after.score_factors) == list(before.score_factors)
    assert "learned_win_rate" not in {f.name for f in after.score_factors}


async def test_fewer_closed_leads_than_the_minimum_teach_nothing(leads, tenant_id):
    fresh = await score_of(leads, tenant_id + 1)
    await close_leads(leads, tenant_id, MIN_CLOSED - 1, pb.LEAD_SOURCE_REFERRAL, pb.LEAD_STATUS_CLOSED_WON)
    # Open leads are not history either.
    await close_leads(leads, tenant_id, 5, pb.LEAD_SOURCE_REFERRAL, pb.LEAD_STATUS_QUALIFIED)

    scored = await score_of(leads, tenant_id)
    assert scored.score == fresh.score
    assert "learned_win_rate" not in {f.name for f in scored.score_factors}


async def test_rescoring_on_update_uses_the_tenants_history(leads, tenant_id):
    lead = await score_of(leads, tenant_id, source=pb.LEAD_SOURCE_WEBSITE)
    await referrals_always_win(leads, tenant_id, each=MIN_CLOSED // 2)
    updated = await leads.UpdateLead(
        pb.UpdateLeadRequest(
            tenant_id=tenant_id,
            lead=pb.Lead(id=lead.id, source=pb.LEAD_SOURCE_REFERRAL),
            update_mask=field_mask_pb2.FieldMask(paths=["source"]),
        )
    )
    assert "learned_win_rate" in {f.name for f in updated.score_factors}
