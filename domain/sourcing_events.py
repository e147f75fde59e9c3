"""Sourcing events (topic <prefix>sourcing, key = candidate id)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.sourcing import Candidate


@dataclass(frozen=True, kw_only=True)
class CandidateAdded(DomainEvent):
    event_type: ClassVar[str] = "sourcing.candidate_added"
    aggregate_type: ClassVar[str] = "sourcing_candidate"
    aggregate_field: ClassVar[str] = "candidate"
    candidate: Candidate


@dataclass(frozen=True, kw_only=True)
class CandidateImported(DomainEvent):
    event_type: ClassVar[str] = "sourcing.candidate_imported"
    aggregate_type: ClassVar[str] = "sourcing_candidate"
    aggregate_field: ClassVar[str] = "candidate"
    candidate: Candidate
    product_id: uuid.UUID
    sku: str


@dataclass(frozen=True, kw_only=True)
class CandidateRejected(DomainEvent):
    event_type: ClassVar[str] = "sourcing.candidate_rejected"
    aggregate_type: ClassVar[str] = "sourcing_candidate"
    aggregate_field: ClassVar[str] = "candidate"
    candidate: Candidate
