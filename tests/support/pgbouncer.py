"""A private PgBouncer in front of a test PostgreSQL (stdlib only); wraps deploy/pgbouncer/pgbouncer.sh.

bouncer = PgBouncer.start(tmp_path_factory.mktemp("pgbouncer"), postgres_server)
bouncer.url("crm_test")   # postgresql+psycopg://postgres@127.0.0.1:PORT/crm_test, transaction pooling
bouncer.stop()
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .ports import free_port
from .postgres import REPO_ROOT, PostgresServer

PGBOUNCER_SH = REPO_ROOT / "deploy" / "pgbouncer" / "pgbouncer.sh"


def pgbouncer_installed() -> bool:
    return shutil.which("pgbouncer") is not None or Path("/usr/sbin/pgbouncer").is_file()


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(PGBOUNCER_SH), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def pgbouncer_version() -> tuple[int, ...]:
    out = _run("version")
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return tuple(int(part) for part in out.stdout.strip().split("."))


class PgBouncer:
    """A running PgBouncer on 127.0.0.1 that routes every database name to `postgres`."""

    def __init__(self, directory: Path, port: int, mode: str) -> None:
        self.directory = directory
        self.host = "127.0.0.1"
        self.port = port
        self.mode = mode
        self._running = True

    @classmethod
    def start(cls, directory: Path, postgres: PostgresServer, mode: str = "transaction") -> PgBouncer:
        last_error = ""
        for _ in range(3):  # a free port may be taken before PgBouncer binds it
            port = free_port()
            out = _run("start", str(directory), str(port), postgres.host, str(postgres.port), mode)
            if out.returncode == 0:
                return cls(directory, port, mode)
            last_error = out.stderr.strip()
            _run("stop", str(directory))
        raise RuntimeError(f"pgbouncer.sh start failed:\n{last_error}")

    @property
    def supports_prepared_statements(self) -> bool:
        """PgBouncer >= 1.21 keeps protocol-level prepared statements working in transaction mode."""
        return self.mode == "session" or pgbouncer_version() >= (1, 21)

    def url(self, database: str, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@{self.host}:{self.port}/{database}"

    def stop(self) -> None:
        if not self._running:
            return
        out = _run("stop", str(self.directory))
        self._running = False
        if out.returncode != 0:
            raise RuntimeError(f"pgbouncer.sh stop failed:\n{out.stderr.strip()}")
