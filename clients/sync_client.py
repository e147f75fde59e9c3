"""CrmClient: the blocking twin of AsyncCrmClient, over a plain grpc channel."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Self, TypeVar

import grpc

from clients import _calls
from clients._calls import ClientConfig
from clients.catalog_calls import SyncCatalogMixin
from clients.crm_calls import SyncCrmMixin
from clients.intelligence_calls import SyncIntelligenceMixin
from clients.order_calls import SyncOrderMixin
from clients.retry import sync_retrying
from crm.v2 import (
    event_service_pb2,
    event_service_pb2_grpc,
    lead_service_pb2,
    lead_service_pb2_grpc,
    system_service_pb2,
    system_service_pb2_grpc,
)

R = TypeVar("R")
_END = object()


class CrmClient(SyncCrmMixin, SyncCatalogMixin, SyncOrderMixin, SyncIntelligenceMixin):
    """Typed blocking client; every call carries the tenant, a deadline, metadata and UNAVAILABLE retries."""

    def __init__(
        self,
        target: str,
        *,
        tenant_id: int,
        timeout: float = 10.0,
        retries: int = 3,
        token: str | None = None,
        credentials: grpc.ChannelCredentials | None = None,
        request_id_prefix: str = "",
    ) -> None:
        channel = (
            grpc.secure_channel(target, credentials)
            if credentials is not None
            else grpc.insecure_channel(target)
        )
        config = ClientConfig(tenant_id, timeout, retries, token, request_id_prefix)
        self._attach(channel, config, owns_channel=True)

    @classmethod
    def from_channel(
        cls,
        channel: grpc.Channel,
        *,
        tenant_id: int,
        timeout: float = 10.0,
        retries: int = 3,
        token: str | None = None,
        request_id_prefix: str = "",
    ) -> Self:
        """A client over an existing channel, which `close()` leaves open for its owner."""
        client = cls.__new__(cls)
        client._attach(
            channel, ClientConfig(tenant_id, timeout, retries, token, request_id_prefix), owns_channel=False
        )
        return client

    def _attach(self, channel: grpc.Channel, config: ClientConfig, *, owns_channel: bool) -> None:
        self._channel = channel
        self._owns_channel = owns_channel
        self._config = config
        self._leads = lead_service_pb2_grpc.LeadServiceStub(channel)
        self._system = system_service_pb2_grpc.SystemServiceStub(channel)
        self._events = event_service_pb2_grpc.EventServiceStub(channel)

    @property
    def tenant_id(self) -> int:
        """The tenant every request is made for."""
        return self._config.tenant_id

    def close(self) -> None:
        """Close the channel if this client opened it."""
        if self._owns_channel:
            self._channel.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _unary(self, method: Callable[..., R], request: Any, *, request_id: str | None = None) -> R:
        # One request id for all attempts: they are the same logical request.
        metadata = self._config.metadata(request_id or self._config.new_request_id())
        retrying = sync_retrying(self._config.attempts)
        return retrying(method, request, timeout=self._config.timeout, metadata=metadata)

    # ----- LeadService

    def create_lead(
        self, lead: lead_service_pb2.Lead, *, request_id: str | None = None
    ) -> lead_service_pb2.Lead:
        """Create and score a lead; retries reuse one idempotency key so they never create two."""
        key = request_id or self._config.new_request_id()
        request = lead_service_pb2.CreateLeadRequest(tenant_id=self.tenant_id, lead=lead, request_id=key)
        return self._unary(self._leads.CreateLead, request, request_id=key)

    def get_lead(self, lead_id: str) -> lead_service_pb2.Lead:
        """Fetch one lead; NOT_FOUND when it is not in the tenant."""
        request = lead_service_pb2.GetLeadRequest(tenant_id=self.tenant_id, lead_id=lead_id)
        return self._unary(self._leads.GetLead, request)

    def list_leads(
        self,
        *,
        status: int = 0,
        source: int = 0,
        assigned_to: str = "",
        page_size: int = 0,
        page_token: str = "",
    ) -> lead_service_pb2.ListLeadsResponse:
        """One page of leads, newest first; enum filters take LeadStatus/LeadSource values (0 = any)."""
        request = _calls.list_leads_request(
            self.tenant_id,
            status=status,
            source=source,
            assigned_to=assigned_to,
            page_size=page_size,
            page_token=page_token,
        )
        return self._unary(self._leads.ListLeads, request)

    def iter_leads(
        self, *, status: int = 0, source: int = 0, assigned_to: str = "", page_size: int = 0
    ) -> Iterator[lead_service_pb2.Lead]:
        """Every matching lead across all pages."""
        token = ""
        while True:
            page = self.list_leads(
                status=status, source=source, assigned_to=assigned_to, page_size=page_size, page_token=token
            )
            yield from page.leads
            token = page.next_page_token
            if not token:
                return

    def update_lead(self, lead: lead_service_pb2.Lead, update_mask: Sequence[str]) -> lead_service_pb2.Lead:
        """Change the fields named in `update_mask` of the lead with `lead.id`."""
        request = _calls.update_lead_request(self.tenant_id, lead, update_mask)
        return self._unary(self._leads.UpdateLead, request)

    def delete_lead(self, lead_id: str) -> None:
        """Delete a lead; NOT_FOUND when it is not in the tenant."""
        request = lead_service_pb2.DeleteLeadRequest(tenant_id=self.tenant_id, lead_id=lead_id)
        self._unary(self._leads.DeleteLead, request)

    def lead_analytics(self) -> lead_service_pb2.GetLeadAnalyticsResponse:
        """Aggregates over the tenant's leads."""
        request = lead_service_pb2.GetLeadAnalyticsRequest(tenant_id=self.tenant_id)
        return self._unary(self._leads.GetLeadAnalytics, request)

    # ----- SystemService

    def health(self) -> system_service_pb2.GetHealthResponse:
        """The service's operational state and the tenant's record counts."""
        request = system_service_pb2.GetHealthRequest(tenant_id=self.tenant_id)
        return self._unary(self._system.GetHealth, request)

    # ----- EventService

    def list_events(
        self,
        *,
        types: Sequence[str] = (),
        aggregate_id: str | None = None,
        start_time: datetime | None = None,
        end_time: datetime | None = None,
        page_size: int = 0,
        page_token: str = "",
    ) -> event_service_pb2.ListEventsResponse:
        """One page of the tenant's events, newest first."""
        request = _calls.list_events_request(
            self.tenant_id,
            types=types,
            aggregate_id=aggregate_id,
            start_time=start_time,
            end_time=end_time,
            page_size=page_size,
            page_token=page_token,
        )
        return self._unary(self._events.ListEvents, request)

    def watch_events(
        self, *, types: Sequence[str] = (), start_time: datetime | None = None, deadline: float | None = None
    ) -> Iterator[event_service_pb2.Event]:
        """Tail the tenant's events; open-ended unless `deadline` (seconds) is given."""
        request = _calls.watch_events_request(self.tenant_id, types=types, start_time=start_time)
        call, first = self._open_stream(request, deadline)
        try:
            if first is _END:
                return
            yield first
            yield from call
        finally:
            call.cancel()

    def _open_stream(
        self, request: event_service_pb2.WatchEventsRequest, deadline: float | None
    ) -> tuple[Any, Any]:
        # Only opening the stream (up to its first message) is retried: once an event has been
        # yielded, a reconnect could skip or repeat events, so later errors reach the caller.
        metadata = self._config.metadata(self._config.new_request_id())

        def open_once() -> tuple[Any, Any]:
            call = self._events.WatchEvents(request, timeout=deadline, metadata=metadata)
            try:
                return call, next(call, _END)
            except BaseException:
                call.cancel()
                raise

        return sync_retrying(self._config.attempts)(open_once)
