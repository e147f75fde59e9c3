"""Client calls of leads, the system's health and the event log."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from datetime import datetime

from google.protobuf import empty_pb2

from clients.calls import Calls, rpc, rpc_iterator, service
from clients.messages import field_mask, timestamp
from crm.v2 import (
    event_service_pb2,
    event_service_pb2_grpc,
    lead_service_pb2,
    lead_service_pb2_grpc,
    system_service_pb2,
    system_service_pb2_grpc,
)


class LeadCalls(Calls):
    """LeadService (but ConvertLead, which is with contacts), SystemService and EventService."""

    _leads = service(lead_service_pb2_grpc.LeadServiceStub)
    _system = service(system_service_pb2_grpc.SystemServiceStub)
    _events = service(event_service_pb2_grpc.EventServiceStub)

    @rpc
    async def create_lead(
        self, lead: lead_service_pb2.Lead, *, request_id: str | None = None
    ) -> lead_service_pb2.Lead:
        """Create and score a lead; retries reuse one idempotency key so they never create two."""
        key = request_id or self._transport.config.new_request_id()
        request = lead_service_pb2.CreateLeadRequest(tenant_id=self.tenant_id, lead=lead, request_id=key)
        return await self._transport.unary(
            self._leads.CreateLead, request, lead_service_pb2.Lead, request_id=key
        )

    @rpc
    async def get_lead(self, lead_id: str) -> lead_service_pb2.Lead:
        """Fetch one lead; NOT_FOUND when it is not in the tenant."""
        request = lead_service_pb2.GetLeadRequest(tenant_id=self.tenant_id, lead_id=lead_id)
        return await self._transport.unary(self._leads.GetLead, request, lead_service_pb2.Lead)

    @rpc
    async def list_leads(
        self,
        *,
        status: int = 0,
        source: int = 0,
        assigned_to: str = "",
        converted: bool | None = None,
        page_size: int = 0,
        page_token: str = "",
    ) -> lead_service_pb2.ListLeadsResponse:
        """One page of leads, newest first; enum filters take LeadStatus/LeadSource values (0 = any);
        `converted` True or False keeps converted leads or the others (None: both)."""
        request = lead_service_pb2.ListLeadsRequest(
            tenant_id=self.tenant_id,
            status=status,  # type: ignore[arg-type]
            source=source,  # type: ignore[arg-type]
            assigned_to=assigned_to,
            converted=converted,
            page_size=page_size,
            page_token=page_token,
        )
        return await self._transport.unary(self._leads.ListLeads, request, lead_service_pb2.ListLeadsResponse)

    @rpc_iterator
    async def iter_leads(
        self,
        *,
        status: int = 0,
        source: int = 0,
        assigned_to: str = "",
        converted: bool | None = None,
        page_size: int = 0,
    ) -> AsyncGenerator[lead_service_pb2.Lead, None]:
        """Every matching lead across all pages."""
        token = ""
        while True:
            page = await self.list_leads(
                status=status,
                source=source,
                assigned_to=assigned_to,
                converted=converted,
                page_size=page_size,
                page_token=token,
            )
            for lead in page.leads:
                yield lead
            token = page.next_page_token
            if not token:
                return

    @rpc
    async def update_lead(
        self, lead: lead_service_pb2.Lead, update_mask: Sequence[str]
    ) -> lead_service_pb2.Lead:
        """Change the fields named in `update_mask` of the lead with `lead.id`."""
        request = lead_service_pb2.UpdateLeadRequest(
            tenant_id=self.tenant_id, lead=lead, update_mask=field_mask(update_mask)
        )
        return await self._transport.unary(self._leads.UpdateLead, request, lead_service_pb2.Lead)

    @rpc
    async def delete_lead(self, lead_id: str) -> None:
        """Delete a lead; NOT_FOUND when it is not in the tenant."""
        request = lead_service_pb2.DeleteLeadRequest(tenant_id=self.tenant_id, lead_id=lead_id)
        await self._transport.unary(self._leads.DeleteLead, request, empty_pb2.Empty)

    @rpc
    async def lead_analytics(self) -> lead_service_pb2.GetLeadAnalyticsResponse:
        """Aggregates over the tenant's leads."""
        request = lead_service_pb2.GetLeadAnalyticsRequest(tenant_id=self.tenant_id)
        return await self._transport.unary(
            self._leads.GetLeadAnalytics, request, lead_service_pb2.GetLeadAnalyticsResponse
        )

    @rpc
    async def health(self) -> system_service_pb2.GetHealthResponse:
        """The service's operational state and the tenant's record counts."""
        request = system_service_pb2.GetHealthRequest(tenant_id=self.tenant_id)
        return await self._transport.unary(
            self._system.GetHealth, request, system_service_pb2.GetHealthResponse
        )

    @rpc
    async def list_events(
        self,
        *,
        types: Sequence[str] = (),
        aggregate_id: str | None = None,
        start_time: datetime | None = None,
        end_time: datetime | None = None,
        page_size: int = 0,
        page_token: str = "",
    ) -> event_service_pb2.ListEventsResponse:
        """One page of the tenant's events, newest first; unset times leave the range open."""
        request = event_service_pb2.ListEventsRequest(
            tenant_id=self.tenant_id,
            types=list(types),
            aggregate_id=aggregate_id or "",
            start_time=timestamp(start_time),
            end_time=timestamp(end_time),
            page_size=page_size,
            page_token=page_token,
        )
        return await self._transport.unary(
            self._events.ListEvents, request, event_service_pb2.ListEventsResponse
        )

    @rpc_iterator
    async def watch_events(
        self, *, types: Sequence[str] = (), start_time: datetime | None = None, deadline: float | None = None
    ) -> AsyncGenerator[event_service_pb2.Event, None]:
        """Tail the tenant's events (from `start_time`, else only new ones); open-ended unless `deadline`
        (seconds) is given."""
        request = event_service_pb2.WatchEventsRequest(
            tenant_id=self.tenant_id, types=list(types), start_time=timestamp(start_time)
        )
        call, event = await self._transport.open_stream(self._events.WatchEvents, request, deadline=deadline)
        try:
            while isinstance(event, event_service_pb2.Event):
                yield event
                event = await call.read()
        finally:
            call.cancel()
