"""The one interceptor every call passes: admission, metrics, request id, authentication and tenant
authorisation, structured access log, and error mapping (domain errors -> status with details; anything
else -> a bare INTERNAL that names the request id, with the traceback in the log).

One wrapper per method, built on its first call and kept: everything that depends only on the method (its
role, its metric series, whether it is a probe) is decided once, so a call pays only for what is its own.
"""

from __future__ import annotations

import asyncio
import contextlib
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
from server.edge.auth import Authenticator, Principal, current_principal
from server.edge.context import Context
from server.edge.errors import to_status
from server.edge.roles import required_role
from server.logging import CallContext, current_call
from server.metrics import CallRecorder, Metrics, recorder
from server.overload import Admission, caller_of
from server.tracing import annotate_call

logger = logging.getLogger("crm.access")

REQUEST_ID_HEADER = "x-request-id"
AUTHORIZATION_HEADER = "authorization"

# Infrastructure services answer without credentials and are never refused: load balancers probe health,
# grpcurl reflects.
INFRASTRUCTURE_PREFIXES = ("/grpc.health.v1.", "/grpc.reflection.")
PROBE_PREFIX = "/grpc.health.v1."

Behavior = Callable[..., Any]


class CallInterceptor(grpc.aio.ServerInterceptor):
    def __init__(
        self,
        authenticator: Authenticator,
        *,
        metrics: Metrics | None = None,
        admission: Admission | None = None,
    ) -> None:
        self._authenticator = authenticator
        self._metrics = metrics or Metrics()
        self._admission = admission
        self._routes: dict[str, _Route] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any] | None]],
        details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        handler = await continuation(details)
        if handler is None:
            return None
        route = self._routes.get(details.method)
        if route is None or route.original is not handler:
            route = self._routes[details.method] = self._route(details.method, handler)
        return route.wrapped

    def _route(self, method: str, handler: grpc.RpcMethodHandler[Any, Any]) -> _Route:
        infrastructure = method.startswith(INFRASTRUCTURE_PREFIXES)
        call = _Method(
            method=method,
            authenticator=None if infrastructure else self._authenticator,
            role=required_role(method),
            admission=None if infrastructure else self._admission,
            metrics=self._metrics,
            recorder=recorder(self._metrics, method, streaming=handler.unary_stream is not None),
            access_level=logging.DEBUG if method.startswith(PROBE_PREFIX) else logging.INFO,
        )
        wrapped = rewrapped(
            handler,
            unary=call.unary,
            stream=call.stream,
            deserializer=tolerant(handler.request_deserializer),
        )
        return _Route(handler, wrapped)


@dataclass(frozen=True, slots=True)
class _Route:
    original: grpc.RpcMethodHandler[Any, Any]
    wrapped: grpc.RpcMethodHandler[Any, Any]


