"""A wake-up signal for tasks that poll the outbox (the relay, WatchEvents tails)."""

from __future__ import annotations

import asyncio
import contextlib


class Signal:
    """Broadcast "something new was committed". Take a `waiter()` before reading, then wait on it, so a
    notification that arrives while reading is not lost."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    def waiter(self) -> asyncio.Event:
        return self._event


async def wait_for_signal(waiter: asyncio.Event, seconds: float) -> bool:
    """True when notified within `seconds`."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(waiter.wait(), seconds)
        return True
    return False
