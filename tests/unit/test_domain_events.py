"""Every event names its aggregate: the outbox orders events by that key and Kafka partitions by it."""

from __future__ import annotations

import dataclasses

import pytest

import domain.catalog_events
import domain.crm_events
import domain.intelligence_events
import domain.lead_events
import domain.order_events
from domain.events import DomainEvent

EVENT_MODULES = (
    domain.catalog_events,
    domain.crm_events,
    domain.intelligence_events,
    domain.lead_events,
    domain.order_events,
)
EVENT_CLASSES = [
    cls
    for module in EVENT_MODULES
    for cls in vars(module).values()
    if isinstance(cls, type) and issubclass(cls, DomainEvent) and cls.__module__ == module.__name__
]


@pytest.mark.parametrize("event_class", EVENT_CLASSES, ids=lambda cls: cls.__name__)
def test_event_keys_by_one_of_its_fields_or_its_own_aggregate_id(event_class: type[DomainEvent]) -> None:
    if event_class.aggregate_id is not DomainEvent.aggregate_id:
        return
    field_names = {f.name for f in dataclasses.fields(event_class)}
    assert getattr(event_class, "aggregate_field", None) in field_names
