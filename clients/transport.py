"""Where every client call meets its grpc.aio channel: tenant, deadline, metadata and UNAVAILABLE retries."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Required, TypedDict, TypeVar

import grpc
from google.protobuf.message import Message

from clients.retry import async_retrying

R = TypeVar("R")

# The server's idempotency keys hold at most 100 characters; a uuid4 hex takes 32 of them.
_MAX_PREFIX = 100 - 32
REQUEST_ID_HEADER = "x-request-id"


class ClientOptions(TypedDict, total=False):
    """The keyword settings every client constructor takes; defaults as in ClientConfig."""

    tenant_id: Required[int]
    timeout: float
    retries: int
    token: str | None
    request_id_prefix: str


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Per-client settings applied to every call."""

    tenant_id: int
    timeout: float = 10.0
    retries: int = 3
    token: str | None = None
    request_id_prefix: str = ""

    def __post_init__(self) -> None:
        if self.tenant_id <= 0:
            raise ValueError(f"tenant_id must be > 0, got {self.tenant_id}")
        if self.timeout <= 0:
            raise ValueError(f"timeout must be > 0, got {self.timeout}")
        if len(self.request_id_prefix) > _MAX_PREFIX:
            raise ValueError(f"request_id_prefix is longer than {_MAX_PREFIX} characters")

    @property
    def attempts(self) -> int:
        """Number of tries per call; at least one."""
        return max(1, self.retries)

    def new_request_id(self) -> str:
        """A fresh request id: the configured prefix plus a random uuid."""
        return f"{self.request_id_prefix}{uuid.uuid4().hex}"

    def metadata(self, request_id: str) -> tuple[tuple[str, str], ...]:
        """Call metadata: bearer token (when set) and the request id."""
        pairs = [(REQUEST_ID_HEADER, request_id)]
        if self.token:
            pairs.append(("authorization", f"Bearer {self.token}"))
        return tuple(pairs)


class Transport:
    """One grpc.aio channel and the settings every call over it carries."""

    def __init__(self, channel: grpc.aio.Channel, config: ClientConfig, *, owns_channel: bool) -> None:
        self.config = config
        self._channel = channel
        self._owns_channel = owns_channel
        self._stubs: dict[object, Any] = {}

    def stub(self, stub_class: Callable[[grpc.aio.Channel], Any]) -> Any:
        """The generated stub of one service over this channel, made on first use."""
        # Any: grpcio-tools generates untyped stubs; each call names the reply type it expects instead.
        if stub_class not in self._stubs:
            self._stubs[stub_class] = stub_class(self._channel)
        return self._stubs[stub_class]

    async def unary(
        self,
        method: Callable[..., Awaitable[Any]],
        request: Message,
        reply_type: type[R],
        *,
        request_id: str | None = None,
    ) -> R:
        """Call a unary method with the deadline and metadata, retrying while the server is UNAVAILABLE."""
        # One request id for all attempts: they are the same logical request.
        metadata = self.config.metadata(request_id or self.config.new_request_id())

        async def attempt() -> R:
            # A grpc.aio multicallable is not a coroutine function, so tenacity would not await it.
            reply: R = await method(request, timeout=self.config.timeout, metadata=metadata)
            return reply

        return await async_retrying(self.config.attempts)(attempt)

    async def open_stream(
        self, method: Callable[..., Any], request: Message, *, deadline: float | None
    ) -> tuple[grpc.aio.UnaryStreamCall[Any, Any], object]:
        """Start a server stream and read its first message (grpc.aio.EOF when it ends at once)."""
        # Only opening the stream (up to its first message) is retried: once a message has been
        # handed out, a reconnect could skip or repeat messages, so later errors reach the caller.
        metadata = self.config.metadata(self.config.new_request_id())

        async def open_once() -> tuple[grpc.aio.UnaryStreamCall[Any, Any], object]:
            call: grpc.aio.UnaryStreamCall[Any, Any] = method(request, timeout=deadline, metadata=metadata)
            try:
                return call, await call.read()
            except BaseException:
                call.cancel()
                raise

        return await async_retrying(self.config.attempts)(open_once)

    async def close(self) -> None:
        """Close the channel if this transport opened it."""
        if self._owns_channel:
            await self._channel.close()
