"""The one interceptor every call passes: request id, authentication and tenant authorisation, structured
access log, and error mapping (domain errors -> status with details; anything else -> a bare INTERNAL
that names the request id, with the traceback in the log)."""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import grpc

from domain.errors import DomainError, FieldViolation, UndecodableRequest
from domain.tenancy import enter_tenant
from server.edge.auth import Authenticator, current_principal
from server.edge.errors import to_status
from server.edge.roles import ADMIN, REQUIRED_ROLE
from server.logging import CallContext, current_call
from server.tracing import annotate_call

logger = logging.getLogger("crm.access")

REQUEST_ID_HEADER = "x-request-id"

# Infrastructure services answer without credentials: load balancers probe health, grpcurl reflects.
UNAUTHENTICATED_PREFIXES = ("/grpc.health.v1.", "/grpc.reflection.")
PROBE_PREFIX = "/grpc.health.v1."


class CallInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, authenticator: Authenticator) -> None:
        self._authenticator = authenticator

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any] | None]],
        details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        handler = await continuation(details)
        if handler is None:
            return handler
        method = details.method
        metadata = {
            key: value for key, value in (details.invocation_metadata or ()) if isinstance(value, str)
        }
        call = _Call(self._authenticator, method, metadata)
        return rewrapped(
            handler, unary=call.unary, stream=call.stream, deserializer=tolerant(handler.request_deserializer)
        )


def rewrapped(
    handler: grpc.RpcMethodHandler[Any, Any],
    *,
    unary: Callable[[Callable[..., Any]], Callable[..., Any]],
    stream: Callable[[Callable[..., Any]], Callable[..., Any]],
    deserializer: Callable[[bytes], Any] | None = None,
) -> grpc.RpcMethodHandler[Any, Any]:
    """`handler` with its unary or server-streaming behaviour wrapped (the contract has no client or bidi
    streaming of its own; such a handler, e.g. reflection, passes as it is)."""
    deserialize = deserializer or handler.request_deserializer
    if handler.unary_unary is not None:
        return grpc.unary_unary_rpc_method_handler(
            unary(handler.unary_unary),
            request_deserializer=deserialize,
            response_serializer=handler.response_serializer,
        )
    if handler.unary_stream is not None:
        return grpc.unary_stream_rpc_method_handler(
            stream(handler.unary_stream),
            request_deserializer=deserialize,
            response_serializer=handler.response_serializer,
        )
    return handler


@dataclass(frozen=True, slots=True)
class Undecodable:
    """Stands in for a request whose bytes are not a valid message: grpc would answer UNKNOWN with the
    parser's exception text, before any authentication, and log a traceback per call."""

    message: str  # the full name of the message the bytes should have been


def tolerant(deserialize: Callable[[bytes], Any] | None) -> Callable[[bytes], Any] | None:
    if deserialize is None:
        return None
    expected = getattr(getattr(deserialize, "__self__", None), "DESCRIPTOR", None)
    name = expected.full_name if expected is not None else "request"

    def parse(data: bytes) -> Any:
        try:
            return deserialize(data)
        except Exception:  # whatever the parser raises, the caller sent bytes that are not the message
            return Undecodable(name)

    return parse


class _RateLimitedWarning:
    """One WARNING line per interval at most, saying how many were left unsaid."""

    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._last = -interval
        self._suppressed = 0

    def __call__(self, message: str, *args: object) -> None:
        now = time.monotonic()
        if now - self._last < self._interval:
            self._suppressed += 1
            return
        suppressed, self._suppressed, self._last = self._suppressed, 0, now
        logger.warning(message + " (%d more since the last warning)", *args, suppressed)


_warn_undecodable = _RateLimitedWarning(interval=10.0)


