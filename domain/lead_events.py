"""Events of a lead's life: created, updated (with what changed and the score before), deleted. Its
conversion is a CRM event (domain/crm_events.py): it concerns the contact and deal it creates too."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.leads import Lead


@dataclass(frozen=True, kw_only=True)
class LeadCreated(DomainEvent):
    event_type: ClassVar[str] = "lead.created"
    aggregate_type: ClassVar[str] = "lead"
    aggregate_field: ClassVar[str] = "lead"
    lead: Lead


@dataclass(frozen=True, kw_only=True)
class LeadUpdated(DomainEvent):
    event_type: ClassVar[str] = "lead.updated"
    aggregate_type: ClassVar[str] = "lead"
    aggregate_field: ClassVar[str] = "lead"
    lead: Lead
    changed_fields: tuple[str, ...]
    previous_score: float


@dataclass(frozen=True, kw_only=True)
class LeadDeleted(DomainEvent):
    event_type: ClassVar[str] = "lead.deleted"
    aggregate_type: ClassVar[str] = "lead"
    aggregate_field: ClassVar[str] = "lead_id"
    lead_id: uuid.UUID
