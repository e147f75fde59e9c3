"""A private PostgreSQL server for tests (stdlib only).

Wraps deploy/postgres/postgres.sh, which does the initdb / pg_ctl work (and
the run-as-``postgres`` dance when the tests run as root).

    server = PostgresServer.start(tmp_path_factory.mktemp("pg"))
    url = server.create_database("crm_test")   # postgresql+psycopg://crm_service@127.0.0.1:PORT/crm_test
    ...
    server.stop()

Roles as in production (docs/security.md): each database belongs to OWNER_ROLE, which runs the migrations
and owns the tables; the server connects as SERVICE_ROLE, which owns nothing and gets its table privileges
from the owner's default privileges, so that row-level security holds it. Neither is a superuser.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from .ports import free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
POSTGRES_SH = REPO_ROOT / "deploy" / "postgres" / "postgres.sh"

_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")

OWNER_ROLE = "crm_owner"
SERVICE_ROLE = "crm_service"

_ROLES = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
    CREATE ROLE {OWNER_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{SERVICE_ROLE}') THEN
    CREATE ROLE {SERVICE_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE;
  END IF;
END $$"""

# What the owner creates, the service may read and write (never alter, own or truncate).
_SERVICE_PRIVILEGES = (
    f"ALTER DEFAULT PRIVILEGES FOR ROLE {OWNER_ROLE} IN SCHEMA public "
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {SERVICE_ROLE}; "
    f"ALTER DEFAULT PRIVILEGES FOR ROLE {OWNER_ROLE} IN SCHEMA public "
    f"GRANT USAGE, SELECT ON SEQUENCES TO {SERVICE_ROLE}"
)


def migration_url_for(url: str) -> str | None:
    """The owner's URL of a database `create_database` made (for MIGRATION_DATABASE_URL), else None."""
    return _as_role(url, OWNER_ROLE)


def superuser_url_for(url: str) -> str | None:
    """The superuser's URL of a database `create_database` made (row-level security does not hold it)."""
    return _as_role(url, "postgres")


def _as_role(url: str, role: str) -> str | None:
    prefix = f"postgresql+psycopg://{SERVICE_ROLE}@"
    return url.replace(prefix, f"postgresql+psycopg://{role}@", 1) if url.startswith(prefix) else None


def _has_server_bins(d: Path) -> bool:
    return (d / "initdb").is_file() and (d / "pg_ctl").is_file()


def _version_key(p: Path) -> tuple:
    # /usr/lib/postgresql/<major>/bin -> numeric sort on <major>
    return tuple(int(x) if x.isdigit() else 0 for x in p.parent.name.split("."))


def find_postgres_bin_dir() -> Path | None:
    """Directory with initdb/pg_ctl/psql, or None if no server is installed.

    Same search order as postgres.sh: $PG_BIN_DIR, ``pg_config --bindir``,
    newest /usr/lib/postgresql/*/bin, then initdb on PATH.
    """
    env = os.environ.get("PG_BIN_DIR")
    if env and _has_server_bins(Path(env)):
        return Path(env)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        # pg_config can come from libpq-dev alone: require the server binaries.
        if out and _has_server_bins(Path(out)):
            return Path(out)
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key)
    for d in reversed(debian):
        if _has_server_bins(d):
            return d
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    return None


