"""Admission: past its bounds the server refuses a call at once with RESOURCE_EXHAUSTED (retryable, with
backoff), instead of queueing it until the pool or the deadline gives out.

- MAX_CONCURRENT_RPCS bounds the unary calls in flight in this process: a core serves a few hundred calls a
  second, so more waiting calls only lengthen every call's wait (size it as throughput x acceptable wait).
- MAX_STREAMS bounds the open server-streaming calls (WatchEvents, health Watch) in all, and
  MAX_STREAMS_PER_CALLER those of one caller (the peer's address), so a thousand tails from one client
  cannot take the slots of everyone else.
Health checks and reflection are never refused: probes must see the server as it is under load. The call
interceptor (server/edge/interceptor.py) asks before it runs a call and tells when the call ends.
"""

from __future__ import annotations

import collections

from domain.errors import Overloaded


class Admission:
    def __init__(self, *, max_calls: int, max_streams: int, max_streams_per_caller: int) -> None:
        self._max_calls = max_calls
        self._max_streams = max_streams
        self._max_per_caller = max_streams_per_caller
        self.calls = 0
        self.streams = 0
        self._streams_of: collections.Counter[str] = collections.Counter()

    def enter_call(self) -> None:
        """Count a unary call in, or refuse it (Overloaded) when the bound is reached."""
        if self.calls >= self._max_calls:
            raise _refusal(f"the server is at its limit of {self._max_calls} concurrent calls")
        self.calls += 1

    def leave_call(self) -> None:
        self.calls -= 1

    def enter_stream(self, caller: str) -> None:
        """Count a stream of `caller` (its address) in, or refuse it when either bound is reached."""
        if self.streams >= self._max_streams:
            raise _refusal(f"the server is at its limit of {self._max_streams} open streams")
        if self._streams_of[caller] >= self._max_per_caller:
            raise _refusal(f"this caller is at its limit of {self._max_per_caller} open streams")
        self.streams += 1
        self._streams_of[caller] += 1

    def leave_stream(self, caller: str) -> None:
        self.streams -= 1
        self._streams_of[caller] -= 1
        if self._streams_of[caller] <= 0:
            del self._streams_of[caller]


def caller_of(peer: str) -> str:
    """The peer's address without its port (`ipv4:10.0.0.7:51234` -> `ipv4:10.0.0.7`)."""
    return peer.rpartition(":")[0] or peer


def _refusal(why: str) -> Overloaded:
    return Overloaded(f"{why}; retry with backoff")
