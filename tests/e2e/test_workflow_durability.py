"""Durable workflows across process deaths and replicas: a server killed mid-workflow is restarted and the
workflow finishes exactly once; two servers on one PostgreSQL never run a workflow twice."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import uuid
from pathlib import Path

import grpc
from sqlalchemy import func, select

from crm.v2 import (
    event_service_pb2,
    event_service_pb2_grpc,
    product_service_pb2_grpc,
    workflow_service_pb2_grpc,
)
from crm.v2 import workflow_service_pb2 as pb
from domain.tenancy import acting_for
from storage.database import open_database
from storage.outbox.tables import OutboxRow
from tests.conftest import make_settings, start_server
from tests.e2e.test_process import SERVER, server_env
from tests.integration.conftest_intelligence import product
from tests.integration.fake_crew import FakeCrew
from tests.support.ports import free_port, wait_for_port
from tests.support.waiting import eventually

TENANT = 77


def spawn(tmp_path: Path, port: int, crew: FakeCrew) -> subprocess.Popen[str]:
    env = server_env(tmp_path, PORT=str(port), CREWAI_HOST="127.0.0.1", CREWAI_PORT=str(crew.port))
    return subprocess.Popen(SERVER, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)


async def workflow_state(target: str, workflow_id: str) -> pb.Workflow:
    async with grpc.aio.insecure_channel(target) as channel:
        stub = workflow_service_pb2_grpc.WorkflowServiceStub(channel)
        return await stub.GetWorkflow(pb.GetWorkflowRequest(tenant_id=TENANT, workflow_id=workflow_id))


async def test_a_server_killed_mid_workflow_finishes_it_exactly_once_after_restart(tmp_path):
    port = free_port()
    async with FakeCrew() as crew:  # holds the marketing run: the workflow is mid-flight
        first = spawn(tmp_path, port, crew)
        try:
            await asyncio.to_thread(wait_for_port, "127.0.0.1", port, 30)
            target = f"127.0.0.1:{port}"
            async with grpc.aio.insecure_channel(target) as channel:
                item = await product(
                    product_service_pb2_grpc.ProductServiceStub(channel), TENANT, price="80.00"
                )
                listed = await workflow_service_pb2_grpc.WorkflowServiceStub(channel).ListWorkflows(
                    pb.ListWorkflowsRequest(tenant_id=TENANT, product_id=item.id)
                )
            workflow_id = listed.workflows[0].id
            await eventually(lambda: asyncio.sleep(0, len(crew.kickoffs)), until=bool, timeout=30)
            running = await workflow_state(target, workflow_id)
            assert running.state == pb.WORKFLOW_STATE_RUNNING and running.attempts == 1
            first.send_signal(signal.SIGKILL)
            await asyncio.to_thread(first.wait, 10)
        finally:
            if first.poll() is None:
                first.kill()

        crew.release.set()  # the crew answers from now on
        second = spawn(tmp_path, port, crew)
        try:
            await asyncio.to_thread(wait_for_port, "127.0.0.1", port, 30)
            done = await eventually(
                lambda: workflow_state(target, workflow_id),
                until=lambda w: w.state == pb.WORKFLOW_STATE_SUCCEEDED,
                timeout=60,  # the dead runner's lease (10 s) must expire first
                interval=0.5,
            )
            assert done.attempts == 2 and done.marketing_strategy.positioning == "The crew's positioning."
            async with grpc.aio.insecure_channel(target) as channel:
                events = event_service_pb2_grpc.EventServiceStub(channel)
                for event_type in ("workflow.completed", "marketing.strategy_generated"):
                    response = await events.ListEvents(
                        event_service_pb2.ListEventsRequest(
                            tenant_id=TENANT, types=[event_type], page_size=50
                        )
                    )
                    assert len(response.events) == 1, event_type
        finally:
            second.send_signal(signal.SIGTERM)
            await asyncio.to_thread(second.wait, 30)


async def test_two_servers_on_one_postgres_never_run_a_workflow_twice(postgres):
    url = postgres.new_database("replicas")
    async with FakeCrew() as crew:
        crew.release.set()
        settings = make_settings(url, CREWAI_HOST="127.0.0.1", CREWAI_PORT=crew.port)
        servers = [await start_server(settings, "postgres") for _ in range(2)]
        try:
            tenant = uuid.uuid4().int % 2**40 + 1
            async with grpc.aio.insecure_channel(servers[0].target) as channel:
                catalog = product_service_pb2_grpc.ProductServiceStub(channel)
                await asyncio.gather(*(product(catalog, tenant, price="30.00") for _ in range(40)))
            database = open_database(url)
            try:

                async def completions() -> int:
                    with acting_for(tenant):  # row-level security admits the tenant's own rows only
                        async with database.sessions() as session:
                            stmt = select(func.count()).where(
                                OutboxRow.tenant_id == tenant, OutboxRow.event_type == "workflow.completed"
                            )
                            return int(await session.scalar(stmt) or 0)

                assert await eventually(completions, until=lambda n: n >= 40, timeout=60) == 40
            finally:
                await database.dispose()
            # Each workflow asked the crew once: no replica ran one a second time.
            product_ids = [k["inputs"]["product_id"] for k in crew.kickoffs]
            assert len(product_ids) == len(set(product_ids)) == 40
            runners = [s.server.components.workflow_runner for s in servers]
            assert sum(r.completed for r in runners if r is not None) == 40
        finally:
            for running in servers:
                await running.server.stop(grace=1.0)
