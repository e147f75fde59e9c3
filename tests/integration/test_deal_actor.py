"""Who a deal's stage history records: the token's principal with auth on, never the request's actor."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest_asyncio
from google.protobuf import field_mask_pb2

from crm.v2 import deal_service_pb2 as pb
from crm.v2 import deal_service_pb2_grpc, lead_service_pb2, lead_service_pb2_grpc
from tests.integration.conftest_crm import a_deal
from tests.integration.test_auth import bearer, jwt_server, token
from tests.integration.test_leads import a_lead

__all__ = ["jwt_server"]


@pytest_asyncio.fixture
async def channel_with_auth(jwt_server) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(jwt_server.target) as channel:
        yield channel


async def test_with_auth_on_the_principal_is_recorded_and_the_actor_ignored(channel_with_auth):
    deals = deal_service_pb2_grpc.DealServiceStub(channel_with_auth)
    credentials = bearer(token(tenants=[41]))
    deal = await deals.CreateDeal(
        pb.CreateDealRequest(tenant_id=41, deal=a_deal(), actor="spoofed"), metadata=credentials
    )
    moved = await deals.UpdateDeal(
        pb.UpdateDealRequest(
            tenant_id=41,
            deal=pb.Deal(id=deal.id, stage=pb.DEAL_STAGE_PROPOSAL),
            update_mask=field_mask_pb2.FieldMask(paths=["stage"]),
            actor="spoofed",
        ),
        metadata=credentials,
    )
    assert [h.changed_by for h in moved.stage_history] == ["svc-storefront", "svc-storefront"]


async def test_a_conversion_deal_records_the_principal(channel_with_auth):
    leads = lead_service_pb2_grpc.LeadServiceStub(channel_with_auth)
    credentials = bearer(token(tenants=[42]))
    lead = await leads.CreateLead(
        lead_service_pb2.CreateLeadRequest(tenant_id=42, lead=a_lead()), metadata=credentials
    )
    converted = await leads.ConvertLead(
        lead_service_pb2.ConvertLeadRequest(tenant_id=42, lead_id=lead.id, create_deal=True),
        metadata=credentials,
    )
    assert converted.deal.stage_history[0].changed_by == "svc-storefront"
