"""ContactService through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from google.protobuf import field_mask_pb2
from google.type import postal_address_pb2

from crm.v2 import contact_service_pb2 as pb
from crm.v2 import deal_service_pb2, event_service_pb2, events_pb2
from tests.integration.conftest_crm import a_contact, a_deal, event_types
from tests.support.status import error_info, field_violations


async def create(contacts, tenant_id: int, **overrides: object) -> pb.Contact:
    return await contacts.CreateContact(
        pb.CreateContactRequest(tenant_id=tenant_id, contact=a_contact(**overrides))
    )


async def total(contacts, tenant_id: int, **filters: object) -> int:
    return (await contacts.ListContacts(pb.ListContactsRequest(tenant_id=tenant_id, **filters))).total_size


async def test_a_created_contact_is_stored_with_a_lower_cased_email(contacts, tenant_id):
    address = postal_address_pb2.PostalAddress(
        region_code="us", locality="Arlington", address_lines=["1 Navy Way"]
    )
    contact = await create(contacts, tenant_id, email="Grace@Navy.Example", address=address)

    assert uuid.UUID(contact.id).version == 7
    assert contact.tenant_id == tenant_id
    assert contact.email == "grace@navy.example"
    assert contact.address.region_code == "US" and list(contact.address.address_lines) == ["1 Navy Way"]
    assert contact.source_lead_id == ""
    assert contact.create_time == contact.update_time
    fetched = await contacts.GetContact(pb.GetContactRequest(tenant_id=tenant_id, contact_id=contact.id))
    assert fetched == contact


async def test_an_email_is_unique_per_tenant_whatever_its_case(contacts, events, tenant_id):
    first = await create(contacts, tenant_id, email="dup@corp.example")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(contacts, tenant_id, email="DUP@corp.example", first_name="Other")
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    info = error_info(caught.value)
    assert info.reason == "CONTACT_EMAIL_EXISTS" and info.metadata["contact_id"] == first.id
    assert await total(contacts, tenant_id) == 1
    assert await event_types(events, tenant_id) == ["contact.created"]
    # Another tenant may use the same address.
    assert (await create(contacts, tenant_id + 1, email="dup@corp.example")).tenant_id == tenant_id + 1


async def test_concurrent_creates_with_one_email_create_one_contact(contacts, tenant_id):
    results = await asyncio.gather(
        *(create(contacts, tenant_id, email="race@corp.example") for _ in range(6)), return_exceptions=True
    )
    created = [r for r in results if isinstance(r, pb.Contact)]
    refused = [r for r in results if isinstance(r, grpc.aio.AioRpcError)]
    assert len(created) == 1
    assert {e.code() for e in refused} == {grpc.StatusCode.ALREADY_EXISTS}
    assert {error_info(e).metadata["contact_id"] for e in refused} == {created[0].id}
    assert await total(contacts, tenant_id) == 1


@pytest.mark.parametrize(
    ("contact", "field"),
    [
        (a_contact(email="not-an-email"), "contact.email"),
        (a_contact(email=""), "contact.email"),
        (a_contact(first_name=""), "contact.first_name"),
        (a_contact(last_name="x" * 101), "contact.last_name"),
        (a_contact(phone="call me"), "contact.phone"),
        (a_contact(tags=["dup", "dup"]), "contact.tags"),
        (a_contact(notes="n" * 5001), "contact.notes"),
        (a_contact(owner="o" * 201), "contact.owner"),
        (
            a_contact(address=postal_address_pb2.PostalAddress(locality="Nowhere")),
            "contact.address.region_code",
        ),
    ],
)
async def test_invalid_contacts_are_rejected_with_details_and_nothing_is_written(
    contacts, events, tenant_id, contact, field
):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await contacts.CreateContact(pb.CreateContactRequest(tenant_id=tenant_id, contact=contact))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await total(contacts, tenant_id) == 0
    assert await event_types(events, tenant_id) == []


async def test_every_violation_is_reported_at_once(contacts):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await contacts.CreateContact(pb.CreateContactRequest(tenant_id=0, contact=pb.Contact(email="bad")))
    assert {"tenant_id", "contact.email", "contact.first_name", "contact.last_name"} <= set(
        field_violations(caught.value)
    )


async def test_search_matches_names_email_and_company_in_any_case(contacts, tenant_id):
    ada = await create(
        contacts, tenant_id, first_name="Ada", last_name="Lovelace", company="Analytical", email="ada@a.io"
    )
    alan = await create(
        contacts, tenant_id, first_name="Alan", last_name="Turing", company="Bletchley", email="alan@b.io"
    )
    await create(contacts, tenant_id + 1, first_name="Ada", last_name="Other", email="ada@other.io")

    async def found(query: str) -> set[str]:
        page = await contacts.ListContacts(pb.ListContactsRequest(tenant_id=tenant_id, query=query))
        assert page.total_size == len(page.contacts)
        return {c.id for c in page.contacts}

    assert await found("ADA") == {ada.id}
    assert await found("ada lovelace") == {ada.id}
    assert await found("@b.io") == {alan.id}
    assert await found("bletch") == {alan.id}
    assert await found("a") == {ada.id, alan.id}
    assert await found("100%_") == set()  # LIKE wildcards are matched literally


async def test_list_filters_by_owner_company_and_tag(contacts, tenant_id):
    one = await create(contacts, tenant_id, owner="bob", company="Acme", tags=["vip", "emea"])
    await create(contacts, tenant_id, owner="carol", company="acme", tags=["emea"])
    await create(contacts, tenant_id, owner="bob", company="Other", tags=[])

    assert await total(contacts, tenant_id, owner="bob") == 2
    assert await total(contacts, tenant_id, company="ACME") == 2
    assert await total(contacts, tenant_id, tag="emea") == 2
    vip = await contacts.ListContacts(pb.ListContactsRequest(tenant_id=tenant_id, tag="vip", owner="bob"))
    assert [c.id for c in vip.contacts] == [one.id]
    assert await total(contacts, tenant_id, tag="em") == 0  # a tag matches whole, not as a substring


async def test_list_pages_through_every_contact_once_newest_first(contacts, tenant_id):
    created = [await create(contacts, tenant_id) for _ in range(5)]
    seen: list[str] = []
    token = ""
    while True:
        page = await contacts.ListContacts(
            pb.ListContactsRequest(tenant_id=tenant_id, page_size=2, page_token=token)
        )
        assert page.total_size == 5
        seen.extend(c.id for c in page.contacts)
        token = page.next_page_token
        if not token:
            break
    assert seen == [c.id for c in reversed(created)]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        first = await contacts.ListContacts(pb.ListContactsRequest(tenant_id=tenant_id, page_size=2))
        await contacts.ListContacts(
            pb.ListContactsRequest(
                tenant_id=tenant_id, page_size=2, page_token=first.next_page_token, query="x"
            )
        )
    assert "page_token" in field_violations(caught.value)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await contacts.ListContacts(pb.ListContactsRequest(tenant_id=tenant_id, page_size=-1))
    assert "page_size" in field_violations(caught.value)


async def test_update_changes_only_masked_fields_and_records_what_changed(contacts, events, tenant_id):
    contact = await create(contacts, tenant_id)
    updated = await contacts.UpdateContact(
        pb.UpdateContactRequest(
            tenant_id=tenant_id,
            contact=pb.Contact(
                id=contact.id, company="Remington Rand", first_name="Ignored", email="NEW@x.io"
            ),
            update_mask=field_mask_pb2.FieldMask(paths=["company", "email"]),
        )
    )
    assert updated.company == "Remington Rand" and updated.email == "new@x.io"
    assert updated.first_name == contact.first_name
    assert updated.update_time.ToDatetime() > contact.update_time.ToDatetime()
    listed = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=["contact.updated"])
    )
    payload = events_pb2.ContactUpdated()
    assert listed.events[0].data.Unpack(payload)
    assert list(payload.changed_fields) == ["company", "email"]


async def test_updating_to_another_contacts_email_is_refused_and_changes_nothing(contacts, tenant_id):
    taken = await create(contacts, tenant_id, email="taken@x.io")
    contact = await create(contacts, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await contacts.UpdateContact(
            pb.UpdateContactRequest(
                tenant_id=tenant_id,
                contact=pb.Contact(id=contact.id, email="Taken@x.io"),
                update_mask=field_mask_pb2.FieldMask(paths=["email"]),
            )
        )
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert error_info(caught.value).metadata["contact_id"] == taken.id
    assert (
        await contacts.GetContact(pb.GetContactRequest(tenant_id=tenant_id, contact_id=contact.id)) == contact
    )


@pytest.mark.parametrize(
    ("mask", "fields", "field"),
    [
        (["source_lead_id"], {}, "update_mask"),
        (["create_time"], {}, "update_mask"),
        (["email"], {"email": "broken@"}, "contact.email"),
        (["first_name"], {"first_name": ""}, "contact.first_name"),
        ([], {}, "update_mask"),
    ],
)
async def test_bad_updates_are_rejected_and_change_nothing(contacts, tenant_id, mask, fields, field):
    contact = await create(contacts, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await contacts.UpdateContact(
            pb.UpdateContactRequest(
                tenant_id=tenant_id,
                contact=pb.Contact(id=contact.id, **fields),
                update_mask=field_mask_pb2.FieldMask(paths=mask),
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert (
        await contacts.GetContact(pb.GetContactRequest(tenant_id=tenant_id, contact_id=contact.id)) == contact
    )


async def test_a_contact_of_another_tenant_is_not_found(contacts, tenant_id):
    contact = await create(contacts, tenant_id)
    other = tenant_id + 1
    for call in (
        contacts.GetContact(pb.GetContactRequest(tenant_id=other, contact_id=contact.id)),
        contacts.DeleteContact(pb.DeleteContactRequest(tenant_id=other, contact_id=contact.id)),
        contacts.UpdateContact(
            pb.UpdateContactRequest(
                tenant_id=other,
                contact=pb.Contact(id=contact.id, notes="hijack"),
                update_mask=field_mask_pb2.FieldMask(paths=["notes"]),
            )
        ),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_info(caught.value).reason == "CONTACT_NOT_FOUND"
    assert (
        await contacts.GetContact(pb.GetContactRequest(tenant_id=tenant_id, contact_id=contact.id)) == contact
    )


async def test_delete_detaches_the_contacts_deals_and_says_which(contacts, deals, events, tenant_id):
    contact = await create(contacts, tenant_id)
    deal = await deals.CreateDeal(
        deal_service_pb2.CreateDealRequest(tenant_id=tenant_id, deal=a_deal(contact_id=contact.id))
    )
    await contacts.DeleteContact(pb.DeleteContactRequest(tenant_id=tenant_id, contact_id=contact.id))

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await contacts.GetContact(pb.GetContactRequest(tenant_id=tenant_id, contact_id=contact.id))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    kept = await deals.GetDeal(deal_service_pb2.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id))
    assert kept.contact_id == ""
    listed = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=["contact.deleted"])
    )
    payload = events_pb2.ContactDeleted()
    assert listed.events[0].data.Unpack(payload)
    assert payload.contact_id == contact.id and payload.email == contact.email
    assert list(payload.detached_deal_ids) == [deal.id]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await contacts.DeleteContact(pb.DeleteContactRequest(tenant_id=tenant_id, contact_id=contact.id))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_a_created_contact_is_recorded_as_an_event_with_its_payload(contacts, events, tenant_id):
    contact = await create(contacts, tenant_id)
    listed = await events.ListEvents(event_service_pb2.ListEventsRequest(tenant_id=tenant_id))
    assert [e.type for e in listed.events] == ["contact.created"]
    assert listed.events[0].aggregate_type == "contact" and listed.events[0].aggregate_id == contact.id
    payload = events_pb2.ContactCreated()
    assert listed.events[0].data.Unpack(payload)
    assert payload.contact == contact and payload.source_lead_id == ""
