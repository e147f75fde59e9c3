"""Human-readable text for crmctl: leads, health, events and errors."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC
from typing import Protocol

from google.protobuf import duration_pb2, json_format, timestamp_pb2
from google.protobuf.message import Message

from clients.errors import ErrorDetails
from clients.events import unpack_event_data
from clients.parsing import enum_label
from clients.tables import format_pairs, format_table
from crm.v2 import event_service_pb2, lead_service_pb2, system_service_pb2

LEAD_COLUMNS = ("ID", "NAME", "EMAIL", "COMPANY", "STATUS", "SOURCE", "PRIORITY", "SCORE")
FACTOR_COLUMNS = ("FACTOR", "WEIGHT", "VALUE", "CONTRIBUTION", "EXPLANATION")


class Page(Protocol):
    """A list response: one page of a longer listing."""

    @property
    def total_size(self) -> int: ...
    @property
    def next_page_token(self) -> str: ...


def page_footer(page: Page, shown: int, noun: str) -> str:
    """`3 of 10 leads` on a line of its own, plus the flag that fetches the next page if there is one."""
    footer = f"\n{shown} of {page.total_size} {noun}"
    if page.next_page_token:
        footer += f"; next page: --page-token {page.next_page_token}"
    return footer


def page_table(columns: Sequence[str], rows: Sequence[Sequence[object]], page: Page, noun: str) -> str:
    """The rows of one page as a table, then its footer."""
    return format_table(columns, rows, max_width=None) + page_footer(page, len(rows), noun)


def to_json(message: Message, *, compact: bool = False) -> str:
    """Proto3 JSON of a message (lowerCamelCase names, enums by name)."""
    if compact:
        return json.dumps(json_format.MessageToDict(message), separators=(",", ":"), ensure_ascii=False)
    return json_format.MessageToJson(message, indent=2, ensure_ascii=False)


def format_time(stamp: timestamp_pb2.Timestamp) -> str:
    """`2025-01-31 12:00:00Z` for a set timestamp, empty for the zero value."""
    if not stamp.seconds and not stamp.nanos:
        return ""
    return stamp.ToDatetime(tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def format_span(duration: duration_pb2.Duration) -> str:
    """A coarse human duration: `2d 3h 4m 5s`, or milliseconds under a second."""
    seconds = duration.ToTimedelta().total_seconds()
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    whole = int(seconds)
    parts = [
        (whole // 86400, "d"),
        (whole % 86400 // 3600, "h"),
        (whole % 3600 // 60, "m"),
        (whole % 60, "s"),
    ]
    shown = [f"{n}{unit}" for n, unit in parts if n]
    return " ".join(shown) or "0s"


def _lead_row(lead: lead_service_pb2.Lead) -> list[object]:
    return [
        lead.id,
        f"{lead.first_name} {lead.last_name}".strip(),
        lead.email,
        lead.company,
        enum_label(lead_service_pb2.LeadStatus, lead.status),
        enum_label(lead_service_pb2.LeadSource, lead.source),
        enum_label(lead_service_pb2.LeadPriority, lead.priority),
        round(lead.score, 1),
    ]


def leads_table(leads: Iterable[lead_service_pb2.Lead]) -> str:
    """The leads as a table: id, name, email, company, status, source, priority, score."""
    return format_table(LEAD_COLUMNS, [_lead_row(lead) for lead in leads], max_width=None)


def lead_detail(lead: lead_service_pb2.Lead) -> str:
    """Every field of one lead, then its score factors as a table."""
    pairs: list[tuple[str, object]] = [
        ("id", lead.id),
        ("name", f"{lead.first_name} {lead.last_name}"),
        ("email", lead.email),
        ("phone", lead.phone),
        ("company", lead.company),
        ("job title", lead.job_title),
        ("status", enum_label(lead_service_pb2.LeadStatus, lead.status)),
        ("source", enum_label(lead_service_pb2.LeadSource, lead.source)),
        ("priority", enum_label(lead_service_pb2.LeadPriority, lead.priority)),
        ("score", f"{lead.score:.2f}"),
        ("tags", ", ".join(lead.tags)),
        ("assigned to", lead.assigned_to),
        ("notes", lead.notes),
        ("created", format_time(lead.create_time)),
        ("updated", format_time(lead.update_time)),
    ]
    if lead.converted_contact_id:
        pairs.append(
            ("converted", f"contact {lead.converted_contact_id} deal {lead.converted_deal_id or '-'}")
        )
    factors = [[f.name, f.weight, f.value, f.contribution, f.explanation] for f in lead.score_factors]
    return format_pairs(pairs) + "\n\n" + format_table(FACTOR_COLUMNS, factors, max_width=None)


def _state(number: int) -> str:
    return enum_label(system_service_pb2.HealthState, number).upper()


def _health_pairs(health: system_service_pb2.GetHealthResponse) -> list[tuple[str, object]]:
    db, kafka, counts = health.database, health.kafka, health.tenant_counts
    database = (
        f"{_state(db.state)}  {db.backend}  latency {format_span(db.latency)}  revision {db.schema_revision}"
    )
    kafka_line = f"{_state(kafka.state)}  backlog {kafka.outbox_backlog}"
    if kafka.bootstrap_servers:
        kafka_line += f"  servers {kafka.bootstrap_servers}  leader {'yes' if kafka.relay_leader else 'no'}"
    if kafka.HasField("last_publish_time"):
        kafka_line += f"  last publish {format_time(kafka.last_publish_time)}"
    return [
        ("state", _state(health.state)),
        ("version", health.version),
        ("started", format_time(health.start_time)),
        ("uptime", format_span(health.uptime)),
        ("database", database + (f"  error: {db.error}" if db.error else "")),
        ("kafka", kafka_line + (f"  last error: {kafka.last_error}" if kafka.last_error else "")),
        ("features", "  ".join(_feature(f) for f in health.features) or "-"),
        (
            f"tenant {counts.tenant_id}",
            f"leads {counts.leads}  contacts {counts.contacts}  deals {counts.deals}"
            f"  products {counts.products}  suppliers {counts.suppliers}  orders {counts.orders}"
            f"  workflows {counts.workflows}  pending events {counts.pending_events}",
        ),
    ]


def _feature(feature: system_service_pb2.Feature) -> str:
    text = f"{feature.name}={'on' if feature.enabled else 'off'}"
    return f"{text}({feature.detail})" if feature.detail else text


def health_summary(health: system_service_pb2.GetHealthResponse) -> str:
    """State, version, uptime, database, Kafka, features, tenant counts, then the agents as a table."""
    agents = [
        [a.name, _state(a.state), a.endpoint or "-", format_span(a.latency) if a.endpoint else "-", a.error]
        for a in health.agents
    ]
    text = format_pairs(_health_pairs(health))
    if agents:
        text += "\n\n" + format_table(
            ("AGENT", "STATE", "ENDPOINT", "LATENCY", "ERROR"), agents, max_width=60
        )
    return text


def event_line(event: event_service_pb2.Event) -> str:
    """`time  type  aggregate-id  {compact JSON payload}` for one event."""
    payload = unpack_event_data(event)
    if payload is not None:
        body = to_json(payload, compact=True)
    else:
        body = json.dumps({"@type": event.data.type_url, "bytes": len(event.data.value)})
    return f"{format_time(event.occur_time)}  {event.type}  {event.aggregate_id}  {body}"


def events_table(events: Iterable[event_service_pb2.Event]) -> str:
    """Events as a table: time, type, aggregate, id."""
    rows = [[format_time(e.occur_time), e.type, e.aggregate_type, e.aggregate_id, e.id] for e in events]
    return format_table(("TIME", "TYPE", "AGGREGATE", "AGGREGATE ID", "EVENT ID"), rows, max_width=None)


def error_text(details: ErrorDetails) -> str:
    """`error: CODE: message`, then one line per field violation, the reason and the request id."""
    lines = [f"error: {details.code.name}: {details.message}"]
    lines += [f"  {field}: {description}" for field, description in details.field_violations]
    if details.reason:
        extra = " ".join(f"{k}={v}" for k, v in sorted(details.metadata.items()))
        lines.append(f"  reason: {details.reason}" + (f" ({extra})" if extra else ""))
    if details.request_id:
        lines.append(f"  request id: {details.request_id}")
    return "\n".join(lines)
