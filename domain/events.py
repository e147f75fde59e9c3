"""Domain events: facts in the past tense, recorded in the outbox with the change that caused them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from domain.clock import utcnow
from domain.ids import new_id


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """Base of all events; `event_type` is the public name (`lead.created`), `aggregate_type` its family."""

    event_type: ClassVar[str]
    aggregate_type: ClassVar[str]
    # The field that names the aggregate: the aggregate itself (`order`, whose `.id` is taken) or its id
    # (`order_id`). An event whose key lies deeper overrides `aggregate_id` instead.
    aggregate_field: ClassVar[str]

    tenant_id: int
    event_id: uuid.UUID = field(default_factory=new_id)
    occurred_at: datetime = field(default_factory=utcnow)

    @property
    def aggregate_id(self) -> str:
        """The outbox ordering key and the Kafka message key: one aggregate's events keep their order."""
        named = getattr(self, self.aggregate_field)
        return str(getattr(named, "id", named))
