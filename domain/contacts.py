"""Contacts: the people a tenant does business with."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from domain.addresses import PostalAddress

# The fields a caller may set; also the paths an update mask may name.
CONTACT_MUTABLE_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "company",
    "job_title",
    "address",
    "notes",
    "tags",
    "owner",
)


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """What a caller supplies for a new contact; `email` is already lower-cased."""

    first_name: str
    last_name: str
    email: str
    phone: str = ""
    company: str = ""
    job_title: str = ""
    address: PostalAddress | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    owner: str = ""


@dataclass(frozen=True, slots=True)
class Contact:
    id: uuid.UUID
    tenant_id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    company: str
    job_title: str
    address: PostalAddress | None
    notes: str
    tags: tuple[str, ...]
    owner: str
    created_at: datetime
    updated_at: datetime
    source_lead_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class ContactChanges:
    """New values for the named fields of a contact (an update mask already applied)."""

    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ContactFilter:
    """`query` matches names, email and company (substring, any case); `company` matches exactly, any case."""

    query: str = ""
    owner: str = ""
    company: str = ""
    tag: str = ""
