"""The contact use cases, on in-memory fakes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.contacts import ContactChanges, ContactDraft, ContactFilter
from domain.crm_events import ContactCreated, ContactDeleted, ContactUpdated
from domain.deals import DealDraft, DealPolicy
from domain.errors import AlreadyExists, NotFound
from domain.ids import new_id
from domain.money import Money
from domain.paging import PageRequest
from server.contacts.usecases import ContactUseCases
from server.deals.usecases import new_deal
from tests.unit.usecases.fakes_crm import FakeCrmUnitOfWork

TENANT = 7

OTHER_TENANT = 8


def a_draft(**overrides: object) -> ContactDraft:
    values: dict[str, object] = {
        "first_name": "Grace",
        "last_name": "Hopper",
        "email": "grace@navy.example",
        "company": "US Navy",
    }
    return ContactDraft(**{**values, **overrides})  # type: ignore[arg-type]


async def test_a_new_contact_is_stored_with_its_email_in_lower_case_and_announced():
    uow = FakeCrmUnitOfWork()
    contact = await ContactUseCases(uow.factory).create(
        tenant_id=TENANT, draft=a_draft(email="Grace@Navy.example")
    )
    assert contact.email == "grace@navy.example"
    assert await uow.contacts.get(TENANT, contact.id) == contact
    [created] = uow.events
    assert isinstance(created, ContactCreated) and created.contact == contact


async def test_a_second_contact_with_a_taken_email_is_refused_naming_the_holder():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    holder = await contacts.create(tenant_id=TENANT, draft=a_draft())
    with pytest.raises(AlreadyExists) as caught:
        await contacts.create(tenant_id=TENANT, draft=a_draft(first_name="Other"))
    assert caught.value.reason == "CONTACT_EMAIL_EXISTS"
    assert caught.value.metadata == {"contact_id": str(holder.id), "email": "grace@navy.example"}
    assert uow.contacts.of_tenant(TENANT) == [holder]
    assert len(uow.events) == 1


async def test_the_same_email_is_free_in_another_tenant():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    await contacts.create(tenant_id=TENANT, draft=a_draft())
    elsewhere = await contacts.create(tenant_id=OTHER_TENANT, draft=a_draft())
    assert uow.contacts.of_tenant(OTHER_TENANT) == [elsewhere]


async def test_getting_a_missing_contact_is_not_found():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    contact = await contacts.create(tenant_id=TENANT, draft=a_draft())
    for tenant_id, contact_id in ((OTHER_TENANT, contact.id), (TENANT, new_id())):
        with pytest.raises(NotFound) as caught:
            await contacts.get(tenant_id=tenant_id, contact_id=contact_id)
        assert caught.value.reason == "CONTACT_NOT_FOUND"


async def test_an_update_changes_the_named_fields_and_reports_them():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    contact = await contacts.create(tenant_id=TENANT, draft=a_draft())
    changes = ContactChanges({"owner": "ada", "tags": ("vip",), "company": "US Navy"})
    updated = await contacts.update(tenant_id=TENANT, contact_id=contact.id, changes=changes)
    assert (updated.owner, updated.tags, updated.company) == ("ada", ("vip",), "US Navy")
    assert await uow.contacts.get(TENANT, contact.id) == updated
    event = uow.events[-1]
    assert isinstance(event, ContactUpdated) and event.changed_fields == ("owner", "tags")


async def test_an_update_that_changes_nothing_writes_nothing_and_announces_nothing():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    contact = await contacts.create(tenant_id=TENANT, draft=a_draft())
    commits = uow.commits
    same = await contacts.update(
        tenant_id=TENANT, contact_id=contact.id, changes=ContactChanges({"company": "US Navy"})
    )
    assert same == contact
    assert (uow.commits, len(uow.events)) == (commits, 1)


async def test_an_update_to_another_contacts_email_is_refused_and_changes_nothing():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    holder = await contacts.create(tenant_id=TENANT, draft=a_draft())
    other = await contacts.create(tenant_id=TENANT, draft=a_draft(email="ada@example.com"))
    with pytest.raises(AlreadyExists) as caught:
        await contacts.update(
            tenant_id=TENANT,
            contact_id=other.id,
            changes=ContactChanges({"email": "grace@navy.example", "owner": "x"}),
        )
    assert caught.value.metadata["contact_id"] == str(holder.id)
    assert await uow.contacts.get(TENANT, other.id) == other


async def test_updating_a_missing_contact_is_not_found():
    uow = FakeCrmUnitOfWork()
    with pytest.raises(NotFound):
        await ContactUseCases(uow.factory).update(
            tenant_id=TENANT, contact_id=new_id(), changes=ContactChanges({"owner": "x"})
        )
    assert not uow.committed


async def test_deleting_a_contact_clears_it_from_its_deals_in_the_same_transaction():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    contact = await contacts.create(tenant_id=TENANT, draft=a_draft())
    draft = DealDraft(title="Compiler", amount=Money(Decimal("10.00")), contact_id=contact.id)
    deal = new_deal(TENANT, draft, actor="ada", policy=DealPolicy())
    unrelated = new_deal(
        TENANT, DealDraft(title="Other", amount=Money(Decimal("1.00"))), actor="ada", policy=DealPolicy()
    )
    await uow.deals.add(deal)
    await uow.deals.add(unrelated)
    await contacts.delete(tenant_id=TENANT, contact_id=contact.id)
    assert await uow.contacts.get(TENANT, contact.id) is None
    kept = await uow.deals.get(TENANT, deal.id)
    assert kept is not None and kept.contact_id is None
    deleted = uow.events[-1]
    assert isinstance(deleted, ContactDeleted)
    assert (deleted.contact_id, deleted.email, deleted.detached_deal_ids) == (
        contact.id,
        "grace@navy.example",
        (deal.id,),
    )


async def test_deleting_a_missing_contact_is_not_found_and_announces_nothing():
    uow = FakeCrmUnitOfWork()
    with pytest.raises(NotFound):
        await ContactUseCases(uow.factory).delete(tenant_id=TENANT, contact_id=new_id())
    assert uow.events == []


async def test_the_list_finds_contacts_by_part_of_their_name_any_case():
    uow = FakeCrmUnitOfWork()
    contacts = ContactUseCases(uow.factory)
    grace = await contacts.create(tenant_id=TENANT, draft=a_draft())
    await contacts.create(
        tenant_id=TENANT, draft=a_draft(first_name="Ada", last_name="King", email="a@x.example")
    )
    page = await contacts.list(
        tenant_id=TENANT, criteria=ContactFilter(query="e HOP"), page=PageRequest(size=10)
    )
    assert (page.items, page.total_size) == ([grace], 1)
