"""BENCHMARKS.md and the plot from the runs of `make bench`; the soak (`make soak`) fills its own section,
which a bench run keeps."""

from __future__ import annotations

import datetime
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bench.dataset import Tenant
from tests.bench.harness import CONNECTIONS, POOL_SIZE, Run

PLOT = "docs/benchmarks.png"
SOAK_START, SOAK_END = "<!-- soak -->", "<!-- /soak -->"
# Written by hand (what the figures mean, what profiles showed); a bench run keeps it.
NOTES_START, NOTES_END = "<!-- notes -->", "<!-- /notes -->"
READS = ("GetProduct", "GetLead", "GetOrder", "GetContact", "GetInventory")
LISTS = ("ListProducts", "ListLeads", "ListEvents")
# tests/bench/floor_server.py
FLOOR, ASYNCPG_FLOOR, CACHED_FLOOR = (
    "floor GetProduct",
    "floor GetProduct (asyncpg)",
    "GetProduct from memory",
)


@dataclass(frozen=True, slots=True)
class Target:
    what: str
    goal: str
    figure: str  # by throughput, as the issue states it
    by_cpu: str  # the same ratio from server CPU per call (steadier on a shared machine)
    met: bool | None


def _find(
    runs: Iterable[Run], call: str, concurrency: int, section: str = "main", **kw: object
) -> Run | None:
    for run in runs:
        if (
            run.section == section
            and run.call == call
            and run.concurrency == concurrency
            and all(getattr(run, k) == v for k, v in kw.items())
        ):
            return run
    return None


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def targets(runs: Sequence[Run]) -> list[Target]:
    out: list[Target] = []
    for c in (16, 64):
        ceiling, bare = _find(runs, "health", c), _find(runs, "bare health", c)
        if ceiling and bare:
            r = _ratio(ceiling.rps, bare.rps)
            out.append(
                Target(
                    f"empty-RPC ceiling / bare grpc.aio, {c} callers",
                    ">= 0.90",
                    f"{r:.2f} ({ceiling.rps:.0f} / {bare.rps:.0f})",
                    f"{_ratio(bare.server_cpu_ms, ceiling.server_cpu_ms):.2f}",
                    r >= 0.9,
                )
            )
        if not ceiling:
            continue
        for name, what in (
            (FLOOR, "the floor on psycopg"),
            (ASYNCPG_FLOOR, "the floor on asyncpg"),
            (CACHED_FLOOR, "the floor from memory"),
        ):
            floor = _find(runs, name, c)
            if floor:
                out.append(
                    Target(
                        f"GetProduct on {what} / ceiling, {c} callers",
                        "(reference)",
                        f"{_ratio(floor.rps, ceiling.rps):.2f} ({floor.rps:.0f} / {ceiling.rps:.0f})",
                        f"{_ratio(ceiling.server_cpu_ms, floor.server_cpu_ms):.2f}",
                        None,
                    )
                )
        for group, goal in ((READS, 0.5), (LISTS, 0.3), (("RecommendCrossSell",), 0.2)):
            for call in group:
                run = _find(runs, call, c)
                if run:
                    r = _ratio(run.rps, ceiling.rps)
                    out.append(
                        Target(
                            f"{call} / ceiling, {c} callers",
                            f">= {goal:.2f}",
                            f"{r:.2f} ({run.rps:.0f} / {ceiling.rps:.0f})",
                            f"{_ratio(ceiling.server_cpu_ms, run.server_cpu_ms):.2f}",
                            r >= goal,
                        )
                    )
    for c in (16, 32, 64):
        yardstick = _find(runs, "pgbench", c)
        if not yardstick:
            continue
        for call, goal in (
            ("CreateOrder", 0.25),
            ("CreateLead", 0.4),
            ("CreateProduct", 0.4),
            ("UpdateInventory", None),
        ):
            run = _find(runs, call, c)
            if run:
                r = _ratio(run.rps, yardstick.rps)
                out.append(
                    Target(
                        f"{call} / pgbench TPS, {c} callers",
                        f">= {goal:.2f}" if goal else "(no target)",
                        f"{r:.3f} ({run.rps:.0f} / {yardstick.rps:.0f})",
                        f"server {run.server_cpu_ms:.2f} ms + pg {run.postgres_cpu_ms:.2f} ms per call; "
                        f"pgbench pg {yardstick.postgres_cpu_ms:.2f} ms per tx",
                        (r >= goal) if goal else None,
                    )
                )
    order = _find(runs, "CreateOrder", 32)
    if order:
        out.append(
            Target("CreateOrder p99, 32 callers", "< 100 ms", f"{order.p99:.0f} ms", "", order.p99 < 100)
        )
    for connections in (4, 16):
        for call in ("health", "GetProduct", "CreateOrder"):
            one = _find(runs, call, 64, "workers", workers=1, connections=connections)
            two = _find(runs, call, 64, "workers", workers=2, connections=connections)
            if one and two:
                r = _ratio(two.rps, one.rps)
                out.append(
                    Target(
                        f"WORKERS=2 / WORKERS=1 {call}, {connections} connections",
                        ">= 1.70",
                        f"{r:.2f} ({two.rps:.0f} / {one.rps:.0f}); worker CPU split {two.worker_cpu_split}",
                        f"CPU per call {two.server_cpu_ms:.2f} vs {one.server_cpu_ms:.2f} ms "
                        f"({_ratio(one.server_cpu_ms, two.server_cpu_ms):.2f}x as efficient)",
                        r >= 1.7,
                    )
                )
    calls = sorted({r.call for r in runs if r.section == "size"}, key=_order_of(runs))
    for call in calls:
        pair = [r for r in runs if r.section == "size" and r.call == call]
        small, large = min(pair, key=lambda r: r.rows), max(pair, key=lambda r: r.rows)
        if small.rows == large.rows:
            continue
        slow = _ratio(small.rps, large.rps)
        cpu = _ratio(large.server_cpu_ms + large.postgres_cpu_ms, small.server_cpu_ms + small.postgres_cpu_ms)
        out.append(
            Target(
                f"{call}: {large.rows:,} rows / {small.rows:,} rows",
                "<= 1.20x",
                f"{slow:.2f}x slower ({small.rps:.0f}/s -> {large.rps:.0f}/s)",
                f"{cpu:.2f}x the CPU (server + PostgreSQL) per call",
                slow <= 1.2,
            )
        )
    return out


