"""Shared fixtures: real PostgreSQL and Kafka started on loopback, and the real server on a free port.

Without PostgreSQL or Kafka on the machine, tests that need them skip with the reason; with
CRM_REQUIRE_SERVICES=1 (as in CI) they fail instead.
"""

from __future__ import annotations

import asyncio
import os
import random
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
import pytest_asyncio

from server.app import CrmServer
from server.config import Settings
from tests.support.kafka import KafkaBroker, kafka_available
from tests.support.pgbouncer import PgBouncer, pgbouncer_installed
from tests.support.postgres import (
    SERVICE_ROLE,
    PostgresServer,
    find_postgres_bin_dir,
    migration_url_for,
    superuser_url_for,
)

REQUIRE_SERVICES = os.environ.get("CRM_REQUIRE_SERVICES") == "1"
# The PostgreSQL server of the tests behind a PgBouncer in transaction mode, as replicas behind a pooler run
# (`make test-pgbouncer`: the smoke set).
VIA_PGBOUNCER = os.environ.get("CRM_TEST_VIA_PGBOUNCER") == "1"


def unavailable(reason: str) -> None:
    """Skip (developer laptop) or fail (CI) when a real part is missing."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (CRM_REQUIRE_SERVICES=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresDatabases]:
    url = os.environ.get("CRM_TEST_DATABASE_URL")
    if url:
        yield PostgresDatabases(external_url=url)
        return
    if find_postgres_bin_dir() is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = PostgresServer.start(tmp_path_factory.mktemp("postgres"))
    try:
        yield PostgresDatabases(server=server)
    finally:
        server.stop()


@dataclass
class PostgresDatabases:
    """Hands out a fresh database per use, so servers and tests never share schema state. Its URL is the
    service role's, which owns nothing, so row-level security holds it; `migration_url(url)` is the
    owner's, for migrations and for setting up what the service may not (tests/support/postgres.py)."""

    server: PostgresServer | None = None
    external_url: str | None = None

    def new_database(self, prefix: str = "crm") -> str:
        if self.server is None:
            assert self.external_url is not None
            return self.external_url
        return self.server.create_database(f"{prefix}_{random.randrange(16**8):08x}")

    def migration_url(self, url: str) -> str:
        return migration_url_for(url) or url

    def superuser_url(self, url: str) -> str:
        """A URL that row-level security does not hold, to see every tenant's rows (private server only)."""
        superuser = superuser_url_for(url)
        if superuser is None:
            unavailable("CRM_TEST_DATABASE_URL names no superuser to compare with")
        assert superuser is not None
        return superuser


@pytest.fixture(scope="session")
def pgbouncer(postgres: PostgresDatabases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgBouncer]:
    """A PgBouncer in transaction mode in front of the session's private PostgreSQL."""
    if postgres.server is None:
        pytest.skip("PgBouncer tests need the private PostgreSQL server of the session")
    if not pgbouncer_installed():
        unavailable("PgBouncer is not installed (Debian: apt-get install -y pgbouncer)")
    bouncer = PgBouncer.start(tmp_path_factory.mktemp("pgbouncer"), postgres.server)
    try:
        yield bouncer
    finally:
        bouncer.stop()


def pooled_settings(postgres: PostgresDatabases, bouncer: PgBouncer, **overrides: object) -> Settings:
    """Settings of a server on a fresh database reached through `bouncer` as the service role (row-level
    security holds it there too), with the direct URL for what needs a session, the owner's direct URL for
    migrations, and server-side prepared statements only where the pooler keeps them working."""
    direct = postgres.new_database()
    return make_settings(
        bouncer.url(direct.rsplit("/", 1)[1], user=SERVICE_ROLE),
        DATABASE_DIRECT_URL=direct,
        MIGRATION_DATABASE_URL=postgres.migration_url(direct),
        DB_PREPARED_STATEMENTS=bouncer.supports_prepared_statements,
        **overrides,
    )


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap address of a real single-node Kafka broker (KRaft) shared by the session."""
    bootstrap = os.environ.get("CRM_TEST_KAFKA_BOOTSTRAP")
    if bootstrap:
        yield bootstrap
        return
    ok, reason = kafka_available()
    if not ok:
        unavailable(f"Kafka broker cannot run here: {reason}")
    broker = KafkaBroker.start(tmp_path_factory.mktemp("kafka"))
    try:
        yield broker.bootstrap
    finally:
        broker.stop()


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "HOST": "127.0.0.1",
        "PORT": 0,
        "DATABASE_URL": database_url,
        # the server connects as the service role and migrates as the owner (PostgresDatabases)
        "MIGRATION_DATABASE_URL": migration_url_for(database_url),
        "KAFKA_BOOTSTRAP_SERVERS": None,
        "CREWAI_HOST": None,
        "AUTH_MODE": "none",
        "LOG_FORMAT": "text",
        "OUTBOX_POLL_SECONDS": 0.2,
        "SHUTDOWN_GRACE_SECONDS": 2.0,
        "SHUTDOWN_DRAIN_SECONDS": 0.0,  # tests that check the drain ask for one
        "MAX_CONCURRENT_RPCS": 1000,  # concurrency tests drive hundreds of calls; overload tests set a bound
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@dataclass
class RunningServer:
    server: CrmServer
    backend: str

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.server.port}"


async def start_server(settings: Settings, backend: str) -> RunningServer:
    server = CrmServer(settings)
    await server.start()
    return RunningServer(server, backend)


@asynccontextmanager
async def serving(settings: Settings, backend: str) -> AsyncIterator[RunningServer]:
    """A server of the test's own, stopped when the block ends however it ends."""
    running = await start_server(settings, backend)
    try:
        yield running
    finally:
        await running.server.stop(grace=1.0)


@pytest_asyncio.fixture(scope="session")
async def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    path = Path(tmp_path_factory.mktemp("sqlite")) / "crm.db"
    async with serving(make_settings(f"sqlite+aiosqlite:///{path}"), "sqlite") as running:
        yield running


@pytest_asyncio.fixture(scope="session")
async def postgres_server(
    postgres: PostgresDatabases, request: pytest.FixtureRequest
) -> AsyncIterator[RunningServer]:
    if VIA_PGBOUNCER:
        settings = pooled_settings(postgres, request.getfixturevalue("pgbouncer"))
    else:
        settings = make_settings(postgres.new_database())
    async with serving(settings, "postgres") as running:
        yield running


@pytest.fixture(params=["sqlite", "postgres"])
def crm_server(request: pytest.FixtureRequest) -> RunningServer:
    """The real server, once per backend."""
    return request.getfixturevalue(f"{request.param}_server")


@pytest.fixture
def crm_target(crm_server: RunningServer) -> str:
    return crm_server.target


@pytest_asyncio.fixture
async def channel(crm_target: str) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(crm_target) as chan:
        await asyncio.wait_for(chan.channel_ready(), 10)
        yield chan


@pytest.fixture
def tenant_id() -> int:
    """A tenant of its own for every test, so tests never see each other's data."""
    return random.randrange(1, 2**53)
