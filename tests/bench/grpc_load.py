"""Load for the latency and throughput benchmarks, as production sees it: the server runs in its own
process (`python -m server.main`), and the callers are ghz (Go) when it is installed (~/go/bin/ghz), else
Python grpc.aio callers in another process (tests/bench/python_load.py). Either way the load generator
does not share the server's interpreter; on the 2-core machine it still shares the cores."""

from __future__ import annotations

import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from google.protobuf import descriptor_pb2, json_format
from google.protobuf.message import Message

from tests.support.ports import free_port, wait_for_port
from tests.support.postgres import migration_url_for

GHZ = shutil.which("ghz") or str(Path.home() / "go" / "bin" / "ghz")
GHZ_INSTALLED = Path(GHZ).exists()
PYTHON_LOAD = Path(__file__).with_name("python_load.py")


@contextmanager
def server_process(database_url: str, *, workers: int, pool_size: int = 16) -> Iterator[str]:
    """The service on a free port of 127.0.0.1 in its own process(es); yields the target."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST")}
    migration_url = migration_url_for(database_url)  # the service owns nothing; the owner migrates
    if migration_url is not None:
        env["MIGRATION_DATABASE_URL"] = migration_url
    env.update(
        DATABASE_URL=database_url,
        PORT=str(port),
        HOST="127.0.0.1",
        LOG_LEVEL="WARNING",
        DB_POOL_SIZE=str(pool_size),
        WORKERS=str(workers),
    )
    process = subprocess.Popen([sys.executable, "-m", "server.main"], env=env)
    try:
        wait_for_port("127.0.0.1", port, timeout=60)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(30)


def run_load(
    target: str,
    method: str,
    requests: Sequence[Message],
    *,
    concurrency: int,
    total: int,
    connections: int = 1,
    warm_up: int = 0,
    metadata: dict[str, str] | None = None,
    cpus: str | None = None,
    rate: float | None = None,
) -> dict[str, object]:
    """`total` calls of `method` ("crm.v2.Service.Method"), `concurrency` at a time over `connections`
    connections, cycling through `requests`, after `warm_up` unmeasured calls, each call carrying
    `metadata`; the load generator pinned to `cpus` (taskset's list) when given, and held to `rate` calls a
    second when given (ghz only). Returns rps, p50 and p99
    (ms), errors, the tool and `client_cpu`: the CPU seconds the load generator itself used."""
    data = [json_format.MessageToDict(r, preserving_proto_field_name=True) for r in requests]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(data, f)
    request_type = requests[0].DESCRIPTOR.full_name
    module = sys.modules[type(requests[0]).__module__]
    pinning = ["taskset", "-c", cpus] if cpus else []
    before = _children_cpu()
    try:
        if GHZ_INSTALLED:
            figures = _ghz(
                target,
                method,
                module,
                f.name,
                concurrency,
                total,
                connections,
                warm_up,
                metadata,
                pinning,
                rate,
            )
        else:
            figures = _python(
                target,
                method,
                request_type,
                f.name,
                concurrency,
                total,
                connections,
                warm_up,
                metadata,
                pinning,
            )
    finally:
        os.unlink(f.name)
    return {**figures, "client_cpu": _children_cpu() - before}


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended (the load generator, once it returned)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@functools.cache
def protoset(module: ModuleType) -> str:
    """The contract of a generated module and its imports as a FileDescriptorSet (ghz needs no
    reflection)."""
    files: dict[str, descriptor_pb2.FileDescriptorProto] = {}

    def add(fd) -> None:  # type: ignore[no-untyped-def]
        if fd.name in files:
            return
        for dependency in fd.dependencies:
            add(dependency)
        proto = descriptor_pb2.FileDescriptorProto()
        fd.CopyToProto(proto)
        files[fd.name] = proto

    add(module.DESCRIPTOR)
    path = Path(tempfile.mkdtemp()) / "crm.protoset"
    path.write_bytes(descriptor_pb2.FileDescriptorSet(file=list(files.values())).SerializeToString())
    return str(path)


def _ghz(
    target: str,
    method: str,
    module: ModuleType,
    data_file: str,
    concurrency: int,
    total: int,
    connections: int,
    warm_up: int,
    metadata: dict[str, str] | None,
    pinning: list[str],
    rate: float | None,
) -> dict[str, object]:
    common = [*pinning, GHZ, "--insecure", "--protoset", protoset(module), "--call", method]
    common += ["--data-file", data_file]
    if metadata:
        common += ["--metadata", json.dumps(metadata)]
    if rate:
        common += ["--rps", str(max(1, round(rate)))]
    # Several connections, as several client replicas would open: SO_REUSEPORT balances the server
    # processes per connection, so one connection would load a single worker.
    common += ["-c", str(concurrency), "--connections", str(connections)]
    if warm_up:
        warm = subprocess.run([*common, "-n", str(warm_up), target], capture_output=True, text=True)
        assert warm.returncode == 0, warm.stdout + warm.stderr
    # A fixed count, not a duration: ghz reports the calls still in flight when a duration ends as failed.
    out = subprocess.run(
        [*common, "-n", str(total), "--format", "json", target], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    if not report.get("latencyDistribution"):
        raise RuntimeError(f"{method}: no call succeeded: {report.get('errorDistribution')}")
    latency = {d["percentage"]: d["latency"] / 1e6 for d in report["latencyDistribution"]}
    codes = report.get("statusCodeDistribution", {})
    return {
        "rps": report["rps"],
        "p50": latency[50],
        "p99": latency[99],
        "errors": sum(v for k, v in codes.items() if k != "OK"),
        "codes": codes,
        "tool": "ghz",
    }


def _python(
    target: str,
    method: str,
    request_type: str,
    data_file: str,
    concurrency: int,
    total: int,
    connections: int,
    warm_up: int,
    metadata: dict[str, str] | None,
    pinning: list[str],
) -> dict[str, object]:
    args = [target, method, request_type, data_file, str(concurrency), str(total), str(warm_up)]
    args += [str(connections), json.dumps(metadata or {})]
    out = subprocess.run(
        [*pinning, sys.executable, str(PYTHON_LOAD), *args], capture_output=True, text=True, check=True
    )
    return {**json.loads(out.stdout), "tool": "python grpc.aio (separate process)"}
