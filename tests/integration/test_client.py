"""The typed clients and crmctl against the real server (SQLite and PostgreSQL), plus the retry policy."""

from __future__ import annotations

import asyncio
import json
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from clients import (
    AsyncCrmClient,
    CrmClient,
    async_retrying,
    cli,
    error_details,
    is_retryable,
    sync_retrying,
    unpack_event_data,
)
from clients import transport as transport_module
from crm.v2 import events_pb2, lead_service_pb2

Lead = lead_service_pb2.Lead
REFERRAL = lead_service_pb2.LeadSource.LEAD_SOURCE_REFERRAL


def new_lead(**overrides: object) -> Lead:
    """A valid lead with a unique email."""
    fields: dict[str, object] = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": f"ada.{uuid.uuid4().hex[:10]}@example.com",
        "company": "Analytical Engines Ltd",
        "job_title": "Chief Technology Officer",
        "source": REFERRAL,
    }
    fields.update(overrides)
    return Lead(**fields)  # type: ignore[arg-type]


def closed_port() -> int:
    """A loopback port nothing listens on (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FakeRpcError(grpc.RpcError):
    """Just enough of a gRPC error for the retry policy and error_details."""

    def __init__(self, code: grpc.StatusCode, message: str = "", trailers: tuple = ()) -> None:
        self._code, self._message, self._trailers = code, message, trailers

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._message

    def trailing_metadata(self) -> tuple:
        return self._trailers


# ----- the async client over the real server


async def test_async_client_creates_gets_lists_updates_and_deletes_a_lead(
    crm_target: str, tenant_id: int
) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        created = await client.create_lead(new_lead())
        assert created.id and created.tenant_id == tenant_id
        assert created.status == lead_service_pb2.LeadStatus.LEAD_STATUS_NEW
        assert 0 < created.score <= 100
        assert created.score_factors
        assert sum(f.contribution for f in created.score_factors) == pytest.approx(created.score, abs=0.05)

        assert await client.get_lead(created.id) == created

        page = await client.list_leads(source=REFERRAL)
        assert [lead.id for lead in page.leads] == [created.id]
        assert page.total_size == 1

        updated = await client.update_lead(Lead(id=created.id, company="Difference Engines"), ["company"])
        assert (updated.company, updated.first_name) == ("Difference Engines", "Ada")

        await client.delete_lead(created.id)
        with pytest.raises(grpc.aio.AioRpcError) as missing:
            await client.get_lead(created.id)
        assert missing.value.code() == grpc.StatusCode.NOT_FOUND


async def test_iter_leads_follows_page_tokens_to_the_last_page(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        ids = {(await client.create_lead(new_lead())).id for _ in range(5)}
        first_page = await client.list_leads(page_size=2)
        assert len(first_page.leads) == 2 and first_page.next_page_token
        seen = [lead.id async for lead in client.iter_leads(page_size=2)]
    assert sorted(seen) == sorted(ids)  # every lead once, none twice


async def test_a_repeated_request_id_returns_the_first_lead(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        key = f"test-{uuid.uuid4().hex}"
        lead = new_lead()
        first = await client.create_lead(lead, request_id=key)
        again = await client.create_lead(lead, request_id=key)
        assert again.id == first.id
        assert (await client.list_leads()).total_size == 1


async def test_from_channel_leaves_the_shared_channel_open(channel: grpc.aio.Channel, tenant_id: int) -> None:
    async with AsyncCrmClient.from_channel(channel, tenant_id=tenant_id) as client:
        await client.create_lead(new_lead())
    async with AsyncCrmClient.from_channel(channel, tenant_id=tenant_id) as client:
        assert (await client.lead_analytics()).total_leads == 1


async def test_health_reports_the_database_and_the_tenant(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        await client.create_lead(new_lead())
        health = await client.health()
    assert health.database.backend in {"sqlite", "postgresql"}
    assert health.tenant_counts.tenant_id == tenant_id
    assert health.tenant_counts.leads == 1


async def test_events_record_the_created_lead_and_the_watch_replays_it(
    crm_target: str, tenant_id: int
) -> None:
    since = datetime.now(UTC) - timedelta(minutes=1)
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        lead = await client.create_lead(new_lead())
        listed = await client.list_events(types=["lead.created"], aggregate_id=lead.id)
        assert [e.aggregate_id for e in listed.events] == [lead.id]

        stream = client.watch_events(types=["lead.created"], start_time=since)
        async with asyncio.timeout(15):
            event = await anext(stream)
        await stream.aclose()
    assert (event.type, event.aggregate_id) == ("lead.created", lead.id)
    payload = unpack_event_data(event)
    assert isinstance(payload, events_pb2.LeadCreated)
    assert payload.lead.id == lead.id


# ----- the sync client (in a thread: the server runs on this test's event loop)


async def test_sync_client_creates_and_gets_a_lead(crm_target: str, tenant_id: int) -> None:
    def create_and_get() -> tuple[Lead, Lead]:
        with CrmClient(crm_target, tenant_id=tenant_id) as client:
            created = client.create_lead(new_lead(first_name="Grace"))
            return created, client.get_lead(created.id)

    created, fetched = await asyncio.to_thread(create_and_get)
    assert fetched == created
    assert fetched.first_name == "Grace"


# ----- errors


async def test_error_details_names_the_bad_email_field(crm_target: str, tenant_id: int) -> None:
    async with AsyncCrmClient(crm_target, tenant_id=tenant_id) as client:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await client.create_lead(new_lead(email="not-an-email"))
    details = error_details(raised.value)
    assert details.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "lead.email" in [field for field, _ in details.field_violations]
    assert details.reason and details.domain == "crm.v2"
    assert details.request_id  # the server names the request it rejected


def test_error_details_decodes_bad_request_and_error_info_from_the_trailer() -> None:
    bad_request, info = any_pb2.Any(), any_pb2.Any()
    bad_request.Pack(
        error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field="lead.email", description="bad")
            ]
        )
    )
    info.Pack(error_details_pb2.ErrorInfo(reason="INVALID_ARGUMENT", domain="crm.v2", metadata={"n": "1"}))
    status = rpc_status.to_status(
        status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message="invalid", details=[bad_request, info])
    )
    details = error_details(FakeRpcError(status.code, status.details, status.trailing_metadata))
    assert details.field_violations == [("lead.email", "bad")]
    assert (details.reason, details.domain, details.metadata) == ("INVALID_ARGUMENT", "crm.v2", {"n": "1"})


def test_error_details_of_a_plain_error_has_only_code_and_message() -> None:
    details = error_details(FakeRpcError(grpc.StatusCode.UNAVAILABLE, "connection refused"))
    assert (details.code, details.message, details.reason, details.field_violations) == (
        grpc.StatusCode.UNAVAILABLE, "connection refused", "", [],
    )  # fmt: skip


# ----- retries


def test_only_unavailable_is_retryable() -> None:
    assert is_retryable(FakeRpcError(grpc.StatusCode.UNAVAILABLE))
    for code in (
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.INTERNAL,
    ):
        assert not is_retryable(FakeRpcError(code))
    assert not is_retryable(ConnectionError("not a gRPC error"))


def failing(codes: list[grpc.StatusCode]) -> tuple[list[int], Callable[[], Awaitable[str]]]:
    """A coroutine function that raises the given codes in turn, then answers "ok"; and its call log."""
    calls: list[int] = []

    async def call() -> str:
        calls.append(1)
        if len(calls) <= len(codes):
            raise FakeRpcError(codes[len(calls) - 1])
        return "ok"

    return calls, call


async def test_unavailable_is_retried_until_it_succeeds() -> None:
    calls, call = failing([grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNAVAILABLE])
    assert await async_retrying(3, initial_backoff=0.001)(call) == "ok"
    assert len(calls) == 3


async def test_unavailable_surfaces_once_the_attempts_are_spent() -> None:
    calls, call = failing([grpc.StatusCode.UNAVAILABLE] * 5)
    with pytest.raises(FakeRpcError):
        await async_retrying(2, initial_backoff=0.001)(call)
    assert len(calls) == 2


async def test_invalid_argument_is_never_retried() -> None:
    calls, call = failing([grpc.StatusCode.INVALID_ARGUMENT])
    with pytest.raises(FakeRpcError) as raised:
        await async_retrying(5, initial_backoff=0.001)(call)
    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert len(calls) == 1


async def test_async_client_on_a_closed_port_retries_then_raises_unavailable(
    tenant_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    policies = []

    def recording_retrying(attempts: int, **_: float):  # type: ignore[no-untyped-def]
        policies.append(async_retrying(attempts, initial_backoff=0.01))
        return policies[-1]

    monkeypatch.setattr(transport_module, "async_retrying", recording_retrying)
    async with AsyncCrmClient(
        f"127.0.0.1:{closed_port()}", tenant_id=tenant_id, retries=2, timeout=2.0
    ) as client:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await client.health()
    assert raised.value.code() == grpc.StatusCode.UNAVAILABLE
    assert policies[0].statistics["attempt_number"] == 2


def test_sync_client_on_a_closed_port_raises_unavailable(tenant_id: int) -> None:
    with CrmClient(f"127.0.0.1:{closed_port()}", tenant_id=tenant_id, retries=2, timeout=2.0) as client:
        with pytest.raises(grpc.RpcError) as raised:
            client.get_lead("0192f0c4-0000-7000-8000-000000000000")
    assert raised.value.code() == grpc.StatusCode.UNAVAILABLE  # type: ignore[attr-defined]


def test_sync_retrying_has_the_same_policy() -> None:
    calls: list[int] = []

    def call() -> None:
        calls.append(1)
        raise FakeRpcError(grpc.StatusCode.PERMISSION_DENIED)

    with pytest.raises(FakeRpcError):
        sync_retrying(4, initial_backoff=0.001)(call)
    assert len(calls) == 1


# ----- crmctl in-process (in a thread, for the same reason as the sync client)


async def crmctl(crm_target: str, tenant_id: int, *argv: str) -> int:
    """Run crmctl's main() against the test server."""
    return await asyncio.to_thread(cli.main, ["--target", crm_target, "--tenant", str(tenant_id), *argv])


