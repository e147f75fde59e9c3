"""ContactService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm.v2 import contact_service_pb2 as pb
from domain.contacts import CONTACT_MUTABLE_FIELDS, ContactChanges, ContactDraft, ContactFilter
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, mask_paths, masked_values

NAME_MAX = 100

TEXT_MAX = 200

NOTES_MAX = 5000


def create_command(request: pb.CreateContactRequest) -> ContactDraft:
    v = Violations.of(request)
    readers = _readers(v, request.contact)
    draft = ContactDraft(**{name: read() for name, read in readers.items()})
    v.raise_if_any()
    return draft


def update_command(request: pb.UpdateContactRequest) -> ContactChanges:
    v = Violations.of(request)
    paths = mask_paths(
        v,
        request.update_mask,
        allowed=CONTACT_MUTABLE_FIELDS,
        resource=request.contact,
        resource_field="contact",
    )
    values = masked_values(v, paths, _readers(v, request.contact))
    v.raise_if_any()
    return ContactChanges(values)


def list_query(request: pb.ListContactsRequest) -> ListQuery[ContactFilter]:
    v = Violations.of(request)
    criteria = ContactFilter(
        query=v.text("query", request.query, max_length=TEXT_MAX),
        owner=v.text("owner", request.owner, max_length=TEXT_MAX),
        company=v.text("company", request.company, max_length=TEXT_MAX),
        tag=v.text("tag", request.tag, max_length=50),
    )
    return page_query(v, request, criteria, scope=("contacts",))


def _readers(v: Violations, contact: pb.Contact) -> dict[str, Callable[[], Any]]:
    """Per field, the reader of its validated value (of the field's own type)."""
    return {
        "first_name": lambda: v.text(
            "contact.first_name", contact.first_name, max_length=NAME_MAX, required=True
        ),
        "last_name": lambda: v.text(
            "contact.last_name", contact.last_name, max_length=NAME_MAX, required=True
        ),
        "email": lambda: v.email("contact.email", contact.email, required=True).lower(),
        "phone": lambda: v.phone("contact.phone", contact.phone),
        "company": lambda: v.text("contact.company", contact.company, max_length=TEXT_MAX),
        "job_title": lambda: v.text("contact.job_title", contact.job_title, max_length=TEXT_MAX),
        "address": lambda: (
            v.postal_address("contact.address", contact.address, lines_required=False)
            if contact.HasField("address")
            else None
        ),
        "notes": lambda: v.text("contact.notes", contact.notes, max_length=NOTES_MAX, strip=False),
        "tags": lambda: v.tags("contact.tags", contact.tags),
        "owner": lambda: v.text("contact.owner", contact.owner, max_length=TEXT_MAX),
    }
