"""LISTEN for outbox commits of other replicas (PostgreSQL NOTIFY) and call back, to wake this process's
pollers. A commit of this process names it in its payload and is passed over: its unit of work woke the
pollers already."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from storage.uow import OUTBOX_CHANNEL

logger = logging.getLogger(__name__)

RECONNECT_SECONDS = 2.0


def wakes(payload: str, *, own: str) -> bool:
    """Whether a commit's NOTIFY wakes this process: another process's does; this process's own does not,
    its unit of work woke its pollers already. (One without a name, from an older release, does.)"""
    return payload != own


class PostgresCommitListener:
    def __init__(self, database_url: str, on_commit: Callable[[], None], *, own: str) -> None:
        self._conninfo = (
            make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
        )
        self._on_commit = on_commit
        self._own = own
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-listener")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {OUTBOX_CHANNEL}")
                    async for notice in conn.notifies():
                        if wakes(notice.payload, own=self._own):
                            self._on_commit()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the pollers still poll; reconnect after a pause
                logger.warning("outbox LISTEN connection failed, reconnecting: %s", exc)
                await asyncio.sleep(RECONNECT_SECONDS)
