"""Which replica publishes the outbox: one active relay at a time keeps each aggregate's events in order.

PostgreSQL: a session-level advisory lock held on a dedicated connection; if that connection dies the
lock is gone and another replica takes over. SQLite: one process owns the file, so it always leads.
"""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

logger = logging.getLogger(__name__)

RELAY_LOCK_KEY = 0x43524D5F52454C  # "CRM_REL"


class Leadership(Protocol):
    async def ensure(self) -> bool: ...
    async def release(self) -> None: ...


class SingleProcessLeadership:
    async def ensure(self) -> bool:
        return True

    async def release(self) -> None:
        return None


class PostgresAdvisoryLeadership:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None

    async def ensure(self) -> bool:
        """True while this process holds the relay lock; tries to take it when nobody does."""
        if self._connection is not None:
            try:
                await self._connection.execute(text("SELECT 1"))
                return True
            except Exception as exc:  # the lock died with its connection
                logger.warning("relay leadership lost: %s", exc)
                await self._drop()
        # Autocommit: the connection must not sit "idle in transaction" for the life of the process.
        connection = await self._engine.connect()
        await connection.execution_options(isolation_level="AUTOCOMMIT")
        try:
            acquired = await connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": RELAY_LOCK_KEY}
            )
        except BaseException:
            # The lock may have been taken before the failure; only discarding the connection frees it.
            await connection.invalidate()
            await connection.close()
            raise
        if not acquired:
            await connection.close()
            return False
        logger.info("this replica now leads the outbox relay")
        self._connection = connection
        return True

    async def release(self) -> None:
        if self._connection is not None:
            try:
                await self._connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": RELAY_LOCK_KEY}
                )
            finally:
                await self._drop()

    async def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                # Never hand a connection that may hold the session lock back to the pool.
                await connection.invalidate()
                await connection.close()
            except Exception as exc:  # closing a broken connection may fail; it is gone either way
                logger.debug("closing the leadership connection failed: %s", exc)
