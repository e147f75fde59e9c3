"""An asyncio event loop on a daemon thread: where the blocking client runs the async client's calls."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import AsyncGenerator, Coroutine, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class EventLoopThread:
    """A private loop that blocking callers hand coroutines to; a grpc.aio channel must live on one loop."""

    def __init__(self, name: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        """False once `stop()` has been called, and while the interpreter shuts down: its daemon threads
        are frozen then, so waiting for the loop would hang."""
        return not self._loop.is_closed() and not sys.is_finalizing()

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        """Run `work` on the loop and wait for it; its result is returned and its error raised here."""
        if not self.running:
            work.close()
            raise RuntimeError("the client is closed")
        future = asyncio.run_coroutine_threadsafe(work, self._loop)
        try:
            return future.result()
        except BaseException:
            # A KeyboardInterrupt while this thread waits must not leave the call running on the loop.
            future.cancel()
            raise

    def iterate(self, stream: AsyncGenerator[T, None]) -> Iterator[T]:
        """The items of an async generator run on the loop, pulled one at a time."""
        try:
            while (step := self.run(_next_item(stream))) is not None:
                yield step[0]
        except GeneratorExit:
            # The caller stopped early: close the stream on the loop so it releases its call.
            if self.running:
                self.run(stream.aclose())
            raise

    def stop(self) -> None:
        """Stop the loop and its thread; calling it again does nothing."""
        if not self.running:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()


async def _next_item(stream: AsyncGenerator[T, None]) -> tuple[T] | None:
    # A 1-tuple, not the item itself, so that a None item cannot end the iteration; and no
    # StopAsyncIteration crosses the thread boundary.
    try:
        return (await anext(stream),)
    except StopAsyncIteration:
        return None