def rewrapped(
    handler: grpc.RpcMethodHandler[Any, Any],
    *,
    unary: Callable[[Behavior], Behavior],
    stream: Callable[[Behavior], Behavior],
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


@dataclass(frozen=True, slots=True)
class _Method:
    """What every call of one method does around its behaviour."""

    method: str
    authenticator: Authenticator | None  # None: infrastructure, answered without credentials
    role: str
    admission: Admission | None  # None: never refused
    metrics: Metrics
    recorder: CallRecorder
    access_level: int

    def unary(self, behavior: Behavior) -> Behavior:
        async def handle(request: Any, context: Context) -> Any:
            started = time.perf_counter()
            self._count_in(request)
            code = grpc.StatusCode.OK
            request_id = ""
            try:
                request_id, authorization = self._begin(request, context)
                if self.admission is not None:
                    self.admission.enter_call()
                    try:
                        await self._prepare(request, authorization)
                        response = await _awaited(behavior(request, context))
                    finally:
                        self.admission.leave_call()
                else:
                    await self._prepare(request, authorization)
                    response = await _awaited(behavior(request, context))
            except BaseException as exc:
                try:
                    await self._fail(exc, context, started, request_id)
                finally:
                    code = _code_of(context)
                raise
            finally:
                self._count_out(code, started)
            self._log(code, started, level=self.access_level)
            return response

        return handle

    def stream(self, behavior: Behavior) -> Behavior:
        async def handle(request: Any, context: Context) -> AsyncIterator[Any]:
            started = time.perf_counter()
            self._count_in(request)
            self.metrics.open_streams.inc()
            code = grpc.StatusCode.OK
            request_id = ""
            caller = None
            try:
                request_id, authorization = self._begin(request, context)
                await context.send_initial_metadata(((REQUEST_ID_HEADER, request_id),))
                if self.admission is not None:
                    self.admission.enter_stream(peer := caller_of(context.peer() or ""))
                    caller = peer
                await self._prepare(request, authorization)
                result = behavior(request, context)
                if hasattr(result, "__aiter__"):
                    async for item in result:
                        yield item
                else:  # a handler that writes with `await context.write()` (e.g. the aio health Watch)
                    await result
            except BaseException as exc:
                try:
                    await self._fail(exc, context, started, request_id)
                finally:
                    code = _code_of(context)
                raise
            finally:
                if caller is not None and self.admission is not None:
                    self.admission.leave_stream(caller)
                self.metrics.open_streams.dec()
                self._count_out(code, started)
            self._log(code, started, level=self.access_level)

        return handle

    def _count_in(self, request: Any) -> None:
        if isinstance(request, Undecodable):
            self.metrics.undecodable.inc()
        self.recorder.started.inc()
        self.metrics.in_flight.inc()

    def _count_out(self, code: grpc.StatusCode, started: float) -> None:
        self.metrics.in_flight.dec()
        self.recorder.latency.observe(time.perf_counter() - started)
        self.recorder.handled(code.name)

    def _begin(self, request: Any, context: Context) -> tuple[str, str]:
        """The call's request id (the caller's, or a new one), set for the logs and traces and echoed to
        the caller in the response trailers, and the caller's credentials.

        Trailers, not headers: sending headers ahead of the response costs a unary call an operation of its
        own (about 6% of an empty call's CPU, measured); trailers travel with the status anyway. A stream
        sends them as headers too, since its trailers come only at its end, and so does a failed call
        (`_fail`), whose error reports want it wherever the caller looks."""
        request_id = authorization = ""
        for key, value in context.invocation_metadata() or ():
            if key == REQUEST_ID_HEADER and isinstance(value, str):
                request_id = value[:100]
            elif key == AUTHORIZATION_HEADER and isinstance(value, str):
                authorization = value
        request_id = request_id or str(uuid.uuid4())
        tenant_id = getattr(request, "tenant_id", None)
        current_call.set(CallContext(request_id, self.method, tenant_id))
        annotate_call(tenant_id=tenant_id if isinstance(tenant_id, int) else None, request_id=request_id)
        context.set_trailing_metadata(((REQUEST_ID_HEADER, request_id),))
        return request_id, authorization

    async def _prepare(self, request: Any, authorization: str) -> None:
        """Refuse an undecodable body, then authenticate the caller when the method needs it."""
        if isinstance(request, Undecodable):
            _warn_undecodable("%s: a request body that is not a valid %s", self.method, request.message)
            raise UndecodableRequest(
                [FieldViolation("request", f"must be a serialized {request.message}")],
                f"the request body is not a valid {request.message} message",
            )
        if self.authenticator is None:
            return
        principal = await self.authenticator.authenticate({AUTHORIZATION_HEADER: authorization})
        current_principal.set(principal)
        principal.require(self.role)
        tenant_id = getattr(request, "tenant_id", None)
        if isinstance(tenant_id, int) and tenant_id > 0:
            principal.authorize(tenant_id)
            # The call's transactions see this tenant's rows and no other's (PostgreSQL row-level security),
            # whatever the code behind passes to its queries.
            enter_tenant(tenant_id)

    async def _fail(
        self,
        exc: BaseException,
        context: Context,
        started: float,
        request_id: str,
    ) -> None:
        """Turn `exc` into the call's status: aborts the call (raising grpc's AbortError), except for
        exceptions grpc must see as they are (an abort already made, a cancellation)."""
        if isinstance(exc, grpc.aio.AbortError | asyncio.CancelledError):
            self._log(_code_of(context), started)
            return
        request_id = request_id or str(uuid.uuid4())
        echoed = ((REQUEST_ID_HEADER, request_id),)
        with contextlib.suppress(grpc.aio.UsageError):  # a stream sent its headers already
            await context.send_initial_metadata(echoed)
        if isinstance(exc, DomainError):
            status = to_status(exc, request_id=request_id)
            # undecodable bodies come unauthenticated and in floods: the rate-limited warning says it
            level = logging.DEBUG if isinstance(exc, UndecodableRequest) else logging.INFO
            self._log(status.code, started, level=level, detail=exc.message)
            await context.abort(status.code, status.details, (*status.trailing_metadata, *echoed))
        if isinstance(exc, NotImplementedError):
            self._log(grpc.StatusCode.UNIMPLEMENTED, started)
            await context.abort(
                grpc.StatusCode.UNIMPLEMENTED, f"{self.method} is not implemented yet", echoed
            )
        logger.error("unexpected error", exc_info=exc)
        self._log(grpc.StatusCode.INTERNAL, started, level=logging.ERROR)
        await context.abort(grpc.StatusCode.INTERNAL, f"internal error; request id {request_id}", echoed)

    def _log(
        self, code: grpc.StatusCode, started: float, *, level: int = logging.INFO, detail: str = ""
    ) -> None:
        level = min(level, self.access_level) if level == logging.INFO else level
        if not logger.isEnabledFor(level):
            return
        duration_ms = round((time.perf_counter() - started) * 1000, 2)
        logger.log(
            level,
            "%s %s%s",
            self.method,
            code.name,
            f": {detail}" if detail else "",
            extra={"code": code.name, "duration_ms": duration_ms, "subject": _subject()},
        )


async def _awaited(result: Any) -> Any:
    """The response of a coroutine handler, or of a plain function's return value."""
    return await result if inspect.isawaitable(result) else result


def _code_of(context: Context) -> grpc.StatusCode:
    """The status the call ended with (a call that ends without one was cancelled)."""
    code = context.code()
    if isinstance(code, grpc.StatusCode):
        return code
    return grpc.StatusCode.CANCELLED if code is None else grpc.StatusCode.UNKNOWN


def _subject() -> str | None:
    principal: Principal | None = current_principal.get()
    return principal.subject if principal is not None else None
