"""`make bench`: the cost of a call, measured side by side in one run (issue 15), into BENCHMARKS.md and a
plot. Figures, not pass/fail: the targets are printed beside them.

In one process tree, against one private PostgreSQL started here:
- the Python ceiling (tests/bench/bare_health_server.py) and this server's health Check;
- the floor of a read on this stack (tests/bench/floor_server.py: GetProduct on grpc.aio and psycopg with
  nothing else, the same on asyncpg, and from memory) beside this server's GetProduct;
- every read, list and write of the issue at 16 and 64 callers (the main calls also at 32) over 4
  connections, on a tenant of 1,000 rows in a database that also holds other tenants;
- pgbench tpcb-like at the same client counts on the same PostgreSQL (its own database), the write yardstick;
- WORKERS=1 and WORKERS=2 for health, GetProduct and CreateOrder;
- the data-size comparison: each non-analytic call on the 1,000-row tenant and on a 1,000,000-row tenant,
  back to back.
Load: ghz when installed (protoset, no reflection needed), the Python load client otherwise, as a separate
process; a fixed count of calls per run (calibrated from its warm-up to last about BENCH_RUN_SECONDS).
Server CPU per call comes from /proc (the steadiest figure on a shared machine).

    BENCH_QUICK=1 make bench      # small counts, 1,000 rows only: a few minutes
    make bench                    # the full run (about 25 minutes on the 2-core machine)
Knobs: BENCH_LARGE_ROWS (1,000,000; 0 skips the data-size comparison), BENCH_OTHER_ROWS (rows of each
other tenant), BENCH_RUN_SECONDS, BENCH_OUT (where BENCHMARKS.md and the plot go; the repository root).
"""

from __future__ import annotations

import datetime
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.bench import dataset, procstat, report
from tests.bench.calls import CALLS
from tests.bench.dataset import Tenant
from tests.bench.grpc_load import GHZ, GHZ_INSTALLED
from tests.bench.harness import METADATA, REPO, Run, crm_server, measure, postmaster_pid, private_postgres
from tests.bench.report import ASYNCPG_FLOOR, CACHED_FLOOR, FLOOR
from tests.support.ports import wait_for_port
from tests.support.postgres import PostgresServer

QUICK = os.environ.get("BENCH_QUICK") == "1"
SMALL_ROWS = 1000
LARGE_ROWS = int(os.environ.get("BENCH_LARGE_ROWS", "0" if QUICK else "1000000"))
OTHER_ROWS = int(os.environ.get("BENCH_OTHER_ROWS", "1000" if QUICK else "10000"))
RUN_SECONDS = float(os.environ.get("BENCH_RUN_SECONDS", "2" if QUICK else "8"))
OUT = Path(os.environ.get("BENCH_OUT", REPO))
PGBENCH_TRANSACTIONS = 2000 if QUICK else 16000
PGBENCH_SCALE = 1 if QUICK else 10

SMALL = Tenant(1001, SMALL_ROWS)
LARGE = Tenant(1002, LARGE_ROWS)
OTHERS = (Tenant(1003, OTHER_ROWS), Tenant(1004, OTHER_ROWS))

CONCURRENCY = (16, 64)
MAIN_CONCURRENCY = (16, 32, 64)  # the plotted calls, and CreateOrder's target at 32
MAIN_CALLS = ("health", "GetProduct", "ListProducts", "CreateLead", "CreateOrder")
MATRIX = (
    "health",
    "GetProduct",
    "GetLead",
    "GetOrder",
    "GetContact",
    "GetInventory",
    "ListProducts",
    "ListLeads",
    "ListEvents",
    "RecommendCrossSell",
    "CreateLead",
    "CreateProduct",
    "UpdateInventory",
    "CreateOrder",
)
WORKER_CALLS = ("health", "GetProduct", "CreateOrder")
WORKER_CONCURRENCY = 64


@contextmanager
def bare_server() -> Iterator[tuple[str, int]]:
    with _reference_server("tests.bench.bare_health_server") as served:
        yield served


@contextmanager
def floor_server(database_url: str, driver: str) -> Iterator[tuple[str, int]]:
    with _reference_server("tests.bench.floor_server", database_url, driver) as served:
        yield served


