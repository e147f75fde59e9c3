"""The outbox's wake-ups across processes on PostgreSQL: a unit of work's commit NOTIFYs naming its process,
the listener wakes this process's pollers for another process's commit and not for its own (its unit of
work woke them already; a second wake cost every write a second, empty, poll)."""

from __future__ import annotations

import os

import grpc
import psycopg
from sqlalchemy.engine import make_url

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from storage.listener import PostgresCommitListener, wakes
from storage.uow import OUTBOX_CHANNEL
from tests.conftest import PostgresDatabases, RunningServer
from tests.integration.test_leads import a_lead
from tests.support.waiting import eventually

OWN = "1234-this-process"


def conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_only_another_process_s_commit_wakes_this_process():
    assert wakes("5678-another-process", own=OWN)
    assert not wakes(OWN, own=OWN)
    assert wakes("", own=OWN)  # a release that named no sender


async def test_a_write_call_s_commit_notifies_naming_its_process(postgres_server: RunningServer, tenant_id):
    components = postgres_server.server.components
    async with await psycopg.AsyncConnection.connect(
        conninfo(components.settings.direct_database_url), autocommit=True
    ) as conn:
        await conn.execute(f"LISTEN {OUTBOX_CHANNEL}")
        async with grpc.aio.insecure_channel(postgres_server.target) as channel:
            leads = lead_service_pb2_grpc.LeadServiceStub(channel)
            await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
        notice = await anext(conn.notifies(timeout=10))
    assert notice.payload.startswith(f"{os.getpid()}-")  # this process (the server runs in the tests')


async def test_the_listener_wakes_this_process_for_another_process_s_commit(postgres: PostgresDatabases):
    url = postgres.new_database("listen")
    woken: list[int] = []
    listener = PostgresCommitListener(url, lambda: woken.append(1), own=OWN)
    listener.start()
    try:
        async with await psycopg.AsyncConnection.connect(conninfo(url), autocommit=True) as conn:

            async def notified() -> int:  # sent until the listener's LISTEN is in place and hears it
                await conn.execute("SELECT pg_notify(%s, %s)", (OUTBOX_CHANNEL, "5678-another-process"))
                return len(woken)

            await eventually(notified, until=lambda count: count > 0, timeout=10)
    finally:
        await listener.stop()
