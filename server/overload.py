"""Admission: past its bounds the server refuses a call at once with RESOURCE_EXHAUSTED (retryable, with
backoff), instead of queueing it until the pool or the deadline gives out.

- MAX_CONCURRENT_RPCS bounds the unary calls in flight in this process: a core serves a few hundred calls a
  second, so more waiting calls only lengthen every call's wait (size it as throughput x acceptable wait).
- MAX_STREAMS bounds the open server-streaming calls (WatchEvents, health Watch) in all, and
  MAX_STREAMS_PER_CALLER those of one caller (the peer's address), so a thousand tails from one client
  cannot take the slots of everyone else.
Health checks and reflection are never refused: probes must see the server as it is under load.
"""

from __future__ import annotations

import collections
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc

from domain.errors import Overloaded
from server.edge.errors import to_status
from server.edge.interceptor import REQUEST_ID_HEADER, rewrapped

EXEMPT_PREFIXES = ("/grpc.health.v1.", "/grpc.reflection.")


class AdmissionInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, *, max_calls: int, max_streams: int, max_streams_per_caller: int) -> None:
        self._max_calls = max_calls
        self._max_streams = max_streams
        self._max_per_caller = max_streams_per_caller
        self.calls = 0
        self.streams = 0
        self._streams_of: collections.Counter[str] = collections.Counter()

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any] | None]],
        details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        handler = await continuation(details)
        if handler is None or details.method.startswith(EXEMPT_PREFIXES):
            return handler
        return rewrapped(handler, unary=self._unary, stream=self._stream)

    def _unary(self, behavior: Callable[..., Any]) -> Callable[..., Any]:
        async def handle(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            if self.calls >= self._max_calls:
                await _refuse(context, f"the server is at its limit of {self._max_calls} concurrent calls")
            self.calls += 1
            try:
                return await behavior(request, context)
            finally:
                self.calls -= 1

        return handle

    def _stream(self, behavior: Callable[..., Any]) -> Callable[..., Any]:
        async def handle(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            caller = _caller(context)
            if self.streams >= self._max_streams:
                await _refuse(context, f"the server is at its limit of {self._max_streams} open streams")
            if self._streams_of[caller] >= self._max_per_caller:
                await _refuse(context, f"this caller is at its limit of {self._max_per_caller} open streams")
            self.streams += 1
            self._streams_of[caller] += 1
            try:
                async for item in behavior(request, context):
                    yield item
            finally:
                self.streams -= 1
                self._streams_of[caller] -= 1
                if self._streams_of[caller] <= 0:
                    del self._streams_of[caller]

        return handle


def _caller(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    """The peer's address without its port (`ipv4:10.0.0.7:51234` -> `ipv4:10.0.0.7`)."""
    peer = context.peer() or ""
    return peer.rpartition(":")[0] or peer


async def _refuse(context: grpc.aio.ServicerContext[Any, Any], why: str) -> None:
    metadata = dict(context.invocation_metadata() or ())
    request_id = str(metadata.get(REQUEST_ID_HEADER) or uuid.uuid4())
    status = to_status(Overloaded(f"{why}; retry with backoff"), request_id=request_id)
    await context.abort(status.code, status.details, status.trailing_metadata)
