"""AsyncCrmClient: every call of the CRM service over one grpc.aio channel."""

from __future__ import annotations

from types import TracebackType
from typing import Self, Unpack

import grpc

from clients.catalog_calls import CatalogCalls
from clients.crm_calls import CrmCalls
from clients.intelligence_calls import IntelligenceCalls
from clients.lead_calls import LeadCalls
from clients.order_calls import OrderCalls
from clients.sourcing_calls import SourcingCalls
from clients.supply_calls import SupplyCalls
from clients.transport import ClientConfig, ClientOptions, Transport

# grpc waits a second (then longer) before it reconnects after a failed connection, and fails every call in
# that window at once; the UNAVAILABLE retries (0.1 s, 0.2 s, ...) would all land inside it. Reconnecting
# on the retries' own cadence lets a retry reach the server that is back, or the next replica.
CHANNEL_OPTIONS = (
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.min_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 2000),
)


class AsyncCrmClient(
    LeadCalls, CrmCalls, CatalogCalls, OrderCalls, IntelligenceCalls, SourcingCalls, SupplyCalls
):
    """Typed asyncio client; every call carries the tenant, a deadline, metadata and UNAVAILABLE retries.

    Options: tenant_id (required), timeout (seconds per attempt, default 10), retries (attempts, default 3),
    token (bearer), request_id_prefix. Create it on the event loop that will use it.
    """

    def __init__(
        self,
        target: str,
        *,
        credentials: grpc.ChannelCredentials | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = ClientConfig(**options)
        channel = (
            grpc.aio.secure_channel(target, credentials, options=CHANNEL_OPTIONS)
            if credentials is not None
            else grpc.aio.insecure_channel(target, options=CHANNEL_OPTIONS)
        )
        self._transport = Transport(channel, config, owns_channel=True)

    @classmethod
    def from_channel(cls, channel: grpc.aio.Channel, **options: Unpack[ClientOptions]) -> Self:
        """A client over an existing channel, which `close()` leaves open for its owner."""
        client = cls.__new__(cls)
        client._transport = Transport(channel, ClientConfig(**options), owns_channel=False)
        return client

    async def close(self) -> None:
        """Close the channel if this client opened it."""
        await self._transport.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
