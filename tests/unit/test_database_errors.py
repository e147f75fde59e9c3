"""Driver errors become the service's own: a pool that had no free connection says the server is busy
(retryable), not that the database is down — they page different people."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from domain.errors import ErrorKind
from domain.event_log import EncodedEvent
from storage.uow import translate_database_error


def test_a_pool_checkout_timeout_says_the_server_is_busy():
    error = translate_database_error(PoolTimeout("QueuePool limit of size 10 overflow 10 reached"))
    assert error is not None and error.kind is ErrorKind.UNAVAILABLE
    assert "busy" in error.message and "database is unavailable" not in error.message


def test_a_refused_connection_says_the_database_is_unavailable():
    error = translate_database_error(OperationalError("connect", {}, ConnectionRefusedError("refused")))
    assert error is not None and error.kind is ErrorKind.UNAVAILABLE
    assert "database is unavailable" in error.message


async def test_a_unit_of_work_that_cannot_reach_the_database_tells_the_health_monitor_at_once():
    import pytest
    from sqlalchemy import text

    from domain.errors import Unavailable
    from storage.database import open_database
    from storage.uow import SqlAlchemyUnitOfWork

    database = open_database("postgresql+psycopg://crm@127.0.0.1:1/crm", pool_size=1)  # nothing listens
    told = []
    try:
        with pytest.raises(Unavailable):
            async with SqlAlchemyUnitOfWork(
                database.transactions,
                serialize=lambda event: EncodedEvent(str(event), b""),
                read_only=True,
                on_database_unreachable=lambda: told.append(1),
            ) as uow:
                await uow.sql.execute(text("SELECT 1"))
    finally:
        await database.dispose()
    assert told == [1]
