"""How one Kafka batch's results are judged: order per aggregate is never broken, and records Kafka will
never accept leave the queue instead of blocking it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError

from server.events.kafka_sink import AioKafkaEventSink, PublishOutcome, cloudevent_headers
from storage.outbox.repository import OutboxRecord


def record(seq: int, aggregate: str) -> OutboxRecord:
    return OutboxRecord(
        seq=seq,
        id=uuid.uuid4(),
        tenant_id=3,
        aggregate_type="lead",
        aggregate_id=aggregate,
        event_type="lead.updated",
        payload="{}",
        occurred_at=datetime(2026, 1, 1, tzinfo=UTC),
        published_at=None,
        attempts=0,
    )


def judge(records, results) -> PublishOutcome:
    outcome = PublishOutcome()
    AioKafkaEventSink._judge(records, results, outcome)
    return outcome


def test_a_failed_event_holds_back_the_later_events_of_its_aggregate_only():
    records = [record(1, "a"), record(2, "b"), record(3, "a"), record(4, "b")]
    outcome = judge(records, [KafkaTimeoutError(), None, None, None])
    assert outcome.failed == [1, 3]
    assert outcome.published == [2, 4]
    assert outcome.error and "KafkaTimeoutError" in outcome.error


def test_a_record_kafka_refuses_for_good_is_set_aside_not_retried():
    outcome = judge([record(1, "a"), record(2, "a")], [MessageSizeTooLargeError(), None])
    assert outcome.undeliverable == [1]
    assert outcome.published == [2]
    assert outcome.failed == []


def test_cloudevents_headers_carry_id_type_subject_source_and_time():
    r = record(7, "agg-1")
    headers = dict(cloudevent_headers(r))
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == str(r.id).encode()
    assert headers["ce_type"] == b"lead.updated"
    assert headers["ce_subject"] == b"agg-1"
    assert headers["ce_source"] == b"/crm/v2/tenants/3"
    assert headers["ce_time"] == b"2026-01-01T00:00:00Z"
    assert headers["content-type"] == b"application/json"


def test_a_traced_event_carries_its_traceparent_and_an_untraced_one_none():
    import dataclasses

    traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    traced = dict(cloudevent_headers(dataclasses.replace(record(1, "agg-1"), traceparent=traceparent)))
    assert traced["ce_traceparent"] == traced["traceparent"] == traceparent.encode()
    assert "traceparent" not in dict(cloudevent_headers(record(2, "agg-1")))
