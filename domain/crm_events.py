"""CRM events: contacts, deals and lead conversion (facts in the past tense, written to the outbox)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.contacts import Contact
from domain.deals import Deal, DealStage
from domain.events import DomainEvent


@dataclass(frozen=True, kw_only=True)
class ContactCreated(DomainEvent):
    event_type: ClassVar[str] = "contact.created"
    aggregate_type: ClassVar[str] = "contact"
    aggregate_field: ClassVar[str] = "contact"
    contact: Contact


@dataclass(frozen=True, kw_only=True)
class ContactUpdated(DomainEvent):
    event_type: ClassVar[str] = "contact.updated"
    aggregate_type: ClassVar[str] = "contact"
    aggregate_field: ClassVar[str] = "contact"
    contact: Contact
    changed_fields: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ContactDeleted(DomainEvent):
    event_type: ClassVar[str] = "contact.deleted"
    aggregate_type: ClassVar[str] = "contact"
    aggregate_field: ClassVar[str] = "contact_id"
    contact_id: uuid.UUID
    email: str
    detached_deal_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True, kw_only=True)
class DealCreated(DomainEvent):
    event_type: ClassVar[str] = "deal.created"
    aggregate_type: ClassVar[str] = "deal"
    aggregate_field: ClassVar[str] = "deal"
    deal: Deal


@dataclass(frozen=True, kw_only=True)
class DealUpdated(DomainEvent):
    event_type: ClassVar[str] = "deal.updated"
    aggregate_type: ClassVar[str] = "deal"
    aggregate_field: ClassVar[str] = "deal"
    deal: Deal
    changed_fields: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class DealStageChanged(DomainEvent):
    event_type: ClassVar[str] = "deal.stage_changed"
    aggregate_type: ClassVar[str] = "deal"
    aggregate_field: ClassVar[str] = "deal"
    deal: Deal
    from_stage: DealStage
    changed_by: str
    changed_at: datetime
    reopened: bool


@dataclass(frozen=True, kw_only=True)
class DealDeleted(DomainEvent):
    event_type: ClassVar[str] = "deal.deleted"
    aggregate_type: ClassVar[str] = "deal"
    aggregate_field: ClassVar[str] = "deal_id"
    deal_id: uuid.UUID
    stage: DealStage


@dataclass(frozen=True, kw_only=True)
class LeadConverted(DomainEvent):
    event_type: ClassVar[str] = "lead.converted"
    aggregate_type: ClassVar[str] = "lead"
    aggregate_field: ClassVar[str] = "lead_id"
    lead_id: uuid.UUID
    contact_id: uuid.UUID
    contact_reused: bool
    deal_id: uuid.UUID | None
    score: float
    converted_at: datetime