class PostgresServer:
    """A running private server. Superuser ``postgres``, trust auth, 127.0.0.1."""

    host: str
    port: int

    def __init__(self, data_dir: Path, port: int, bin_dir: Path) -> None:
        self.data_dir = data_dir
        self.host = "127.0.0.1"
        self.port = port
        self.bin_dir = bin_dir
        self._running = True

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def start(cls, base_dir: Path, timeout: float = 90.0) -> PostgresServer:
        """initdb (first time) + start on a free port; returns when it accepts connections."""
        bin_dir = find_postgres_bin_dir()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL server binaries not found (Debian: apt-get install -y postgresql)")
        base_dir = Path(base_dir)
        base_dir.mkdir(parents=True, exist_ok=True)
        data_dir = base_dir / "pgdata"
        last_error = ""
        # A free port can be grabbed by someone else before postgres binds it: retry.
        for _ in range(3):
            port = free_port()
            proc = _run_script(["start", str(data_dir), str(port)], bin_dir, timeout)
            if proc.returncode == 0:
                server = cls(data_dir, port, bin_dir)
                server.psql(_ROLES)
                return server
            last_error = proc.stderr.strip()
            if proc.returncode == 124:  # our timeout: do not leak a half-started server
                _run_script(["stop", str(data_dir)], bin_dir, 60)
                break
            if "already running" in last_error or "could not bind" not in last_error.lower():
                break
        raise RuntimeError(f"postgres.sh start failed:\n{last_error}")

    def stop(self) -> None:
        """Fast shutdown (bounded). Idempotent.

        If postgres.sh had to relocate the cluster to /tmp (running as root with
        a data dir the postgres user cannot reach) that private copy is deleted
        too, since nothing else would clean it up.
        """
        if not self._running:
            return
        cmd = "destroy" if self.data_dir.is_symlink() else "stop"
        proc = _run_script([cmd, str(self.data_dir)], self.bin_dir, 60)
        self._running = False
        if proc.returncode != 0:
            raise RuntimeError(f"postgres.sh {cmd} failed:\n{proc.stderr.strip()}")

    def pause(self) -> None:
        """Stop the server but keep its data and port, for outage tests; `resume()` brings it back."""
        proc = _run_script(["stop", str(self.data_dir)], self.bin_dir, 60)
        if proc.returncode != 0:
            raise RuntimeError(f"postgres.sh stop failed:\n{proc.stderr.strip()}")

    def resume(self, timeout: float = 90.0) -> None:
        proc = _run_script(["start", str(self.data_dir), str(self.port)], self.bin_dir, timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"postgres.sh start failed:\n{proc.stderr.strip()}")

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- connection info ---------------------------------------------------

    def url(self, database: str = "postgres", *, role: str = "postgres") -> str:
        """SQLAlchemy URL for the psycopg (v3) driver, as the superuser unless `role` says otherwise."""
        return f"postgresql+psycopg://{role}@{self.host}:{self.port}/{database}"

    def libpq_url(self, database: str = "postgres") -> str:
        """Plain libpq URL (psql, asyncpg, psycopg.connect)."""
        return f"postgresql://postgres@{self.host}:{self.port}/{database}"

    @property
    def log_path(self) -> Path:
        return self.data_dir.resolve() / "postgres.log"

    # -- admin via the psql binary (no Python driver needed) ---------------

    def psql(self, sql: str | list[str], database: str = "postgres", timeout: float = 60.0) -> str:
        """Run SQL with psql (a list: one -c each, in order, e.g. a \\c between); returns unaligned
        tuples-only output. Raises on error."""
        commands = [sql] if isinstance(sql, str) else sql
        psql = self.bin_dir / "psql"
        if not psql.is_file():
            psql = Path(shutil.which("psql") or "psql")
        env = dict(os.environ, PGCONNECT_TIMEOUT="10")
        proc = subprocess.run(
            [
                str(psql),
                "-X",
                "-w",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                self.host,
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                *(argument for command in commands for argument in ("-c", command)),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"psql failed ({sql!r}): {proc.stderr.strip()}")
        return proc.stdout

    def create_database(self, name: str) -> str:
        """CREATE DATABASE <name> owned by OWNER_ROLE, its tables readable and writable by SERVICE_ROLE;
        returns the service's URL (migration_url_for gives the owner's)."""
        if not _DB_NAME.match(name):
            raise ValueError(f"unsafe database name: {name!r}")
        self.psql([f'CREATE DATABASE "{name}" OWNER {OWNER_ROLE}', f"\\c {name}", _SERVICE_PRIVILEGES])
        return self.url(name, role=SERVICE_ROLE)


def _run_script(args: list[str], bin_dir: Path, timeout: float) -> subprocess.CompletedProcess:
    env = dict(os.environ, PG_BIN_DIR=str(bin_dir), PG_START_TIMEOUT=str(int(max(10, timeout - 15))))
    try:
        return subprocess.run(
            ["bash", str(POSTGRES_SH), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, 124, "", f"timed out after {timeout}s: {e.stderr or ''}")
