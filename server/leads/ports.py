"""The unit of work as the CRM use cases see it: the lead, contact and deal repositories."""

from __future__ import annotations

from typing import Protocol, Self

from domain.events import DomainEvent
from storage.contacts.repository import ContactRepository
from storage.deals.repository import DealRepository
from storage.leads.repository import LeadHistoryRepository, LeadRepository


class CrmUnitOfWork(Protocol):
    leads: LeadRepository
    contacts: ContactRepository
    deals: DealRepository
    lead_history: LeadHistoryRepository

    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: object) -> None: ...
    def emit(self, event: DomainEvent) -> None: ...
    async def commit(self) -> None: ...
