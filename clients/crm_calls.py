"""Client calls of the CRM core: contacts, deals, the pipeline summary, the dashboard and lead conversion."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from google.protobuf import empty_pb2
from google.type import interval_pb2

from clients.calls import Calls, rpc, service
from clients.messages import calendar_date, field_mask, timestamp
from crm.v2 import (
    analytics_service_pb2,
    analytics_service_pb2_grpc,
    contact_service_pb2,
    contact_service_pb2_grpc,
    deal_service_pb2,
    deal_service_pb2_grpc,
    lead_service_pb2,
    lead_service_pb2_grpc,
)

Contact = contact_service_pb2.Contact
Deal = deal_service_pb2.Deal


class CrmCalls(Calls):
    """ContactService, DealService, AnalyticsService and LeadService.ConvertLead."""

    _contacts = service(contact_service_pb2_grpc.ContactServiceStub)
    _deals = service(deal_service_pb2_grpc.DealServiceStub)
    _analytics = service(analytics_service_pb2_grpc.AnalyticsServiceStub)
    _lead_conversion = service(lead_service_pb2_grpc.LeadServiceStub)

    @rpc
    async def create_contact(self, contact: Contact) -> Contact:
        """Create a contact; ALREADY_EXISTS (CONTACT_EMAIL_EXISTS) when its email is taken in the tenant."""
        request = contact_service_pb2.CreateContactRequest(tenant_id=self.tenant_id, contact=contact)
        return await self._transport.unary(self._contacts.CreateContact, request, Contact)

    @rpc
    async def get_contact(self, contact_id: str) -> Contact:
        """Fetch one contact; NOT_FOUND when it is not in the tenant."""
        request = contact_service_pb2.GetContactRequest(tenant_id=self.tenant_id, contact_id=contact_id)
        return await self._transport.unary(self._contacts.GetContact, request, Contact)

    @rpc
    async def list_contacts(self, /, **filters: Any) -> contact_service_pb2.ListContactsResponse:
        """One page of contacts, newest first; filters: query, owner, company, tag, page_size, page_token."""
        request = contact_service_pb2.ListContactsRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._contacts.ListContacts, request, contact_service_pb2.ListContactsResponse
        )

    @rpc
    async def update_contact(self, contact: Contact, update_mask: Sequence[str]) -> Contact:
        """Change the fields named in `update_mask` of the contact with `contact.id`."""
        request = contact_service_pb2.UpdateContactRequest(
            tenant_id=self.tenant_id, contact=contact, update_mask=field_mask(update_mask)
        )
        return await self._transport.unary(self._contacts.UpdateContact, request, Contact)

    @rpc
    async def delete_contact(self, contact_id: str) -> None:
        """Delete a contact; NOT_FOUND when it is not in the tenant."""
        request = contact_service_pb2.DeleteContactRequest(tenant_id=self.tenant_id, contact_id=contact_id)
        await self._transport.unary(self._contacts.DeleteContact, request, empty_pb2.Empty)

    @rpc
    async def create_deal(self, deal: Deal, *, actor: str = "") -> Deal:
        """Create a deal; `actor` is recorded in its stage history."""
        request = deal_service_pb2.CreateDealRequest(tenant_id=self.tenant_id, deal=deal, actor=actor)
        return await self._transport.unary(self._deals.CreateDeal, request, Deal)

    @rpc
    async def get_deal(self, deal_id: str) -> Deal:
        """Fetch one deal; NOT_FOUND when it is not in the tenant."""
        request = deal_service_pb2.GetDealRequest(tenant_id=self.tenant_id, deal_id=deal_id)
        return await self._transport.unary(self._deals.GetDeal, request, Deal)

    @rpc
    async def list_deals(
        self,
        *,
        stages: Sequence[int] = (),
        owner: str = "",
        contact_id: str = "",
        close_from: date | None = None,
        close_to: date | None = None,
        open_only: bool = False,
        page_size: int = 0,
        page_token: str = "",
    ) -> deal_service_pb2.ListDealsResponse:
        """One page of deals, newest first; `stages` take DealStage values, close dates bound the range."""
        request = deal_service_pb2.ListDealsRequest(
            tenant_id=self.tenant_id,
            stages=list(stages),  # type: ignore[arg-type]
            owner=owner,
            contact_id=contact_id,
            expected_close_start_date=calendar_date(close_from),
            expected_close_end_date=calendar_date(close_to),
            open_only=open_only,
            page_size=page_size,
            page_token=page_token,
        )
        return await self._transport.unary(self._deals.ListDeals, request, deal_service_pb2.ListDealsResponse)

    @rpc
    async def update_deal(
        self,
        deal: Deal,
        update_mask: Sequence[str],
        *,
        allow_reopen: bool = False,
        actor: str = "",
    ) -> Deal:
        """Change the fields named in `update_mask`; a closed deal reopens only with `allow_reopen`."""
        request = deal_service_pb2.UpdateDealRequest(
            tenant_id=self.tenant_id,
            deal=deal,
            update_mask=field_mask(update_mask),
            allow_reopen=allow_reopen,
            actor=actor,
        )
        return await self._transport.unary(self._deals.UpdateDeal, request, Deal)

    @rpc
    async def delete_deal(self, deal_id: str) -> None:
        """Delete a deal; NOT_FOUND when it is not in the tenant."""
        request = deal_service_pb2.DeleteDealRequest(tenant_id=self.tenant_id, deal_id=deal_id)
        await self._transport.unary(self._deals.DeleteDeal, request, empty_pb2.Empty)

    @rpc
    async def pipeline_summary(
        self,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        owner: str = "",
        currency_code: str = "",
    ) -> deal_service_pb2.GetPipelineSummaryResponse:
        """The pipeline per stage plus won/lost in a period; unset start: 30 days before the end;
        unset end: now (the server resolves both)."""
        request = deal_service_pb2.GetPipelineSummaryRequest(
            tenant_id=self.tenant_id,
            period=interval_pb2.Interval(start_time=timestamp(start), end_time=timestamp(end)),
            owner=owner,
            currency_code=currency_code,
        )
        return await self._transport.unary(
            self._deals.GetPipelineSummary, request, deal_service_pb2.GetPipelineSummaryResponse
        )

    @rpc
    async def dashboard(
        self, *, days: int = 0, currency: str = ""
    ) -> analytics_service_pb2.GetDashboardResponse:
        """The tenant's dashboard over the last `days` (0 = 30) in `currency` (default: the main one)."""
        request = analytics_service_pb2.GetDashboardRequest(
            tenant_id=self.tenant_id, days=days, currency_code=currency
        )
        return await self._transport.unary(
            self._analytics.GetDashboard, request, analytics_service_pb2.GetDashboardResponse
        )

    @rpc
    async def convert_lead(self, /, lead_id: str, **options: Any) -> lead_service_pb2.ConvertLeadResponse:
        """Convert a lead (idempotent); options: create_deal, deal_title, deal_amount, deal_owner,
        expected_close_date (protobuf values)."""
        request = lead_service_pb2.ConvertLeadRequest(tenant_id=self.tenant_id, lead_id=lead_id, **options)
        return await self._transport.unary(
            self._lead_conversion.ConvertLead, request, lead_service_pb2.ConvertLeadResponse
        )
