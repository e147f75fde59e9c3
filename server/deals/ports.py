"""What the deal use cases need: the tenant's deals, the contacts and leads a deal may name, and a unit of
work holding them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Protocol

from domain.deals import Deal, DealFilter, DealStage, PipelineQuery, PipelineSummary, StageChange
from domain.leads import Lead
from domain.paging import Page, PageRequest
from server.contacts.ports import ContactRepository
from server.unit_of_work import UnitOfWork


class DealRepository(Protocol):
    async def add(self, deal: Deal) -> None: ...
    async def get(self, tenant_id: int, deal_id: uuid.UUID, *, for_update: bool = False) -> Deal | None: ...
    async def list(self, tenant_id: int, criteria: DealFilter, page: PageRequest) -> Page[Deal]: ...
    async def save(self, deal: Deal, new_changes: Sequence[StageChange] = ()) -> None:
        """Store the deal and append `new_changes` to its recorded stage history."""
        ...

    async def delete(self, tenant_id: int, deal_id: uuid.UUID) -> DealStage | None:
        """Delete the deal and its history; the stage it was in, None when there was no such deal."""
        ...

    async def pipeline(self, tenant_id: int, query: PipelineQuery) -> PipelineSummary: ...


class DealLeads(Protocol):
    """The leads a deal names: checked to exist, and closed or reopened with the deal (a lead's score
    learns from the tenant's closed leads)."""

    async def get(self, tenant_id: int, lead_id: uuid.UUID, *, for_update: bool = False) -> Lead | None: ...
    async def save(self, lead: Lead) -> None: ...


class DealUnitOfWork(UnitOfWork, Protocol):
    @property
    def deals(self) -> DealRepository: ...
    @property
    def contacts(self) -> ContactRepository: ...
    @property
    def leads(self) -> DealLeads: ...
