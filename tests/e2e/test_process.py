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
    env.update(DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}", LOG_FORMAT="json", **extra)
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


async def test_sigterm_drains_open_calls_and_exits_cleanly(served):
    process, target = served
    async with grpc.aio.insecure_channel(target) as channel:
        stream = event_service_pb2_grpc.EventServiceStub(channel).WatchEvents(
            event_service_pb2.WatchEventsRequest(tenant_id=1)
        )
        await stream.initial_metadata()  # the stream is open and in flight
        process.send_signal(signal.SIGTERM)
        with pytest.raises(grpc.aio.AioRpcError):
            async for _ in stream:
                pass
    exit_code = await asyncio.to_thread(process.wait, 30)
    output = process.stdout.read() if process.stdout else ""
    assert exit_code == 0, output
    messages = [json.loads(line)["message"] for line in output.splitlines() if line.startswith("{")]
    assert any(m.startswith("shutting down") for m in messages)
    assert messages[-1] == "stopped"
