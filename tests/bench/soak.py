"""`make soak`: is the server's memory flat under a steady load? A mixed read/write load (GetProduct,
ListProducts, GetLead, CreateLead, CreateOrder, each its own ghz) first runs flat out to measure the mix's
throughput, then at half of it for SOAK_SECONDS (default 600), while the server's RSS is sampled every
SOAK_SAMPLE_SECONDS (default 5). Writes start, peak, end and the slope (least squares, over the whole run
and over its second half) into the soak section of BENCHMARKS.md. Needs ghz (its --rps holds the rate).
"""

from __future__ import annotations

import datetime
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.bench import dataset, procstat
from tests.bench.calls import CALLS
from tests.bench.dataset import Tenant
from tests.bench.grpc_load import GHZ_INSTALLED, run_load
from tests.bench.harness import CONNECTIONS, METADATA, REPO, crm_server, private_postgres
from tests.bench.report import SOAK_END, SOAK_START

SECONDS = float(os.environ.get("SOAK_SECONDS", "600"))
SAMPLE_SECONDS = float(os.environ.get("SOAK_SAMPLE_SECONDS", "5"))
OUT = Path(os.environ.get("BENCH_OUT", REPO))
TENANT = Tenant(1001, 1000)
# The mix: calls and their share of the rate.
MIX = {"GetProduct": 0.35, "ListProducts": 0.15, "GetLead": 0.2, "CreateLead": 0.15, "CreateOrder": 0.15}
CALIBRATION_CALLS = 400
CALLERS = 8  # per call of the mix


def _run_concurrently(
    target: str, rates: dict[str, float | None], counts: dict[str, int]
) -> dict[str, dict[str, object]]:
    """One load generator per call of the mix, all at once; with a rate, ghz holds it (--rps)."""
    results: dict[str, dict[str, object]] = {}

    def one(name: str) -> None:
        call = CALLS[name]
        results[name] = run_load(
            target,
            call.method,
            call.requests(TENANT, counts[name]),
            concurrency=CALLERS,
            total=counts[name],
            connections=CONNECTIONS,
            metadata=METADATA,
            rate=rates[name],
        )

    threads = [threading.Thread(target=one, args=(name,)) for name in MIX]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def slope(samples: list[tuple[float, int]]) -> float:
    """Least-squares slope of RSS in MiB per minute."""
    n = len(samples)
    if n < 2:
        return 0.0
    mean_t = sum(t for t, _ in samples) / n
    mean_m = sum(m for _, m in samples) / n
    num = sum((t - mean_t) * (m - mean_m) for t, m in samples)
    den = sum((t - mean_t) ** 2 for t, _ in samples) or 1.0
    return num / den / 2**20 * 60


def main() -> int:
    if not GHZ_INSTALLED:
        print("make soak needs ghz (make tools): its --rps holds the rate", file=sys.stderr)
        return 2
    logs = Path(tempfile.mkdtemp(prefix="crm-soak-"))
    started_at = datetime.datetime.now(datetime.UTC)
    with private_postgres() as postgres:
        url = postgres.create_database("crm_soak")
        with crm_server(url, workers=1, log=logs / "server.log") as (target, pid):
            booted = procstat.tree_rss(pid)
            conninfo = postgres.libpq_url("crm_soak")
            for tenant in (TENANT,):
                dataset.seed(
                    conninfo, tenant, dataset.create_templates(target, tenant.id, tuple(METADATA.items()))
                )
            dataset.settle(conninfo)
            calibration = _run_concurrently(
                target,
                dict.fromkeys(MIX),
                {name: int(CALIBRATION_CALLS * share / 0.15) for name, share in MIX.items()},
            )
            full = sum(float(r["rps"]) for r in calibration.values())  # type: ignore[arg-type]
            rate = full / 2
            print(
                f"[soak] the mix runs at {full:.0f} calls/s flat out; soaking at {rate:.0f}/s for "
                f"{SECONDS:.0f} s",
                flush=True,
            )
            rates = {name: rate * share for name, share in MIX.items()}
            counts = {name: max(1, int(rates[name] * SECONDS)) for name in MIX}
            samples: list[tuple[float, int]] = []
            done = threading.Event()

            def sample() -> None:
                begin = time.monotonic()
                while not done.is_set():
                    samples.append((time.monotonic() - begin, procstat.tree_rss(pid)))
                    done.wait(SAMPLE_SECONDS)

            sampler = threading.Thread(target=sample)
            cpu_before = procstat.tree_cpu(pid)
            sampler.start()
            began = time.monotonic()
            results = _run_concurrently(target, rates, counts)
            elapsed = time.monotonic() - began
            done.set()
            sampler.join()
            samples.append((elapsed, procstat.tree_rss(pid)))
            cpu = procstat.tree_cpu(pid) - cpu_before
    calls = sum(counts.values())
    errors = sum(int(r["errors"]) for r in results.values())  # type: ignore[call-overload]
    rss = [m for _, m in samples]
    half = [s for s in samples if s[0] >= elapsed / 2]
    mib = 2**20
    figures = {
        "start": rss[0] / mib,
        "peak": max(rss) / mib,
        "end": rss[-1] / mib,
        "slope": slope(samples),
        "slope_second_half": slope(half),
    }
    lines = [
        SOAK_START,
        "## Memory soak",
        "",
        f"`make soak` on {started_at:%Y-%m-%d %H:%M} UTC: {elapsed / 60:.1f} minutes "
        f"(SOAK_SECONDS={SECONDS:.0f}) of a mixed load "
        f"({', '.join(f'{k} {v:.0%}' for k, v in MIX.items())}; {CALLERS} callers each, ghz holding "
        f"the rate) at {rate:.0f} calls/s, half of the {full:.0f} calls/s the same mix reached flat out "
        f"just before; WORKERS=1, JWT, INFO access log. {calls:,} calls, {errors} errors; server CPU "
        f"{cpu / calls * 1000:.2f} ms per call. RSS of the server: {booted / mib:.1f} MiB once serving, "
        f"before any call; then sampled every {SAMPLE_SECONDS:.0f} s ({len(samples)} samples) from the "
        "start of the soak (after the calibration):",
        "",
        "| start | peak | end | slope, whole run | slope, second half |",
        "|---|---|---|---|---|",
        f"| {figures['start']:.1f} MiB | {figures['peak']:.1f} MiB | {figures['end']:.1f} MiB | "
        f"{figures['slope']:+.2f} MiB/min | {figures['slope_second_half']:+.2f} MiB/min |",
        "",
        "RSS over time (minute: MiB): "
        + ", ".join(f"{t / 60:.1f}: {m / mib:.0f}" for t, m in samples[:: max(1, len(samples) // 20)]),
        SOAK_END,
    ]
    text = "\n".join(lines)
    print(text)
    path = OUT / "BENCHMARKS.md"
    previous = (
        path.read_text()
        if path.exists()
        else f"# Benchmarks: the cost of a call\n\n{SOAK_START}\n{SOAK_END}\n"
    )
    if SOAK_START in previous:
        previous = re.sub(
            re.escape(SOAK_START) + ".*?" + re.escape(SOAK_END), lambda _: text, previous, flags=re.S
        )
    else:
        previous += "\n" + text + "\n"
    path.write_text(previous)
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
