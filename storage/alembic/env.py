"""Alembic environment: runs migrations on a blocking connection; on PostgreSQL under an advisory lock so
that replicas starting together migrate one at a time."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine, event, pool, text

from storage.schema import Base

MIGRATION_LOCK_KEY = 0x43524D5F4D4947  # "CRM_MIG"

config = context.config


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic needs sqlalchemy.url (storage/migrations.py sets it)")
    engine = create_engine(url, poolclass=pool.NullPool)
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        _transactional_sqlite_ddl(engine)
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()
        try:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=sqlite,
                compare_type=True,
                # every migration of the run in one transaction, on SQLite too: an interrupted start leaves
                # the schema as it was, not half-created tables the next start trips over
                transactional_ddl=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            if postgres:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
    engine.dispose()


def _transactional_sqlite_ddl(engine: Engine) -> None:
    """pysqlite commits DDL as it goes (it begins transactions only for DML); hand transactions to
    SQLAlchemy, which begins one explicitly, so CREATE TABLE is rolled back with everything else."""

    @event.listens_for(engine, "connect")
    def _driver_leaves_transactions_alone(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `crm-server migrate` against a database")
run_migrations_online()
