"""What the contact use cases need: the tenant's contacts and a unit of work holding them."""

from __future__ import annotations

import uuid
from typing import Protocol

from domain.contacts import Contact, ContactFilter
from domain.paging import Page, PageRequest
from server.unit_of_work import UnitOfWork


class ContactRepository(Protocol):
    async def add(self, contact: Contact) -> None: ...
    async def get(
        self, tenant_id: int, contact_id: uuid.UUID, *, for_update: bool = False
    ) -> Contact | None: ...
    async def get_by_email(self, tenant_id: int, email: str) -> Contact | None: ...
    async def list(self, tenant_id: int, criteria: ContactFilter, page: PageRequest) -> Page[Contact]: ...
    async def save(self, contact: Contact) -> None: ...
    async def delete(self, tenant_id: int, contact_id: uuid.UUID) -> bool: ...
    async def detach_deals(self, tenant_id: int, contact_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
        """Clear the contact from its deals; the ids of the deals it was cleared from."""
        ...


class ContactUnitOfWork(UnitOfWork, Protocol):
    @property
    def contacts(self) -> ContactRepository: ...
