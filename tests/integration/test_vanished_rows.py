"""A row deleted by a concurrent request between a use case's read and its write answers NOT_FOUND (the
taxonomy's NotFound), never an INTERNAL from a bare LookupError."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from domain.deals import DealPolicy
from domain.errors import NotFound
from domain.event_log import EncodedEvent
from engines.lead_scoring import LeadScoringPolicy
from server.contacts.usecases import ContactUseCases
from server.deals.usecases import DealUseCases
from server.leads.usecases import LeadUseCases
from storage.database import Database, open_database
from storage.migrations import upgrade_to_head
from storage.uow import SqlAlchemyUnitOfWork
from tests.unit.usecases import test_contacts, test_deals, test_leads

TENANT = 11


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}"
    await asyncio.to_thread(upgrade_to_head, url)
    db = open_database(url, pool_size=1)
    yield db
    await db.dispose()


def unit_of_work(db: Database):
    def factory(*, read_only: bool = False) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(
            db.transactions, serialize=lambda event: EncodedEvent("{}", b""), read_only=read_only
        )

    return factory


async def test_saving_a_lead_deleted_meanwhile_is_not_found(database):
    leads = LeadUseCases(unit_of_work(database), LeadScoringPolicy())
    lead = await leads.create(tenant_id=TENANT, draft=test_leads.a_draft(), request_id=None)
    await leads.delete(tenant_id=TENANT, lead_id=lead.id)
    with pytest.raises(NotFound):
        async with unit_of_work(database)() as uow:
            await uow.leads.save(lead)


async def test_saving_a_contact_deleted_meanwhile_is_not_found(database):
    contacts = ContactUseCases(unit_of_work(database))
    contact = await contacts.create(tenant_id=TENANT, draft=test_contacts.a_draft())
    await contacts.delete(tenant_id=TENANT, contact_id=contact.id)
    with pytest.raises(NotFound):
        async with unit_of_work(database)() as uow:
            await uow.contacts.save(contact)


async def test_saving_a_deal_deleted_meanwhile_is_not_found(database):
    deals = DealUseCases(unit_of_work(database), DealPolicy())
    deal = await deals.create(tenant_id=TENANT, draft=test_deals.a_draft(), actor="ada")
    await deals.delete(tenant_id=TENANT, deal_id=deal.id)
    with pytest.raises(NotFound):
        async with unit_of_work(database)() as uow:
            await uow.deals.save(deal)