@contextmanager
def _reference_server(module: str, *args: str) -> Iterator[tuple[str, int]]:
    """A server of tests/bench that prints its bound port once serving; yields (target, pid)."""
    process = subprocess.Popen(
        [sys.executable, "-m", module, *args, "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        wait_for_port("127.0.0.1", port, timeout=30)
        yield f"127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        process.wait(30)


def pgbench(server: PostgresServer, database: str, clients: int, postgres_pid: int) -> Run:
    """pgbench tpcb-like: a fixed count of transactions (per client: the total / clients), latencies from
    its per-transaction log."""
    assert server.bin_dir is not None
    env = {**os.environ, "PGHOST": server.host, "PGPORT": str(server.port), "PGUSER": "postgres"}
    per_client = max(1, PGBENCH_TRANSACTIONS // clients)
    threads = 2
    with tempfile.TemporaryDirectory() as logs:
        load = procstat.load_average()
        postgres_before = procstat.tree_cpu(postgres_pid)
        client_before = _children_cpu()
        out = subprocess.run(
            [
                str(server.bin_dir / "pgbench"),
                "-n",
                "-b",
                "tpcb-like",
                "-c",
                str(clients),
                "-j",
                str(threads),
                "-t",
                str(per_client),
                "-l",
                "--log-prefix",
                f"{logs}/tx",
                database,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        client_cpu = _children_cpu() - client_before
        postgres_cpu = procstat.tree_cpu(postgres_pid) - postgres_before
        latencies = sorted(
            int(line.split()[2]) / 1000
            for path in Path(logs).iterdir()
            for line in path.read_text().splitlines()
            if line.strip()
        )
    tps = float(next(x for x in out.stdout.splitlines() if x.startswith("tps =")).split("=")[1].split()[0])
    count = per_client * clients
    run = Run(
        section="main",
        call="pgbench",
        concurrency=clients,
        connections=clients,
        workers=1,
        rows=PGBENCH_SCALE * 100_000,
        calls=count,
        rps=tps,
        p50=latencies[len(latencies) // 2],
        p99=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        errors=0,
        server_cpu_ms=0.0,
        postgres_cpu_ms=postgres_cpu / count * 1000,
        client_cpu_ms=client_cpu / count * 1000,
        load=load,
        tool="pgbench",
    )
    print(
        f"[bench] main     pgbench            c={clients:<3} n={count:<6} {tps:8.0f}/s p50 {run.p50:7.1f} ms "
        f"p99 {run.p99:7.1f} ms cpu/tx: pg {run.postgres_cpu_ms:.2f} ms client {run.client_cpu_ms:.2f} ms "
        f"load {load:.2f}",
        flush=True,
    )
    return run


def idle_cores(pid: int, seconds: float = 5.0) -> float:
    """CPU the server's tree uses with no calls (its background tasks), in cores."""
    before, began = procstat.tree_cpu(pid), time.monotonic()
    time.sleep(seconds)  # a measuring window, not a wait for anything
    return (procstat.tree_cpu(pid) - before) / (time.monotonic() - began)


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    import grpc
    import psycopg
    import sqlalchemy

    ghz_version = _ghz_version() if GHZ_INSTALLED else "absent"
    return {
        "cpu": f"{os.cpu_count()} x {cpu}",
        "memory": f"{int(memory) / 1024 / 1024:.0f} GiB",
        "kernel": platform.release(),
        "python": platform.python_version(),
        "grpcio": grpc.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "psycopg": psycopg.__version__,
        "ghz": ghz_version,
        "commit": subprocess.run(
            ["git", "log", "-1", "--format=%h %s"], capture_output=True, text=True, cwd=REPO
        ).stdout.strip()[:100],
    }


def _ghz_version() -> str:
    out = subprocess.run([GHZ, "--version"], capture_output=True, text=True)
    printed = (out.stdout + out.stderr).strip()
    pinned = re.search(r"^GHZ_VERSION \?= (\S+)", (REPO / "Makefile").read_text(), re.M)
    return f"{printed or '?'} (make tools installs {pinned.group(1) if pinned else '?'})"


def seed(postgres: PostgresServer, url: str, target: str) -> float:
    started = time.perf_counter()
    conninfo = postgres.libpq_url(url.rsplit("/", 1)[1])
    metadata = tuple(METADATA.items())
    for tenant in (SMALL, *OTHERS, *((LARGE,) if LARGE.rows else ())):
        templates = dataset.create_templates(target, tenant.id, metadata)
        seeded = time.perf_counter()
        dataset.seed(conninfo, tenant, templates)
        print(
            f"[bench] seeded tenant {tenant.id}: {tenant.rows:,} rows of each kind in "
            f"{time.perf_counter() - seeded:.0f} s",
            flush=True,
        )
    dataset.settle(conninfo)
    return time.perf_counter() - started


def main() -> int:
    started = time.perf_counter()
    runs: list[Run] = []
    logs = Path(tempfile.mkdtemp(prefix="crm-bench-logs-"))
    print(
        f"[bench] {'quick' if QUICK else 'full'} mode; load from {'ghz' if GHZ_INSTALLED else 'python'}; "
        f"logs in {logs}"
    )
    facts = machine()
    with private_postgres() as postgres:
        pg_pid = postmaster_pid(postgres)
        facts["postgresql"] = postgres.psql("SHOW server_version").strip()
        facts["pgbench scale"] = str(PGBENCH_SCALE)
        url = postgres.create_database("crm_bench")
        pgbench_db = postgres.create_database("pgbench").rsplit("/", 1)[1]
        env = {**os.environ, "PGHOST": postgres.host, "PGPORT": str(postgres.port), "PGUSER": "postgres"}
        subprocess.run(
            [str(postgres.bin_dir / "pgbench"), "-i", "-q", "-s", str(PGBENCH_SCALE), pgbench_db],
            env=env,
            capture_output=True,
            check=True,
        )
        # Whatever is compared is measured back to back (bare and this server's ceiling, WORKERS 1 and 2,
        # CreateOrder and pgbench, 1,000 and 1,000,000 rows): the load from elsewhere drifts over minutes.
        with (
            crm_server(url, workers=1, log=logs / "server-1.log") as (target, pid),
            bare_server() as (bare_target, bare_pid),
            floor_server(url, "psycopg") as floor,
            floor_server(url, "asyncpg") as asyncpg_floor,
            floor_server(url, "cached") as cached_floor,
        ):
            seconds = seed(postgres, url, target)
            facts["seeding"] = f"{seconds:.0f} s"

            def one(
                call: str,
                concurrency: int,
                tenant: Tenant = SMALL,
                section: str = "main",
                *,
                at: tuple[str, int] = (target, pid),
                **kw: object,
            ) -> Run:
                run = measure(
                    section,
                    call,
                    at[0],
                    tenant,
                    concurrency=concurrency,
                    server_pid=at[1],
                    postgres_pid=pg_pid,
                    seconds=RUN_SECONDS,
                    **kw,  # type: ignore[arg-type]
                )
                runs.append(run)
                return run

            for call in MATRIX:
                for concurrency in MAIN_CONCURRENCY if call in MAIN_CALLS else CONCURRENCY:
                    if call == "health":
                        one("health", concurrency, at=(bare_target, bare_pid)).call = "bare health"
                    one(call, concurrency)
                    if call == "GetProduct":
                        one(call, concurrency, at=floor).call = FLOOR
                        one(call, concurrency, at=asyncpg_floor).call = ASYNCPG_FLOOR
                        one(call, concurrency, at=cached_floor).call = CACHED_FLOOR
                    if call == "CreateOrder":
                        runs.append(pgbench(postgres, pgbench_db, concurrency, pg_pid))
            if LARGE.rows:
                for call in (c for c in MATRIX if CALLS[c].data_dependent):
                    one(call, 16, SMALL, "size")
                    one(call, 16, LARGE, "size")
            with crm_server(url, workers=2, log=logs / "server-2.log") as (target_2, pid_2):
                facts["idle server CPU"] = (
                    f"WORKERS=1 {idle_cores(pid):.3f} cores, WORKERS=2 {idle_cores(pid_2):.3f} cores "
                    "(background tasks with no calls)"
                )
                for connections in (4, 16):
                    for call in WORKER_CALLS:
                        one(call, WORKER_CONCURRENCY, section="workers", connections=connections)
                        one(
                            call,
                            WORKER_CONCURRENCY,
                            section="workers",
                            connections=connections,
                            workers=2,
                            at=(target_2, pid_2),
                        )
    elapsed = time.perf_counter() - started
    facts["duration"] = f"{elapsed / 60:.1f} min"
    facts["finished"] = f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M}"
    facts["mode"] = "quick (BENCH_QUICK=1)" if QUICK else "full"
    out_json = REPO / "build" / "bench" / "results.json"
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps({"machine": facts, "runs": [r.as_dict() for r in runs]}, indent=1))
    report.write(OUT, facts, runs, small=SMALL, large=LARGE, others=OTHERS, run_seconds=RUN_SECONDS)
    print(f"[bench] done in {elapsed / 60:.1f} min; {OUT / 'BENCHMARKS.md'}, raw figures in {out_json}")
    print(report.targets_text(runs))
    return 0 if not any(r.errors for r in runs) and not math.isnan(elapsed) else 1


if __name__ == "__main__":
    sys.exit(main())
