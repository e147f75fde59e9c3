"""Client methods of the CRM core: contacts, deals, the pipeline summary and lead conversion.

Mixins for AsyncCrmClient and CrmClient; they use the host client's `_channel`, `_config` and `_unary`.
Request building is shared here; each mixin method is one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from google.protobuf import field_mask_pb2
from google.type import date_pb2, interval_pb2

from clients._calls import timestamp
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


def calendar_date(value: date | None) -> date_pb2.Date | None:
    return None if value is None else date_pb2.Date(year=value.year, month=value.month, day=value.day)


def list_contacts_request(tenant_id: int, **filters: Any) -> contact_service_pb2.ListContactsRequest:
    """Filters: query, owner, company, tag, page_size, page_token."""
    return contact_service_pb2.ListContactsRequest(tenant_id=tenant_id, **filters)


def list_deals_request(
    tenant_id: int,
    *,
    stages: Sequence[int] = (),
    owner: str = "",
    contact_id: str = "",
    close_from: date | None = None,
    close_to: date | None = None,
    open_only: bool = False,
    page_size: int = 0,
    page_token: str = "",
) -> deal_service_pb2.ListDealsRequest:
    return deal_service_pb2.ListDealsRequest(
        tenant_id=tenant_id,
        stages=list(stages),  # type: ignore[arg-type]
        owner=owner,
        contact_id=contact_id,
        expected_close_start_date=calendar_date(close_from),
        expected_close_end_date=calendar_date(close_to),
        open_only=open_only,
        page_size=page_size,
        page_token=page_token,
    )


def pipeline_request(
    tenant_id: int,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    owner: str = "",
    currency_code: str = "",
) -> deal_service_pb2.GetPipelineSummaryRequest:
    """Unset start: 30 days before the end; unset end: now (the server resolves both)."""
    return deal_service_pb2.GetPipelineSummaryRequest(
        tenant_id=tenant_id,
        period=interval_pb2.Interval(start_time=timestamp(start), end_time=timestamp(end)),
        owner=owner,
        currency_code=currency_code,
    )


def _mask(paths: Sequence[str]) -> field_mask_pb2.FieldMask:
    return field_mask_pb2.FieldMask(paths=list(paths))


class _Stubs:
    _channel: Any
    _config: Any

    @property
    def _contacts(self) -> contact_service_pb2_grpc.ContactServiceStub:
        return contact_service_pb2_grpc.ContactServiceStub(self._channel)

    @property
    def _deals(self) -> deal_service_pb2_grpc.DealServiceStub:
        return deal_service_pb2_grpc.DealServiceStub(self._channel)

    @property
    def _lead_stub(self) -> lead_service_pb2_grpc.LeadServiceStub:
        return lead_service_pb2_grpc.LeadServiceStub(self._channel)

    @property
    def _analytics(self) -> analytics_service_pb2_grpc.AnalyticsServiceStub:
        return analytics_service_pb2_grpc.AnalyticsServiceStub(self._channel)

    def _dashboard_request(self, days: int, currency: str) -> analytics_service_pb2.GetDashboardRequest:
        return analytics_service_pb2.GetDashboardRequest(
            tenant_id=self._config.tenant_id, days=days, currency_code=currency
        )


class AsyncCrmMixin(_Stubs):
    """Contacts, deals, pipeline and ConvertLead for AsyncCrmClient."""

    _unary: Any

    async def create_contact(self, contact: contact_service_pb2.Contact) -> contact_service_pb2.Contact:
        """Create a contact; ALREADY_EXISTS (CONTACT_EMAIL_EXISTS) when its email is taken in the tenant."""
        request = contact_service_pb2.CreateContactRequest(tenant_id=self._config.tenant_id, contact=contact)
        return await self._unary(self._contacts.CreateContact, request)

    async def get_contact(self, contact_id: str) -> contact_service_pb2.Contact:
        request = contact_service_pb2.GetContactRequest(
            tenant_id=self._config.tenant_id, contact_id=contact_id
        )
        return await self._unary(self._contacts.GetContact, request)

    async def list_contacts(self, **filters: Any) -> contact_service_pb2.ListContactsResponse:
        """One page of contacts, newest first; filters: query, owner, company, tag, page_size, page_token."""
        return await self._unary(
            self._contacts.ListContacts, list_contacts_request(self._config.tenant_id, **filters)
        )

    async def update_contact(
        self, contact: contact_service_pb2.Contact, update_mask: Sequence[str]
    ) -> contact_service_pb2.Contact:
        request = contact_service_pb2.UpdateContactRequest(
            tenant_id=self._config.tenant_id, contact=contact, update_mask=_mask(update_mask)
        )
        return await self._unary(self._contacts.UpdateContact, request)

    async def delete_contact(self, contact_id: str) -> None:
        request = contact_service_pb2.DeleteContactRequest(
            tenant_id=self._config.tenant_id, contact_id=contact_id
        )
        await self._unary(self._contacts.DeleteContact, request)

    async def create_deal(self, deal: deal_service_pb2.Deal, *, actor: str = "") -> deal_service_pb2.Deal:
        request = deal_service_pb2.CreateDealRequest(tenant_id=self._config.tenant_id, deal=deal, actor=actor)
        return await self._unary(self._deals.CreateDeal, request)

    async def get_deal(self, deal_id: str) -> deal_service_pb2.Deal:
        request = deal_service_pb2.GetDealRequest(tenant_id=self._config.tenant_id, deal_id=deal_id)
        return await self._unary(self._deals.GetDeal, request)

    async def list_deals(self, **filters: Any) -> deal_service_pb2.ListDealsResponse:
        """One page of deals, newest first; filters as `list_deals_request`."""
        return await self._unary(self._deals.ListDeals, list_deals_request(self._config.tenant_id, **filters))

    async def update_deal(
        self,
        deal: deal_service_pb2.Deal,
        update_mask: Sequence[str],
        *,
        allow_reopen: bool = False,
        actor: str = "",
    ) -> deal_service_pb2.Deal:
        request = deal_service_pb2.UpdateDealRequest(
            tenant_id=self._config.tenant_id,
            deal=deal,
            update_mask=_mask(update_mask),
            allow_reopen=allow_reopen,
            actor=actor,
        )
        return await self._unary(self._deals.UpdateDeal, request)

    async def delete_deal(self, deal_id: str) -> None:
        request = deal_service_pb2.DeleteDealRequest(tenant_id=self._config.tenant_id, deal_id=deal_id)
        await self._unary(self._deals.DeleteDeal, request)

    async def pipeline_summary(self, **options: Any) -> deal_service_pb2.GetPipelineSummaryResponse:
        """The pipeline per stage plus won/lost in a period; options as `pipeline_request`."""
        return await self._unary(
            self._deals.GetPipelineSummary, pipeline_request(self._config.tenant_id, **options)
        )

    async def dashboard(
        self, *, days: int = 0, currency: str = ""
    ) -> analytics_service_pb2.GetDashboardResponse:
        """The tenant's dashboard over the last `days` (0 = 30) in `currency` (default: the main one)."""
        return await self._unary(self._analytics.GetDashboard, self._dashboard_request(days, currency))

    async def convert_lead(self, lead_id: str, **options: Any) -> lead_service_pb2.ConvertLeadResponse:
        """Convert a lead (idempotent); options: create_deal, deal_title, deal_amount, deal_owner,
        expected_close_date (protobuf values)."""
        request = lead_service_pb2.ConvertLeadRequest(
            tenant_id=self._config.tenant_id, lead_id=lead_id, **options
        )
        return await self._unary(self._lead_stub.ConvertLead, request)


