"""Behind PgBouncer in transaction mode (issue 15: replicas share few PostgreSQL connections via a pooler).

A pooler in transaction mode lends a server connection for one transaction, so whatever lives in a session
breaks: a session advisory lock stays on a server connection that other clients then borrow (two replicas
would both "hold" the relay's lock), LISTEN hears nothing once the connection goes back to the pool, and a
prepared statement exists on one server connection only. The service therefore takes a direct URL for what
needs a session (DATABASE_DIRECT_URL) and can leave statements unprepared (DB_PREPARED_STATEMENTS=false,
needed before PgBouncer 1.21). `make test-pgbouncer` runs the smoke set of the integration suite through a
PgBouncer as well (CRM_TEST_VIA_PGBOUNCER=1).
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from server.app import CrmServer
from storage.database import open_database
from storage.leadership import PostgresAdvisoryLeadership
from tests.conftest import PostgresDatabases, pooled_settings
from tests.support.pgbouncer import PgBouncer
from tests.support.postgres import OWNER_ROLE, SERVICE_ROLE

pytestmark = pytest.mark.postgres


async def test_the_relay_listener_and_migrations_connect_directly_and_calls_through_the_pooler(
    postgres: PostgresDatabases, pgbouncer: PgBouncer
) -> None:
    settings = pooled_settings(postgres, pgbouncer)
    assert postgres.server is not None
    server = CrmServer(settings)
    try:
        components = server.components
        assert components.database.engine.url.port == pgbouncer.port
        # through the pooler too, calls run as the role that owns nothing, so row-level security holds them
        assert components.database.engine.url.username == SERVICE_ROLE
        assert make_url(settings.migration_database_url).username == OWNER_ROLE
        assert make_url(settings.migration_database_url).port == postgres.server.port
        assert components.background.engine.url.port == postgres.server.port
        assert make_url(settings.direct_database_url).port == postgres.server.port
        assert components.listener is not None
        assert f"{postgres.server.port}" in components.listener._conninfo
    finally:
        await server.components.database.dispose()
        await server.components.background.dispose()


async def test_the_relay_lock_excludes_a_second_replica_only_on_direct_connections(
    postgres: PostgresDatabases, pgbouncer: PgBouncer
) -> None:
    """Why the relay needs DATABASE_DIRECT_URL: through the pooler, the second replica's lock request runs
    on the very server connection that already holds the lock, and advisory locks are re-entrant."""
    settings = pooled_settings(postgres, pgbouncer)
    pooled = [open_database(settings.database_url, prepared_statements=False) for _ in range(2)]
    direct = [open_database(settings.direct_database_url) for _ in range(2)]
    try:
        first, second = (PostgresAdvisoryLeadership(d.engine) for d in direct)
        assert await first.ensure() is True
        assert await second.ensure() is False
        await first.release()

        first, second = (PostgresAdvisoryLeadership(d.engine) for d in pooled)
        assert await first.ensure() is True
        assert await second.ensure() is True  # two leaders: the hazard the direct URL avoids
        await first.release()
        await second.release()
    finally:
        for database in (*pooled, *direct):
            await database.dispose()


async def test_unprepared_statements_work_through_transaction_pooling(
    postgres: PostgresDatabases, pgbouncer: PgBouncer
) -> None:
    """Two clients repeat one statement past psycopg's prepare threshold (5) while sharing PgBouncer's
    server connection: with DB_PREPARED_STATEMENTS=false neither prepares, so neither collides."""
    settings = pooled_settings(postgres, pgbouncer)

    async def repeat(prepared: bool) -> None:
        clients = [open_database(settings.database_url, prepared_statements=prepared) for _ in range(2)]
        try:
            for _ in range(8):
                for client in clients:
                    # Committed: a rollback would make psycopg forget its counts (and deallocate).
                    async with client.engine.begin() as conn:
                        assert await conn.scalar(
                            text("SELECT count(*) FROM pg_class WHERE relkind = :k"), {"k": "r"}
                        )
        finally:
            for client in clients:
                await client.dispose()

    await repeat(prepared=False)
    if not pgbouncer.supports_prepared_statements:
        # The failure the setting avoids (PgBouncer before 1.21, as Debian bookworm ships).
        with pytest.raises(Exception, match="prepared statement"):
            await repeat(prepared=True)