def _order_of(runs: Sequence[Run]):  # type: ignore[no-untyped-def]
    first = {}
    for i, r in enumerate(runs):
        first.setdefault(r.call, i)
    return lambda call: first[call]


def targets_text(runs: Sequence[Run]) -> str:
    lines = ["[bench] targets (ratio by throughput; by server CPU per call):"]
    for t in targets(runs):
        verdict = "" if t.met is None else (" MET" if t.met else " missed")
        lines.append(f"  {t.what:55} {t.goal:9} {t.figure:40} {t.by_cpu}{verdict}")
    return "\n".join(lines)


def _cores(run: Run, per_call_ms: float) -> float:
    return per_call_ms * run.rps / 1000


def write(
    out: Path,
    facts: dict[str, str],
    runs: Sequence[Run],
    *,
    small: Tenant,
    large: Tenant,
    others: Sequence[Tenant],
    run_seconds: float,
) -> None:
    path = out / "BENCHMARKS.md"
    previous = path.read_text() if path.exists() else ""
    soak = re.search(re.escape(SOAK_START) + ".*?" + re.escape(SOAK_END), previous, re.S)
    notes = re.search(re.escape(NOTES_START) + ".*?" + re.escape(NOTES_END), previous, re.S)
    plot(out / PLOT, runs)
    ghz = "absent" not in facts["ghz"]
    finished = facts.get("finished", f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M}")
    others_text = ", ".join(f"tenant {t.id} {t.rows:,}" for t in others)
    large_text = f"tenant {large.id} has {large.rows:,}; " if large.rows else ""
    lines = [
        "# Benchmarks: the cost of a call",
        "",
        *_paragraphs(
            f"""
            Written by `make bench` on {finished} UTC
            ({facts["mode"]}, {facts["duration"]}, commit {facts["commit"]}). Figures, not pass/fail:
            absolute numbers move 2-3x from day to day on these shared machines, so the targets are ratios
            measured side by side in this one run, and the server CPU per call (from /proc) is given beside
            them as the steadiest figure.

            ## Method

            - One process tree: a private PostgreSQL started by the bench (`tests/support/postgres.py`:
            fsync off, `shared_buffers` 128MB), the server as production runs it (`python -m server.main`,
            `DB_POOL_SIZE={POOL_SIZE}`, `AUTH_MODE=jwt` with an HS256 token on every call, `LOG_LEVEL=INFO`
            JSON access log into a file), the bare grpc.aio health server
            (`tests/bench/bare_health_server.py`, the Python ceiling), the floor of a read on this stack
            (`tests/bench/floor_server.py`: GetProduct through grpc.aio on uvloop, one pipelined psycopg
            round trip with the tenant scope, the service's own row and protobuf mapping, and nothing else:
            no interceptor, JWT check, access log, unit of work, SQLAlchemy or use case; and the same on
            asyncpg, which needs three round trips for the scope without a pipeline; and the same answered
            from memory once each product was read, a read without the database; all measured right
            after this server's GetProduct), and the load generator in its own
            process: {"ghz (protoset)" if ghz else "the Python load client"}, {CONNECTIONS} connections
            unless stated.

            - The health Check answers without authentication (probes never carry tokens) and logs at DEBUG
            (a probe every few seconds per pod would drown the access log), so the empty-RPC ceiling has the
            interceptors (metrics, admission, the call interceptor) but neither the JWT check nor an
            access-log line; every other call has both.

            - Data: tenant {small.id} has {small.rows:,} rows of each kind (products with stock levels,
            leads, contacts, orders with 2 items, events); {large_text}{others_text}. Each tenant's first
            row of each kind is made through the RPCs; the rest is copied from it set-based (`INSERT …
            SELECT … generate_series`, `tests/bench/dataset.py`), then `VACUUM ANALYZE`
            ({facts.get("seeding", "?")}). The main runs use tenant {small.id}; its writes add rows to it.

            - Each run: a warm-up (at least 200 calls, 4 per caller), then a fixed count of calls,
            calibrated from the warm-up's rate to last about {run_seconds:.0f} s. Reads cycle over up to
            2,000 distinct rows; creates never repeat a SKU or an email. What is compared is measured back
            to back: the bare server and this server's ceiling, CreateOrder and pgbench, WORKERS 1 and 2
            (both servers up), the small and the large tenant.

            - CPU per call: utime + stime of each process tree from /proc over the run, divided by the calls
            (the server, PostgreSQL's postmaster and backends, the load generator's own rusage); "others" is
            the rest of the machine's busy time (/proc/stat) during the run: this machine is shared. The
            1-minute load average is recorded before each run.

            - pgbench tpcb-like (scale {facts.get("pgbench scale", "?")}) on its own database in the same
            PostgreSQL: a fixed count of transactions, `-j 2`, latencies from its per-transaction log.

            - The plot of throughput and p99 against callers: `{PLOT}`.
            """
        ),
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in facts.items()),
        "",
        "## Targets (issue 15)",
        "",
        "| target | goal | figure (throughput) | by CPU per call | |",
        "|---|---|---|---|---|",
        *(
            f"| {t.what} | {t.goal} | {t.figure} | {t.by_cpu} | "
            f"{'' if t.met is None else ('met' if t.met else '**missed**')} |"
            for t in targets(runs)
        ),
        "",
        "## Every run",
        "",
        "cpu/call in ms; cores = CPU per call x rate (how much of the 2 cores each part used during the "
        "run); pg bg = cores PostgreSQL spent on its own work during the run (autovacuum, checkpoints, "
        "writers; part of its cpu/call); others = "
        "cores busy with work outside this bench during the run (the machine is shared).",
        "",
        "| section | call | callers | conns | W | rows | calls | rps | p50 ms | p99 ms | err | server "
        "cpu/call | pg cpu/call | client cpu/call | cores: server / pg / client | pg bg | others | load |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(
            f"| {r.section} | {r.call} | {r.concurrency} | {r.connections} | {r.workers} | {r.rows:,} | "
            f"{r.calls:,} | "
            f"{r.rps:,.0f} | {r.p50:.1f} | {r.p99:.1f} | {r.errors} | {r.server_cpu_ms:.2f} | "
            f"{r.postgres_cpu_ms:.2f} | "
            f"{r.client_cpu_ms:.2f} | {_cores(r, r.server_cpu_ms):.2f} / {_cores(r, r.postgres_cpu_ms):.2f} "
            "/ "
            f"{_cores(r, r.client_cpu_ms):.2f} | {r.postgres_background_cores:.2f} | {r.others_cores:.2f} | "
            f"{r.load:.2f} |"
            for r in runs
        ),
        "",
        *workers_section(runs),
        notes.group(0) if notes else f"{NOTES_START}\n## Notes\n\nNone yet.\n{NOTES_END}",
        "",
        soak.group(0) if soak else f"{SOAK_START}\n## Memory soak\n\nNot run yet: `make soak`.\n{SOAK_END}",
        "",
    ]
    path.write_text("\n".join(lines))