async def test_crmctl_creates_lists_and_shows_a_lead(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    email = f"grace.{uuid.uuid4().hex[:8]}@example.com"
    create = ["leads", "create", "--first-name", "Grace", "--last-name", "Hopper", "--email", email]
    assert await crmctl(crm_target, tenant_id, *create, "--source", "referral", "--tag", "navy") == 0
    out = capsys.readouterr().out
    assert out.startswith("created lead ")
    lead_id = out.split()[2]
    assert email in out and "source       referral" in out
    assert "FACTOR" in out and "source_quality" in out

    assert await crmctl(crm_target, tenant_id, "leads", "list", "--source", "referral") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "EMAIL", "COMPANY", "STATUS", "SOURCE", "PRIORITY", "SCORE"]
    assert lines[2].startswith(lead_id) and "Grace Hopper" in lines[2] and email in lines[2]
    assert lines[-1] == "1 of 1 leads"

    assert await crmctl(crm_target, tenant_id, "--json", "leads", "get", lead_id) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["id"], shown["email"], shown["source"]) == (lead_id, email, "LEAD_SOURCE_REFERRAL")


async def test_crmctl_health_prints_a_summary(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await crmctl(crm_target, tenant_id, "health") == 0
    out = capsys.readouterr().out
    first_words = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert first_words[:6] == ["state", "version", "started", "uptime", "database", "kafka"]
    assert f"tenant {tenant_id}" in out


async def test_crmctl_reports_an_invalid_lead_on_stderr_and_exits_1(
    crm_target: str, tenant_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    create = "leads create --first-name X --last-name Y --email nope --source website".split()
    assert await crmctl(crm_target, tenant_id, *create) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: INVALID_ARGUMENT: ")
    assert "  lead.email: " in captured.err
    assert "Traceback" not in captured.err