class SyncCrmMixin(_Stubs):
    """Contacts, deals, pipeline and ConvertLead for CrmClient."""

    _unary: Any

    def create_contact(self, contact: contact_service_pb2.Contact) -> contact_service_pb2.Contact:
        """Create a contact; ALREADY_EXISTS (CONTACT_EMAIL_EXISTS) when its email is taken in the tenant."""
        request = contact_service_pb2.CreateContactRequest(tenant_id=self._config.tenant_id, contact=contact)
        return self._unary(self._contacts.CreateContact, request)

    def get_contact(self, contact_id: str) -> contact_service_pb2.Contact:
        request = contact_service_pb2.GetContactRequest(
            tenant_id=self._config.tenant_id, contact_id=contact_id
        )
        return self._unary(self._contacts.GetContact, request)

    def list_contacts(self, **filters: Any) -> contact_service_pb2.ListContactsResponse:
        """One page of contacts, newest first; filters: query, owner, company, tag, page_size, page_token."""
        return self._unary(
            self._contacts.ListContacts, list_contacts_request(self._config.tenant_id, **filters)
        )

    def update_contact(
        self, contact: contact_service_pb2.Contact, update_mask: Sequence[str]
    ) -> contact_service_pb2.Contact:
        request = contact_service_pb2.UpdateContactRequest(
            tenant_id=self._config.tenant_id, contact=contact, update_mask=_mask(update_mask)
        )
        return self._unary(self._contacts.UpdateContact, request)

    def delete_contact(self, contact_id: str) -> None:
        request = contact_service_pb2.DeleteContactRequest(
            tenant_id=self._config.tenant_id, contact_id=contact_id
        )
        self._unary(self._contacts.DeleteContact, request)

    def create_deal(self, deal: deal_service_pb2.Deal, *, actor: str = "") -> deal_service_pb2.Deal:
        request = deal_service_pb2.CreateDealRequest(tenant_id=self._config.tenant_id, deal=deal, actor=actor)
        return self._unary(self._deals.CreateDeal, request)

    def get_deal(self, deal_id: str) -> deal_service_pb2.Deal:
        request = deal_service_pb2.GetDealRequest(tenant_id=self._config.tenant_id, deal_id=deal_id)
        return self._unary(self._deals.GetDeal, request)

    def list_deals(self, **filters: Any) -> deal_service_pb2.ListDealsResponse:
        """One page of deals, newest first; filters as `list_deals_request`."""
        return self._unary(self._deals.ListDeals, list_deals_request(self._config.tenant_id, **filters))

    def update_deal(
        self,
        deal: deal_service_pb2.Deal,
        update_mask: Sequence[str],
        *,
        allow_reopen: bool = False,
        actor: str = "",
    ) -> deal_service_pb2.Deal:
        request = deal_service_pb2.UpdateDealRequest(
            tenant_id=self._config.tenant_id,
            deal=deal,
            update_mask=_mask(update_mask),
            allow_reopen=allow_reopen,
            actor=actor,
        )
        return self._unary(self._deals.UpdateDeal, request)

    def delete_deal(self, deal_id: str) -> None:
        request = deal_service_pb2.DeleteDealRequest(tenant_id=self._config.tenant_id, deal_id=deal_id)
        self._unary(self._deals.DeleteDeal, request)

    def pipeline_summary(self, **options: Any) -> deal_service_pb2.GetPipelineSummaryResponse:
        """The pipeline per stage plus won/lost in a period; options as `pipeline_request`."""
        return self._unary(
            self._deals.GetPipelineSummary, pipeline_request(self._config.tenant_id, **options)
        )

    def dashboard(self, *, days: int = 0, currency: str = "") -> analytics_service_pb2.GetDashboardResponse:
        """The tenant's dashboard over the last `days` (0 = 30) in `currency` (default: the main one)."""
        return self._unary(self._analytics.GetDashboard, self._dashboard_request(days, currency))

    def convert_lead(self, lead_id: str, **options: Any) -> lead_service_pb2.ConvertLeadResponse:
        """Convert a lead (idempotent); options: create_deal, deal_title, deal_amount, deal_owner,
        expected_close_date (protobuf values)."""
        request = lead_service_pb2.ConvertLeadRequest(
            tenant_id=self._config.tenant_id, lead_id=lead_id, **options
        )
        return self._unary(self._lead_stub.ConvertLead, request)