def _paragraphs(text: str) -> list[str]:
    """Markdown paragraphs (and list items) written as wrapped source text, each joined onto one line."""
    out: list[str] = []
    for block in textwrap.dedent(text).strip().split("\n\n"):
        out += [" ".join(block.split()), ""]
    return out


def workers_section(runs: Sequence[Run]) -> list[str]:
    rows = [r for r in runs if r.section == "workers"]
    if not rows:
        return []
    lines = [
        "## WORKERS=1 and WORKERS=2",
        "",
        "64 callers, over 4 and over 16 connections. SO_REUSEPORT gives each *connection* to one worker (a "
        "hash "
        "of its addresses), so 4 connections split 2/2 only 6 times in 16 (3/1 half the time, 4/0 one time "
        "in 8); "
        "the worker CPU split shows the balance each run got. On 2 cores the load generator and PostgreSQL "
        "use "
        "part of the same cores (the cores column), so throughput cannot double; the server CPU per call "
        "shows "
        "whether a second process serves as efficiently as the first, which is what scaling onto more cores "
        "(or more machines) depends on.",
        "",
        "| call | conns | W | rps | p99 ms | server cpu/call | worker split | cores: server / pg / client |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.call} | {r.connections} | {r.workers} | {r.rps:,.0f} | {r.p99:.1f} | "
            f"{r.server_cpu_ms:.2f} | "
            f"{r.worker_cpu_split or '-'} | {_cores(r, r.server_cpu_ms):.2f} / "
            f"{_cores(r, r.postgres_cpu_ms):.2f} / "
            f"{_cores(r, r.client_cpu_ms):.2f} |"
        )
    return [*lines, ""]


