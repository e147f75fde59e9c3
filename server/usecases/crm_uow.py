"""The unit of work as the CRM use cases see it: the lead, contact and deal repositories."""

from __future__ import annotations

from typing import Protocol, Self

from domain.events import DomainEvent
from storage.repositories.contacts import ContactRepository
from storage.repositories.deals import DealRepository
from storage.repositories.lead_history import LeadHistoryRepository
from storage.repositories.leads import LeadRepository


class CrmUnitOfWork(Protocol):
    leads: LeadRepository
    contacts: ContactRepository
    deals: DealRepository
    lead_history: LeadHistoryRepository

    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: object) -> None: ...
    def emit(self, event: DomainEvent) -> None: ...
    async def commit(self) -> None: ...
