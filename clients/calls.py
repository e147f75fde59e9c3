"""Client calls written once, as coroutine methods; the blocking client gets each one derived from it.

An area's calls live in one class (e.g. `crm_calls.CrmCalls`) whose methods are decorated with `@rpc`
(a coroutine) or `@rpc_iterator` (an async generator). Both clients inherit those classes. Read from
AsyncCrmClient, a method is the coroutine method itself; read from CrmClient, it is a blocking function
of the same signature that runs the coroutine on the client's private event loop, against the
AsyncCrmClient that lives there. mypy sees both signatures through the `__get__` overloads.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncGenerator, Callable, Coroutine, Iterator
from types import MethodType
from typing import Any, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

import grpc

from clients.event_loop_thread import EventLoopThread
from clients.transport import Transport

P = ParamSpec("P")
R = TypeVar("R")


class Calls:
    """Base of the per-area call classes: the calls' coroutines go through `_transport`."""

    _transport: Transport

    @property
    def tenant_id(self) -> int:
        """The tenant every request is made for."""
        return self._transport.config.tenant_id


class BlockingCalls:
    """Base of a blocking client: its calls run on `_async_calls`, on the loop of `_loop`."""

    _async_calls: Calls
    _loop: EventLoopThread


class service:
    """A class attribute naming the generated stub of one service: `_leads = service(LeadServiceStub)`."""

    def __init__(self, stub_class: Callable[[grpc.aio.Channel], Any]) -> None:
        self._stub_class = stub_class

    def __get__(self, calls: Calls, owner: type[Any]) -> Any:
        return calls._transport.stub(self._stub_class)


class _DerivedCall:
    """The shared part of `rpc` and `rpc_iterator`: keep the coroutine method, derive the blocking one."""

    def __init__(self, call: Callable[..., Any], run_on: Callable[[EventLoopThread, Any], Any]) -> None:
        self._call = call
        # Name, docstring and __wrapped__ (for inspect.signature and help) of the call; mypy expects a
        # function as the wrapper.
        functools.update_wrapper(self, call)  # type: ignore[arg-type]

        @functools.wraps(call)
        def blocking(client: BlockingCalls, /, *args: Any, **kwargs: Any) -> Any:
            return run_on(client._loop, call(client._async_calls, *args, **kwargs))

        self._blocking = blocking

    def _bind(self, client: object) -> Any:
        if client is None:
            return self
        if isinstance(client, BlockingCalls):
            return MethodType(self._blocking, client)
        return MethodType(self._call, client)


class rpc(_DerivedCall, Generic[P, R]):
    """A call written as a coroutine method; blocking where the host is a BlockingCalls."""

    def __init__(self, call: Callable[Concatenate[Any, P], Coroutine[Any, Any, R]]) -> None:
        super().__init__(call, EventLoopThread.run)

    @overload
    def __get__(self, client: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, client: BlockingCalls, owner: type[Any]) -> Callable[P, R]: ...
    @overload
    def __get__(self, client: Calls, owner: type[Any]) -> Callable[P, Coroutine[Any, Any, R]]: ...
    def __get__(self, client: object, owner: type[Any]) -> Any:
        return self._bind(client)


class rpc_iterator(_DerivedCall, Generic[P, R]):
    """A call written as an async generator method; a plain iterator where the host is a BlockingCalls."""

    def __init__(self, call: Callable[Concatenate[Any, P], AsyncGenerator[R, None]]) -> None:
        super().__init__(call, EventLoopThread.iterate)

    @overload
    def __get__(self, client: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, client: BlockingCalls, owner: type[Any]) -> Callable[P, Iterator[R]]: ...
    @overload
    def __get__(self, client: Calls, owner: type[Any]) -> Callable[P, AsyncGenerator[R, None]]: ...
    def __get__(self, client: object, owner: type[Any]) -> Any:
        return self._bind(client)
