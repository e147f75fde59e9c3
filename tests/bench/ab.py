"""Two trees side by side (`make bench-ab`): the server of an earlier commit (A, `AB_BASE`, default HEAD)
against the working tree (B), both serving one private PostgreSQL at once, each call measured on A and B
in turn for a few rounds (the order flips every round). On a shared machine only such a comparison says
whether a change made a call cheaper: the figures of two separate runs drift by more than most changes.

Prints, for each call, the server CPU per call of each round (the measure), PostgreSQL's, and the rate.
Settings (environment): AB_BASE, AB_CALLS (comma-separated names of tests/bench/calls.py; default
health,GetProduct,ListProducts,CreateLead,CreateOrder), AB_ROUNDS (2), AB_CONCURRENCY (16), AB_SECONDS (5),
AB_WORKERS (1), AB_POOL (the call pool of each server, 16).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from tests.bench import dataset
from tests.bench.calls import CALLS
from tests.bench.dataset import Tenant
from tests.bench.grpc_load import GHZ_INSTALLED
from tests.bench.harness import (
    METADATA,
    POOL_SIZE,
    REPO,
    Run,
    crm_server,
    measure,
    postmaster_pid,
    private_postgres,
)

BASE = os.environ.get("AB_BASE", "HEAD")
NAMES = os.environ.get("AB_CALLS", "health,GetProduct,ListProducts,CreateLead,CreateOrder").split(",")
ROUNDS = int(os.environ.get("AB_ROUNDS", "2"))
CONCURRENCY = int(os.environ.get("AB_CONCURRENCY", "16"))
SECONDS = float(os.environ.get("AB_SECONDS", "5"))
WORKERS = int(os.environ.get("AB_WORKERS", "1"))
POOL = int(os.environ.get("AB_POOL", str(POOL_SIZE)))
TENANT = Tenant(1001, 1000)


def checkout(revision: str, into: Path) -> Path:
    """The tree of `revision` as files (a detached worktree), with its generated code as committed."""
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "-f", "--detach", str(into), revision],
        check=True,
        capture_output=True,
    )
    return into


def main() -> int:
    unknown = [name for name in NAMES if name not in CALLS]
    if unknown:
        print(f"unknown calls {unknown}; known: {', '.join(CALLS)}", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="crm-ab-"))
    base = checkout(BASE, scratch / "base")
    print(
        f"[ab] A = {BASE} ({base}), B = the working tree; load from {'ghz' if GHZ_INSTALLED else 'python'}; "
        f"logs in {scratch}",
        flush=True,
    )
    results: dict[tuple[str, str], list[Run]] = {}
    try:
        with private_postgres() as postgres, ExitStack() as servers:
            pg_pid = postmaster_pid(postgres)
            url = postgres.create_database("crm_ab")
            # A first: the base migrates the empty database, then seeds; B's own migrations run after.
            sides = {
                "A": servers.enter_context(
                    crm_server(url, workers=WORKERS, log=scratch / "a.log", tree=base, pool_size=POOL)
                )
            }
            conninfo = postgres.libpq_url(url.rsplit("/", 1)[1])
            templates = dataset.create_templates(sides["A"][0], TENANT.id, tuple(METADATA.items()))
            dataset.seed(conninfo, TENANT, templates)
            dataset.settle(conninfo)
            sides["B"] = servers.enter_context(
                crm_server(url, workers=WORKERS, log=scratch / "b.log", pool_size=POOL)
            )
            for round_ in range(ROUNDS):
                for name in NAMES:
                    for side in ("A", "B") if round_ % 2 == 0 else ("B", "A"):
                        target, pid = sides[side]
                        run = measure(
                            f"{side} r{round_ + 1}",
                            name,
                            target,
                            TENANT,
                            concurrency=CONCURRENCY,
                            server_pid=pid,
                            postgres_pid=pg_pid,
                            seconds=SECONDS,
                            workers=WORKERS,
                        )
                        results.setdefault((name, side), []).append(run)
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)], capture_output=True
        )
    print(
        f"\nA = {BASE}, B = working tree; {CONCURRENCY} callers, WORKERS={WORKERS}, {ROUNDS} rounds "
        "(each round's figure, A -> B)"
    )
    print(
        f"{'call':20} {'server CPU ms/call':>28} {'PostgreSQL ms/call':>28} {'calls/s':>22}  B/A server CPU"
    )
    for name in NAMES:
        a, b = results[(name, "A")], results[(name, "B")]

        def pair(field: str, digits: int, a: list[Run] = a, b: list[Run] = b) -> str:
            def rounds(runs: list[Run]) -> str:
                return "/".join(f"{getattr(r, field):.{digits}f}" for r in runs)

            return f"{rounds(a)} -> {rounds(b)}"

        ratio = statistics.median(r.server_cpu_ms for r in b) / statistics.median(r.server_cpu_ms for r in a)
        print(
            f"{name:20} {pair('server_cpu_ms', 2):>28} {pair('postgres_cpu_ms', 2):>28} "
            f"{pair('rps', 0):>22}  {ratio:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
