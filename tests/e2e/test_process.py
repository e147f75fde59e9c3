"""`crm-server` as a process: start-up errors, grpcurl against it, and graceful shutdown on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from clients.async_client import AsyncCrmClient
from crm.v2 import event_service_pb2, event_service_pb2_grpc
from tests.conftest import unavailable
from tests.integration.test_server import EVERY_SERVICE
from tests.support.ports import free_port, wait_for_port

SERVER = [sys.executable, "-m", "server.main"]


def server_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST")
    }
    env.update(
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}",
        LOG_FORMAT="json",
        SHUTDOWN_DRAIN_SECONDS="0",
    )
    env.update(extra)
    return env


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    port = free_port()
    process = subprocess.Popen(
        SERVER,
        env=server_env(tmp_path, PORT=str(port), SHUTDOWN_GRACE_SECONDS="2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port("127.0.0.1", port, timeout=30)
        yield process, f"127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def test_a_bad_variable_stops_start_up_with_its_name(tmp_path):
    result = subprocess.run(
        SERVER,
        env=server_env(tmp_path, PORT="eighty", UPSELL_RANGE="3,1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "PORT" in result.stderr and "UPSELL_RANGE" in result.stderr
    assert "Traceback" not in result.stderr


def grpcurl() -> str:
    found = shutil.which("grpcurl") or shutil.which(str(Path.home() / "go" / "bin" / "grpcurl"))
    if not found:
        unavailable("grpcurl is not installed (make lint / .ci/run installs it with go install)")
    return found  # type: ignore[return-value]


def test_grpcurl_lists_describes_and_calls_the_service(served):
    _, target = served
    listed = subprocess.run(
        [grpcurl(), "-plaintext", target, "list"], capture_output=True, text=True, timeout=30
    )
    assert set(listed.stdout.split()) >= EVERY_SERVICE
    described = subprocess.run(
        [grpcurl(), "-plaintext", target, "describe", "crm.v2.LeadService"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "rpc CreateLead" in described.stdout
    body = {
        "tenant_id": 3,
        "lead": {
            "first_name": "Grace",
            "last_name": "Hopper",
            "email": "grace@navy.mil",
            "source": "LEAD_SOURCE_REFERRAL",
        },
    }
    created = subprocess.run(
        [grpcurl(), "-plaintext", "-d", json.dumps(body), target, "crm.v2.LeadService/CreateLead"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert created.returncode == 0, created.stderr
    lead = json.loads(created.stdout)
    assert lead["tenant_id"] == "3" and lead["score"] > 0
    bad = subprocess.run(
        [
            grpcurl(),
            "-plaintext",
            "-d",
            json.dumps({"tenant_id": 3, "lead": {"email": "x"}}),
            target,
            "crm.v2.LeadService/CreateLead",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "InvalidArgument" in bad.stderr and "lead.email" in bad.stderr


def ghz() -> str:
    found = shutil.which("ghz") or shutil.which(str(Path.home() / "go" / "bin" / "ghz"))
    if not found:
        unavailable("ghz is not installed (make test-tools installs it with go install)")
    return found


def test_ghz_finds_the_method_through_reflection(served):
    _, target = served
    report = subprocess.run(
        [
            ghz(),
            "--insecure",
            "--call",
            "grpc.health.v1.Health.Check",
            "-n",
            "20",
            "-c",
            "2",
            "-O",
            "json",
            target,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["statusCodeDistribution"] == {"OK": 20}


GO_CLIENT = Path(__file__).resolve().parents[2] / "build" / "bin" / "crm-example"


def test_a_go_client_built_from_the_buf_stubs_creates_and_reads_a_product(served):
    if not GO_CLIENT.exists():
        unavailable("the Go client is not built (make stubs builds it; make test-tools runs it)")
    _, target = served
    result = subprocess.run(
        [str(GO_CLIENT), "-target", target, "-tenant", "7"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    _, sku, classification = result.stdout.split()
    assert sku.startswith("GO-") and classification.startswith("PRODUCT_CLASSIFICATION_")


def test_grpcurl_describes_a_method_with_its_documentation(served):
    _, target = served
    described = subprocess.run(
        [grpcurl(), "-plaintext", target, "describe", "crm.v2.LeadService.CreateLead"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert described.returncode == 0, described.stderr
    assert "rpc CreateLead" in described.stdout
    assert "Creates a lead and scores it" in described.stdout


async def test_sigterm_drains_open_calls_and_exits_cleanly(served):
    process, target = served
    async with grpc.aio.insecure_channel(target) as channel:
        stream = event_service_pb2_grpc.EventServiceStub(channel).WatchEvents(
            event_service_pb2.WatchEventsRequest(tenant_id=1)
        )
        await stream.initial_metadata()  # the stream is open and in flight
        process.send_signal(signal.SIGTERM)
        with pytest.raises(grpc.aio.AioRpcError) as ended:
            async for _ in stream:
                pass
        assert ended.value.code() == grpc.StatusCode.UNAVAILABLE  # retryable: reconnect elsewhere
    exit_code = await asyncio.to_thread(process.wait, 30)
    output = process.stdout.read() if process.stdout else ""
    assert exit_code == 0, output
    messages = [json.loads(line)["message"] for line in output.splitlines() if line.startswith("{")]
    assert any(m.startswith("shutting down") for m in messages)
    assert messages[-1] == "stopped"


class SlowCrew:
    """A fake CrewAI host whose `GET /inputs` answers only when released: it holds a GetHealth in flight."""

    def __init__(self) -> None:
        self.received = asyncio.Event()
        self.release = asyncio.Event()
        self.port = 0
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> SlowCrew:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        self.received.set()
        await self.release.wait()
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
        await writer.drain()
        writer.close()


async def test_sigterm_lets_an_in_flight_call_finish(tmp_path):
    from crm.v2 import system_service_pb2, system_service_pb2_grpc

    port = free_port()
    async with SlowCrew() as crew:
        process = subprocess.Popen(
            SERVER,
            env=server_env(
                tmp_path,
                PORT=str(port),
                SHUTDOWN_GRACE_SECONDS="10",
                CREWAI_HOST="127.0.0.1",
                CREWAI_PORT=str(crew.port),
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            await asyncio.to_thread(wait_for_port, "127.0.0.1", port, 30)
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                call = system_service_pb2_grpc.SystemServiceStub(channel).GetHealth(
                    system_service_pb2.GetHealthRequest(tenant_id=1)
                )
                await asyncio.wait_for(crew.received.wait(), 10)  # the call is now inside the server
                process.send_signal(signal.SIGTERM)
                await asyncio.wait_for(asyncio.to_thread(_read_until, process, "shutting down"), 20)
                crew.release.set()
                response = await call
            assert response.version == "2.0.0"
            assert [a.name for a in response.agents] == ["crewai"]
            assert await asyncio.to_thread(process.wait, 30) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(10)


def _read_until(process: subprocess.Popen[str], text: str, times: int = 1) -> None:
    assert process.stdout is not None
    seen = 0
    for line in process.stdout:
        seen += text in line
        if seen == times:
            return
    raise AssertionError(f"the server logged {text!r} {seen} times, not {times}")


async def test_worker_processes_share_the_port_and_stop_together(tmp_path):
    from crm.v2 import lead_service_pb2, lead_service_pb2_grpc

    port = free_port()
    process = subprocess.Popen(
        SERVER,
        env={**server_env(tmp_path, PORT=str(port), WORKERS="2"), "LOG_FORMAT": "text"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # Both workers must be serving before the signal, or one would stop before it ever started.
        await asyncio.wait_for(asyncio.to_thread(_read_until, process, "serving crm.v2", 2), 60)
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = lead_service_pb2_grpc.LeadServiceStub(channel)
            lead = lead_service_pb2.Lead(
                first_name="Ada",
                last_name="L",
                email="ada@x.io",
                source=lead_service_pb2.LEAD_SOURCE_REFERRAL,
            )
            created = await asyncio.wait_for(
                stub.CreateLead(lead_service_pb2.CreateLeadRequest(tenant_id=1, lead=lead)), 30
            )
        process.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(process.wait, 60) == 0
        output = process.stdout.read() if process.stdout else ""
        assert output.count("server.app: stopped") == 2
        assert created.score > 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def test_workers_need_a_fixed_port(tmp_path):
    result = subprocess.run(
        SERVER, env=server_env(tmp_path, PORT="0", WORKERS="2"), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "WORKERS" in result.stderr


def _worker_pids(supervisor_pid: int) -> list[int]:
    children = Path(f"/proc/{supervisor_pid}/task/{supervisor_pid}/children").read_text().split()
    # multiprocessing's resource tracker is a child too; the workers run server.main's _worker
    return [
        int(pid) for pid in children if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]


async def test_a_killed_worker_is_replaced_while_the_other_keeps_serving(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        SERVER,
        env={**server_env(tmp_path, PORT=str(port), WORKERS="2"), "LOG_FORMAT": "text"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        await asyncio.wait_for(asyncio.to_thread(_read_until, process, "serving crm.v2", 2), 60)
        victim, survivor = _worker_pids(process.pid)
        os.kill(victim, signal.SIGKILL)
        # Calls on the port keep succeeding for a client that retries UNAVAILABLE, as the platform's client
        # does: a connection the kernel had handed to the killed worker's socket is reset, once.
        async with AsyncCrmClient(f"127.0.0.1:{port}", tenant_id=1, timeout=30) as client:
            for _ in range(20):
                assert (await client.health()).version
        await asyncio.wait_for(asyncio.to_thread(_read_until, process, "serving crm.v2", 1), 60)
        assert process.poll() is None, "the supervisor must outlive a worker"
        replacement = [pid for pid in _worker_pids(process.pid) if pid != survivor]
        assert len(replacement) == 1 and replacement[0] != victim
        process.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(process.wait, 60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
