"""JWT auth: callers prove who they are, and may only touch the tenants their token grants."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import grpc
import jwt
import pytest
import pytest_asyncio
from google.protobuf import field_mask_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from tests.conftest import RunningServer, make_settings, serving
from tests.integration.test_leads import a_lead
from tests.support.status import error_reason

SECRET = "test-secret-that-is-long-enough-for-hs256"
AUDIENCE, ISSUER = "crm-service-v2", "https://auth.test"


def token(
    *,
    tenants: object,
    secret: str = SECRET,
    expires_in: float = 300,
    audience: str = AUDIENCE,
    issuer: str = ISSUER,
    roles: object = ("writer",),
) -> str:
    claims = {
        "sub": "svc-storefront",
        "tenants": tenants,
        "roles": list(roles) if isinstance(roles, tuple) else roles,
        "exp": int(time.time() + expires_in),
        "aud": audience,
        "iss": issuer,
    }
    return jwt.encode(claims, secret, algorithm="HS256")


def bearer(value: str) -> tuple[tuple[str, str]]:
    return (("authorization", f"Bearer {value}"),)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def jwt_server(tmp_path_factory) -> AsyncIterator[RunningServer]:
    path = tmp_path_factory.mktemp("auth") / "crm.db"
    settings = make_settings(
        f"sqlite+aiosqlite:///{path}",
        AUTH_MODE="jwt",
        JWT_SECRET=SECRET,
        JWT_AUDIENCE=AUDIENCE,
        JWT_ISSUER=ISSUER,
    )
    async with serving(settings, "sqlite") as running:
        yield running


@pytest_asyncio.fixture
async def leads(jwt_server) -> AsyncIterator[lead_service_pb2_grpc.LeadServiceStub]:
    async with grpc.aio.insecure_channel(jwt_server.target) as channel:
        yield lead_service_pb2_grpc.LeadServiceStub(channel)


async def test_a_granted_tenant_is_served(leads):
    lead = await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=5, lead=a_lead()), metadata=bearer(token(tenants=[5, 6]))
    )
    assert lead.tenant_id == 5


async def test_a_wildcard_token_may_use_any_tenant(leads):
    lead = await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=987, lead=a_lead()), metadata=bearer(token(tenants="*"))
    )
    assert lead.tenant_id == 987


@pytest.mark.parametrize(
    ("metadata", "code"),
    [
        ((), grpc.StatusCode.UNAUTHENTICATED),
        (bearer("not-a-jwt"), grpc.StatusCode.UNAUTHENTICATED),
        (
            bearer(token(tenants=[5], secret="another-secret-that-is-long-enough")),
            grpc.StatusCode.UNAUTHENTICATED,
        ),
        (bearer(token(tenants=[5], expires_in=-60)), grpc.StatusCode.UNAUTHENTICATED),  # past the leeway
        (bearer(token(tenants=[5], audience="another-service")), grpc.StatusCode.UNAUTHENTICATED),
        (bearer(token(tenants=[5], issuer="https://elsewhere.test")), grpc.StatusCode.UNAUTHENTICATED),
        (bearer(token(tenants="five")), grpc.StatusCode.UNAUTHENTICATED),
        (bearer(token(tenants=[6])), grpc.StatusCode.PERMISSION_DENIED),
    ],
)
async def test_missing_bad_or_foreign_credentials_are_refused_and_write_nothing(leads, metadata, code):
    granted = bearer(token(tenants=[5]))
    before = (await leads.ListLeads(pb.ListLeadsRequest(tenant_id=5), metadata=granted)).total_size
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=5, lead=a_lead()), metadata=metadata)
    assert caught.value.code() == code
    after = (await leads.ListLeads(pb.ListLeadsRequest(tenant_id=5), metadata=granted)).total_size
    assert after == before


async def test_a_token_expired_within_the_clock_skew_leeway_is_still_accepted(leads):
    lead = await leads.CreateLead(
        pb.CreateLeadRequest(tenant_id=5, lead=a_lead()), metadata=bearer(token(tenants=[5], expires_in=-10))
    )
    assert lead.tenant_id == 5


async def test_a_reader_may_read_but_not_write_and_its_write_changes_nothing(leads):
    writer, reader = bearer(token(tenants=[7])), bearer(token(tenants=[7], roles=["reader"]))
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=7, lead=a_lead()), metadata=writer)
    assert (
        await leads.GetLead(pb.GetLeadRequest(tenant_id=7, lead_id=lead.id), metadata=reader)
    ).id == lead.id
    changed = pb.Lead(id=lead.id, company="Changed Ltd")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await leads.UpdateLead(
            pb.UpdateLeadRequest(
                tenant_id=7, lead=changed, update_mask=field_mask_pb2.FieldMask(paths=["company"])
            ),
            metadata=reader,
        )
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert error_reason(refused.value) == "ROLE_REQUIRED"
    after = await leads.GetLead(pb.GetLeadRequest(tenant_id=7, lead_id=lead.id), metadata=reader)
    assert after.company == lead.company


@pytest.mark.parametrize(
    ("roles", "allowed"), [(["writer"], False), (["admin"], True), ("admin", True), ([], False)]
)
async def test_bulk_changes_need_the_admin_role(jwt_server, roles, allowed):
    from crm.v2 import product_service_pb2 as ppb
    from crm.v2 import product_service_pb2_grpc

    request = ppb.BulkUpdateProductsRequest(
        tenant_id=7,
        product_ids=["0190f7e4-0000-7000-8000-000000000000"],
        changes=ppb.ProductChanges(status=ppb.PRODUCT_STATUS_ACTIVE),
    )
    async with grpc.aio.insecure_channel(jwt_server.target) as channel:
        products = product_service_pb2_grpc.ProductServiceStub(channel)
        call = products.BulkUpdateProducts(request, metadata=bearer(token(tenants=[7], roles=roles)))
        if allowed:
            assert (await call).updated_count == 0  # the id is unknown: refused per product, not per caller
        else:
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await call
            assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


async def test_health_checks_need_no_token(jwt_server):
    async with grpc.aio.insecure_channel(jwt_server.target) as channel:
        response = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
    assert response.status == health_pb2.HealthCheckResponse.SERVING
