"""The parts `make bench` and `make soak` share: a private PostgreSQL, the CRM server in its own process
(production settings: JWT authentication, INFO access log as JSON lines into a file), a JWT for the load,
and one measured run of a call with its process accounting."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import jwt
from cryptography.fernet import Fernet

from tests.bench import procstat
from tests.bench.calls import CALLS
from tests.bench.dataset import Tenant
from tests.bench.grpc_load import run_load
from tests.support.ports import free_port, wait_for_port
from tests.support.postgres import PostgresServer, migration_url_for

REPO = Path(__file__).resolve().parents[2]
JWT_SECRET = "bench-secret-" + "x" * 32
JWT_AUDIENCE = "crm-bench"
JWT_ISSUER = "crm-bench-issuer"
CONNECTIONS = 4
POOL_SIZE = 16


def token() -> str:
    now = int(time.time())
    claims = {
        "sub": "bench",
        "aud": JWT_AUDIENCE,
        "iss": JWT_ISSUER,
        "iat": now,
        "exp": now + 24 * 3600,
        "tenants": "*",
        "roles": ["admin"],
    }
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


METADATA = {"authorization": f"Bearer {token()}"}


def postmaster_pid(server: PostgresServer) -> int:
    return int((server.data_dir.resolve() / "postmaster.pid").read_text().split()[0])


@contextmanager
def private_postgres() -> Iterator[PostgresServer]:
    base = Path(tempfile.mkdtemp(prefix="crm-bench-"))
    server = PostgresServer.start(base)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)  # a million-row tenant leaves gigabytes behind


def server_environment(database_url: str, port: int, workers: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST", "CREWAI_HOST") and not k.startswith("OTEL_")
    }
    migration_url = migration_url_for(database_url)  # the service owns nothing; the owner migrates
    if migration_url is not None:
        env["MIGRATION_DATABASE_URL"] = migration_url
    env.update(
        DATABASE_URL=database_url,
        HOST="127.0.0.1",
        PORT=str(port),
        WORKERS=str(workers),
        DB_POOL_SIZE=str(POOL_SIZE),
        AUTH_MODE="jwt",
        JWT_SECRET=JWT_SECRET,
        JWT_AUDIENCE=JWT_AUDIENCE,
        JWT_ISSUER=JWT_ISSUER,
        LOG_LEVEL="INFO",
        LOG_FORMAT="json",
        # Shared by the workers, so that a page token of one works on the other.
        PAGE_TOKEN_KEYS=Fernet.generate_key().decode(),
    )
    return env


@contextmanager
def crm_server(
    database_url: str, *, workers: int, log: Path, tree: Path = REPO, pool_size: int = POOL_SIZE
) -> Iterator[tuple[str, int]]:
    """`python -m server.main` of the source `tree` with `workers` processes; yields (target, pid of the top
    process) once every worker serves. Its access log goes to `log`."""
    port = free_port()
    env = server_environment(database_url, port, workers)
    env["DB_POOL_SIZE"] = str(pool_size)
    if tree != REPO:  # ahead of the editable install, which points at this checkout
        env["PYTHONPATH"] = os.pathsep.join((str(tree), str(tree / "generated")))
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        start = out.tell()
        process = subprocess.Popen(
            [sys.executable, "-m", "server.main"],
            env=env,
            stdout=out,
            stderr=out,
            cwd=tree,
        )
    try:
        wait_for_port("127.0.0.1", port, timeout=120)
        _wait_for_serving(log, start, workers, process)
        yield f"127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_serving(log: Path, start: int, workers: int, process: subprocess.Popen[bytes]) -> None:
    """SO_REUSEPORT spreads connections only over the processes already bound: wait for all of them."""
    deadline = time.monotonic() + 120
    while True:
        with log.open("rb") as f:
            f.seek(start)
            serving = f.read().count(b"serving crm.v2 on")
        if serving >= workers:
            return
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{serving} of {workers} workers serving; see {log}")
        time.sleep(0.1)


@dataclass
class Run:
    """One measured run: a fixed count of calls after a warm-up, with the CPU each process tree spent."""

    section: str
    call: str
    concurrency: int
    connections: int
    workers: int
    rows: int
    calls: int
    rps: float
    p50: float
    p99: float
    errors: int
    server_cpu_ms: float  # server CPU per call (process tree, from /proc)
    postgres_cpu_ms: float  # PostgreSQL CPU per call (postmaster and its backends)
    client_cpu_ms: float  # the load generator's own CPU per call
    load: float  # 1-minute load average just before the run
    tool: str
    others_cores: float = 0.0  # cores busy with other work during the run (the machine is shared)
    # cores PostgreSQL spent on its own work (autovacuum, checkpoints, writers) during the run, counted
    # in postgres_cpu_ms too
    postgres_background_cores: float = 0.0
    worker_cpu_split: list[float] = field(default_factory=list)  # each worker's share of the server CPU

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def calibrated_count(rps: float, seconds: float, minimum: int) -> int:
    """A fixed call count that lasts about `seconds` at the warm-up's rate (rounded, so it reads as the
    fixed count it is)."""
    count = max(minimum, int(rps * seconds))
    magnitude = 10 ** max(0, len(str(count)) - 2)
    return max(minimum, count // magnitude * magnitude)


def measure(
    section: str,
    call_name: str,
    target: str,
    tenant: Tenant,
    *,
    concurrency: int,
    server_pid: int,
    postgres_pid: int,
    seconds: float,
    workers: int = 1,
    connections: int = CONNECTIONS,
    minimum: int = 200,
) -> Run:
    call = CALLS[call_name]
    warm_calls = max(4 * concurrency, minimum)
    warm = run_load(
        target,
        call.method,
        call.requests(tenant, warm_calls),
        concurrency=concurrency,
        total=warm_calls,
        connections=connections,
        metadata=METADATA,
    )
    count = calibrated_count(float(warm["rps"]), seconds, minimum)  # type: ignore[arg-type]
    requests = call.requests(tenant, count)
    load = procstat.load_average()
    server_before, postgres_before = procstat.tree_cpu(server_pid), procstat.tree_cpu(postgres_pid)
    background_before = procstat.postgres_background_cpu(postgres_pid)
    split_before = procstat.per_process_cpu(server_pid)
    busy_before, began = procstat.machine_busy(), time.monotonic()
    figures = run_load(
        target,
        call.method,
        requests,
        concurrency=concurrency,
        total=count,
        connections=connections,
        metadata=METADATA,
    )
    busy, wall = procstat.machine_busy() - busy_before, time.monotonic() - began
    server_cpu = procstat.tree_cpu(server_pid) - server_before
    postgres_cpu = procstat.tree_cpu(postgres_pid) - postgres_before
    background = procstat.postgres_background_cpu(postgres_pid) - background_before
    split_after = procstat.per_process_cpu(server_pid)
    split = [split_after[p] - split_before.get(p, 0.0) for p in split_after if p != server_pid]
    total_split = sum(split) or 1.0
    run = Run(
        section=section,
        call=call_name,
        concurrency=concurrency,
        connections=connections,
        workers=workers,
        rows=tenant.rows,
        calls=count,
        rps=float(figures["rps"]),  # type: ignore[arg-type]
        p50=float(figures["p50"]),  # type: ignore[arg-type]
        p99=float(figures["p99"]),  # type: ignore[arg-type]
        errors=int(figures["errors"]),  # type: ignore[call-overload]
        server_cpu_ms=server_cpu / count * 1000,
        postgres_cpu_ms=postgres_cpu / count * 1000,
        client_cpu_ms=float(figures["client_cpu"]) / count * 1000,  # type: ignore[arg-type]
        load=load,
        tool=str(figures["tool"]),
        others_cores=max(0.0, (busy - server_cpu - postgres_cpu - float(figures["client_cpu"])) / wall),  # type: ignore[arg-type]
        postgres_background_cores=max(0.0, background) / wall,
        worker_cpu_split=sorted((round(s / total_split, 2) for s in split), reverse=True)[:workers]
        if workers > 1
        else [],
    )
    print(
        f"[bench] {section:8} {call_name:18} c={concurrency:<3} conns={connections:<2} W={workers} "
        f"rows={tenant.rows:<8} n={count:<6} {run.rps:8.0f}/s p50 {run.p50:7.1f} ms p99 {run.p99:7.1f} ms "
        f"err {run.errors} cpu/call: server {run.server_cpu_ms:.2f} ms pg {run.postgres_cpu_ms:.2f} ms "
        f"client {run.client_cpu_ms:.2f} ms (pg background {run.postgres_background_cores:.2f} cores) "
        f"load {load:.2f} others {run.others_cores:.2f} cores"
        + (f" split {run.worker_cpu_split}" if run.worker_cpu_split else ""),
        flush=True,
    )
    return run
