"""What the lead use cases need: the tenant's leads, their closed outcomes, and a unit of work holding them;
the conversion also needs the contacts and deals it creates."""

from __future__ import annotations

import uuid
from typing import Protocol

from domain.leads import Lead, LeadAnalytics, LeadFilter, OutcomeCount
from domain.paging import Page, PageRequest
from server.contacts.ports import ContactRepository
from server.deals.ports import DealRepository
from server.unit_of_work import UnitOfWork


class LeadRepository(Protocol):
    async def add(self, lead: Lead) -> None: ...
    async def get(self, tenant_id: int, lead_id: uuid.UUID, *, for_update: bool = False) -> Lead | None: ...
    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Lead | None: ...
    async def list(self, tenant_id: int, criteria: LeadFilter, page: PageRequest) -> Page[Lead]: ...
    async def save(self, lead: Lead) -> None: ...
    async def delete(self, tenant_id: int, lead_id: uuid.UUID) -> bool: ...
    async def analytics(self, tenant_id: int) -> LeadAnalytics: ...
    async def count(self, tenant_id: int) -> int: ...


class LeadHistoryRepository(Protocol):
    async def closed_outcomes(self, tenant_id: int) -> list[OutcomeCount]: ...


class LeadUnitOfWork(UnitOfWork, Protocol):
    @property
    def leads(self) -> LeadRepository: ...
    @property
    def lead_history(self) -> LeadHistoryRepository: ...


class ConversionUnitOfWork(LeadUnitOfWork, Protocol):
    """A conversion creates the lead's contact and deal in the lead's own transaction."""

    @property
    def contacts(self) -> ContactRepository: ...
    @property
    def deals(self) -> DealRepository: ...
