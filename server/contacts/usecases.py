"""Contact use cases: create with a tenant-unique email, masked update, delete detaching deals."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from domain.clock import utcnow
from domain.contacts import Contact, ContactChanges, ContactDraft, ContactFilter
from domain.crm_events import ContactCreated, ContactDeleted, ContactUpdated
from domain.errors import AlreadyExists, UniqueViolation
from domain.ids import new_id
from domain.paging import Page, PageRequest
from server.contacts.ports import ContactUnitOfWork
from server.resources import existing, with_changes


class ContactUseCases:
    def __init__(self, uow: Callable[..., ContactUnitOfWork]) -> None:
        self._uow = uow

    async def create(self, *, tenant_id: int, draft: ContactDraft) -> Contact:
        """Store a new contact; ALREADY_EXISTS (CONTACT_EMAIL_EXISTS) when the email is taken."""
        try:
            async with self._uow() as uow:
                await _refuse_taken_email(uow, tenant_id, draft.email)
                contact = new_contact(tenant_id, draft)
                await uow.contacts.add(contact)
                uow.emit(ContactCreated(tenant_id=tenant_id, contact=contact))
                await uow.commit()
                return contact
        except UniqueViolation:
            # A concurrent create with the same email committed between our check and our insert.
            await self._raise_email_taken(tenant_id, draft.email)
            raise

    async def get(self, *, tenant_id: int, contact_id: uuid.UUID) -> Contact:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.contacts, "contact", tenant_id, contact_id)

    async def list(self, *, tenant_id: int, criteria: ContactFilter, page: PageRequest) -> Page[Contact]:
        async with self._uow(read_only=True) as uow:
            return await uow.contacts.list(tenant_id, criteria, page)

    async def update(self, *, tenant_id: int, contact_id: uuid.UUID, changes: ContactChanges) -> Contact:
        """Apply the changes; no change, no write and no event."""
        try:
            async with self._uow() as uow:
                contact = await existing(uow.contacts, "contact", tenant_id, contact_id, for_update=True)
                updated, changed = with_changes(contact, changes.values, updated_at=utcnow())
                if not changed:
                    return contact
                changed.sort()
                if "email" in changed:
                    await _refuse_taken_email(
                        uow, tenant_id, str(changes.values["email"]), owner_id=contact_id
                    )
                await uow.contacts.save(updated)
                uow.emit(ContactUpdated(tenant_id=tenant_id, contact=updated, changed_fields=tuple(changed)))
                await uow.commit()
                return updated
        except UniqueViolation:
            await self._raise_email_taken(tenant_id, str(changes.values.get("email", "")))
            raise

    async def delete(self, *, tenant_id: int, contact_id: uuid.UUID) -> None:
        """Delete the contact and clear it from its deals, in one transaction."""
        async with self._uow() as uow:
            contact = await existing(uow.contacts, "contact", tenant_id, contact_id, for_update=True)
            detached = await uow.contacts.detach_deals(tenant_id, contact_id)
            await uow.contacts.delete(tenant_id, contact_id)
            uow.emit(
                ContactDeleted(
                    tenant_id=tenant_id,
                    contact_id=contact_id,
                    email=contact.email,
                    detached_deal_ids=detached,
                )
            )
            await uow.commit()

    async def _raise_email_taken(self, tenant_id: int, email: str) -> None:
        async with self._uow(read_only=True) as uow:
            await _refuse_taken_email(uow, tenant_id, email)


def new_contact(tenant_id: int, draft: ContactDraft, *, source_lead_id: uuid.UUID | None = None) -> Contact:
    now = utcnow()
    return Contact(
        id=new_id(),
        tenant_id=tenant_id,
        first_name=draft.first_name,
        last_name=draft.last_name,
        email=draft.email.lower(),
        phone=draft.phone,
        company=draft.company,
        job_title=draft.job_title,
        address=draft.address,
        notes=draft.notes,
        tags=draft.tags,
        owner=draft.owner,
        source_lead_id=source_lead_id,
        created_at=now,
        updated_at=now,
    )


async def _refuse_taken_email(
    uow: ContactUnitOfWork, tenant_id: int, email: str, *, owner_id: uuid.UUID | None = None
) -> None:
    holder = await uow.contacts.get_by_email(tenant_id, email) if email else None
    if holder is not None and holder.id != owner_id:
        raise AlreadyExists(
            f"a contact with email {holder.email!r} already exists in this tenant; "
            "update that contact instead",
            reason="CONTACT_EMAIL_EXISTS",
            metadata={"contact_id": str(holder.id), "email": holder.email},
        )
