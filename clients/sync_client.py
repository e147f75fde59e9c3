"""CrmClient: the blocking client, derived call by call from AsyncCrmClient."""

from __future__ import annotations

from types import TracebackType
from typing import Self, Unpack

import grpc

from clients.async_client import AsyncCrmClient
from clients.calls import BlockingCalls
from clients.catalog_calls import CatalogCalls
from clients.crm_calls import CrmCalls
from clients.event_loop_thread import EventLoopThread
from clients.intelligence_calls import IntelligenceCalls
from clients.lead_calls import LeadCalls
from clients.order_calls import OrderCalls
from clients.sourcing_calls import SourcingCalls
from clients.supply_calls import SupplyCalls
from clients.transport import ClientOptions


class CrmClient(
    BlockingCalls,
    LeadCalls,
    CrmCalls,
    CatalogCalls,
    OrderCalls,
    IntelligenceCalls,
    SourcingCalls,
    SupplyCalls,
):
    """Typed blocking client with the calls, arguments, retries and deadlines of AsyncCrmClient.

    It owns an AsyncCrmClient on a private event loop in a daemon thread; each call blocks the calling
    thread until that client's coroutine finishes there, and raises its error (a grpc.RpcError) here.
    Options as for AsyncCrmClient. Safe to share between threads.
    """

    _async_calls: AsyncCrmClient

    def __init__(
        self,
        target: str,
        *,
        credentials: grpc.ChannelCredentials | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        async def connect() -> AsyncCrmClient:
            # A grpc.aio channel belongs to the loop it is created on, so it is created there.
            return AsyncCrmClient(target, credentials=credentials, **options)

        self._loop = EventLoopThread(name=f"CrmClient({target})")
        try:
            self._async_calls = self._loop.run(connect())
        except BaseException:
            self._loop.stop()
            raise
        # Shared, so that what Calls reads itself (tenant_id) answers from the same settings.
        self._transport = self._async_calls._transport

    def close(self) -> None:
        """Close the channel and stop the loop's thread; calling it again does nothing."""
        if not self._loop.running:
            return
        try:
            self._loop.run(self._async_calls.close())
        finally:
            self._loop.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