class _Call:
    def __init__(self, authenticator: Authenticator, method: str, metadata: dict[str, str]) -> None:
        self._authenticator = authenticator
        self._method = method
        self._metadata = metadata
        supplied = metadata.get(REQUEST_ID_HEADER, "")[:100]
        self.request_id = supplied or str(uuid.uuid4())

    def unary(self, behavior: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
        async def handle(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            started = self._begin(request)
            try:
                await self._prepare(request, context)
                result = behavior(request, context)
                response = await result if inspect.isawaitable(result) else result
            except BaseException as exc:
                await self._fail(exc, context, started)
                raise
            self._log(grpc.StatusCode.OK, started)
            return response

        return handle

    def stream(self, behavior: Callable[..., Any]) -> Callable[..., AsyncIterator[Any]]:
        async def handle(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            started = self._begin(request)
            try:
                await self._prepare(request, context)
                result = behavior(request, context)
                if hasattr(result, "__aiter__"):
                    async for item in result:
                        yield item
                else:  # a handler that writes with `await context.write()` (e.g. the aio health Watch)
                    await result
            except BaseException as exc:
                await self._fail(exc, context, started)
                raise
            self._log(grpc.StatusCode.OK, started)

        return handle

    def _begin(self, request: Any) -> float:
        tenant_id = getattr(request, "tenant_id", None)
        current_call.set(CallContext(self.request_id, self._method, tenant_id))
        annotate_call(tenant_id=tenant_id if isinstance(tenant_id, int) else None, request_id=self.request_id)
        return time.perf_counter()

    async def _prepare(self, request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> None:
        await context.send_initial_metadata(((REQUEST_ID_HEADER, self.request_id),))
        if isinstance(request, Undecodable):
            _warn_undecodable("%s: a request body that is not a valid %s", self._method, request.message)
            raise UndecodableRequest(
                [FieldViolation("request", f"must be a serialized {request.message}")],
                f"the request body is not a valid {request.message} message",
            )
        if self._method.startswith(UNAUTHENTICATED_PREFIXES):
            return
        principal = await self._authenticator.authenticate(self._metadata)
        current_principal.set(principal)
        principal.require(REQUIRED_ROLE.get(self._method, ADMIN))  # a method missing from the table: admin
        tenant_id = getattr(request, "tenant_id", None)
        if isinstance(tenant_id, int) and tenant_id > 0:
            principal.authorize(tenant_id)
            # The call's transactions see this tenant's rows and no other's (PostgreSQL row-level security),
            # whatever the code behind passes to its queries.
            enter_tenant(tenant_id)

    async def _fail(
        self, exc: BaseException, context: grpc.aio.ServicerContext[Any, Any], started: float
    ) -> None:
        """Turn `exc` into the call's status; returns only for exceptions grpc must see as they are."""
        if isinstance(exc, grpc.aio.AbortError | asyncio.CancelledError):
            self._log(context.code() or grpc.StatusCode.CANCELLED, started)
            return
        if isinstance(exc, DomainError):
            status = to_status(exc, request_id=self.request_id)
            # undecodable bodies come unauthenticated and in floods: the rate-limited warning says it
            level = logging.DEBUG if isinstance(exc, UndecodableRequest) else logging.INFO
            self._log(status.code, started, level=level, detail=exc.message)
            await context.abort(status.code, status.details, status.trailing_metadata)
        if isinstance(exc, NotImplementedError):
            self._log(grpc.StatusCode.UNIMPLEMENTED, started)
            await context.abort(grpc.StatusCode.UNIMPLEMENTED, f"{self._method} is not implemented yet")
        logger.error("unexpected error", exc_info=exc)
        self._log(grpc.StatusCode.INTERNAL, started, level=logging.ERROR)
        await context.abort(grpc.StatusCode.INTERNAL, f"internal error; request id {self.request_id}")

    def _log(
        self, code: grpc.StatusCode, started: float, *, level: int = logging.INFO, detail: str = ""
    ) -> None:
        if level == logging.INFO and self._method.startswith(PROBE_PREFIX):
            level = logging.DEBUG  # a probe every few seconds per pod would drown the access log
        if not logger.isEnabledFor(level):
            return
        duration_ms = round((time.perf_counter() - started) * 1000, 2)
        logger.log(
            level,
            "%s %s%s",
            self._method,
            code.name,
            f": {detail}" if detail else "",
            extra={"code": code.name, "duration_ms": duration_ms, "subject": _subject()},
        )


def _subject() -> str | None:
    principal = current_principal.get()
    return principal.subject if principal is not None else None