def plot(path: Path, runs: Sequence[Run]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path.parent.mkdir(parents=True, exist_ok=True)
    figure, (throughput, tail, cpu) = plt.subplots(1, 3, figsize=(17, 5))
    names = (
        "bare health",
        "health",
        FLOOR,
        "GetProduct",
        "ListProducts",
        "CreateLead",
        "CreateOrder",
        "pgbench",
    )
    for name in names:
        points = sorted((r.concurrency, r.rps, r.p99) for r in runs if r.section == "main" and r.call == name)
        if len(points) < 2:
            continue
        xs = [p[0] for p in points]
        throughput.plot(xs, [p[1] for p in points], marker="o", label=name)
        tail.plot(xs, [p[2] for p in points], marker="o", label=name)
        costs = sorted(
            (r.concurrency, r.server_cpu_ms + r.postgres_cpu_ms)
            for r in runs
            if r.section == "main" and r.call == name
        )
        cpu.plot([c[0] for c in costs], [c[1] for c in costs], marker="o", label=name)
    for axis, title, unit in (
        (throughput, "throughput", "calls/s"),
        (tail, "p99 latency", "ms"),
        (cpu, "CPU per call: server + PostgreSQL", "ms"),
    ):
        axis.set_title(title)
        axis.set_xlabel("concurrent callers")
        axis.set_ylabel(unit)
        axis.set_yscale("log")
        axis.set_xticks([16, 32, 64])
        axis.grid(True, which="both", alpha=0.3)
    throughput.legend(fontsize=8)
    figure.suptitle("CRM server on PostgreSQL (WORKERS=1, 4 connections; pgbench: its own clients), one run")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


if __name__ == "__main__":  # redraw the plot from a run's raw figures: python -m tests.bench.report FILE
    import json
    import sys

    raw = json.loads(Path(sys.argv[1]).read_text())
    plot(Path(__file__).resolve().parents[2] / PLOT, [Run(**r) for r in raw["runs"]])
