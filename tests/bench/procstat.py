"""Process accounting from /proc for the benchmarks: the CPU seconds a process tree has used, its resident
memory, and the machine's load average. CPU time is the steadiest figure on a shared machine: a call costs
the same CPU whether the cores are busy with someone else's tests or not, while its wall time does not."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True, slots=True)
class _Stat:
    pid: int
    ppid: int
    cpu: float  # utime + stime of the process itself, seconds
    reaped: float  # cutime + cstime: the CPU of its children that have exited and been waited for
    rss: int  # bytes


def _stat(pid: int) -> _Stat | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # exited between the listing and the read
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its closing one.
    fields = raw[raw.rindex(")") + 2 :].split()
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return _Stat(
        pid=pid,
        ppid=int(fields[1]),
        cpu=(utime + stime) / TICKS,
        reaped=(cutime + cstime) / TICKS,
        rss=int(fields[21]) * PAGE,
    )


def _all() -> dict[int, _Stat]:
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None:
                stats[stat.pid] = stat
    return stats


def tree(root: int) -> list[int]:
    """`root` and every descendant still running."""
    stats = _all()
    children: dict[int, list[int]] = {}
    for stat in stats.values():
        children.setdefault(stat.ppid, []).append(stat.pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            found.append(pid)
            todo.extend(children.get(pid, ()))
    return found


def tree_cpu(root: int) -> float:
    """CPU seconds of `root` and its descendants: the running ones, plus those already reaped by `root`
    (a PostgreSQL backend that ended, a worker that was replaced)."""
    total = 0.0
    for pid in tree(root):
        stat = _stat(pid)
        if stat is not None:
            total += stat.cpu + (stat.reaped if pid == root else 0.0)
    return total


# A client backend's title names its client: "postgres: crm_service crm_bench 127.0.0.1(45678) idle".
_CLIENT = re.compile(r"\d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]|\[[0-9a-f:]+\]\(\d+\)")


def _title(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def postgres_background_cpu(postmaster: int) -> float:
    """CPU seconds of PostgreSQL's own work under `postmaster`: its live non-client processes (autovacuum,
    checkpointer, writers, launchers) and the children it has reaped. A run's client backends live as long
    as the run (the server's pool), so what is reaped during a run is autovacuum workers: maintenance that
    earlier writes left, not the cost of the run's statements."""
    total = 0.0
    for pid in tree(postmaster):
        stat = _stat(pid)
        if stat is None:
            continue
        if pid == postmaster:
            total += stat.cpu + stat.reaped
        elif not _CLIENT.search(_title(pid)):
            total += stat.cpu
    return total


def per_process_cpu(root: int) -> dict[int, float]:
    """CPU seconds of each process of the tree (to see how evenly SO_REUSEPORT spread the workers' load)."""
    out = {}
    for pid in tree(root):
        stat = _stat(pid)
        if stat is not None:
            out[pid] = stat.cpu
    return out


def tree_rss(root: int) -> int:
    """Resident bytes of the tree (shared pages counted once per process, as `ps` does)."""
    total = 0
    for pid in tree(root):
        stat = _stat(pid)
        if stat is not None:
            total += stat.rss
    return total


def machine_busy() -> float:
    """CPU seconds all cores have spent busy (not idle, not waiting for I/O) since boot; with the trees'
    own CPU it shows how much of the machine someone else used during a run."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / TICKS


def load_average() -> float:
    return os.getloadavg()[0]
