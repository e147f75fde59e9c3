"""What the async and sync clients share: call options and request builders (no I/O here)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from google.protobuf import field_mask_pb2, timestamp_pb2

from crm.v2 import event_service_pb2, lead_service_pb2

# The server's idempotency keys hold at most 100 characters; a uuid4 hex takes 32 of them.
_MAX_PREFIX = 100 - 32
REQUEST_ID_HEADER = "x-request-id"


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Per-client settings applied to every call."""

    tenant_id: int
    timeout: float = 10.0
    retries: int = 3
    token: str | None = None
    request_id_prefix: str = ""

    def __post_init__(self) -> None:
        if self.tenant_id <= 0:
            raise ValueError(f"tenant_id must be > 0, got {self.tenant_id}")
        if self.timeout <= 0:
            raise ValueError(f"timeout must be > 0, got {self.timeout}")
        if len(self.request_id_prefix) > _MAX_PREFIX:
            raise ValueError(f"request_id_prefix is longer than {_MAX_PREFIX} characters")

    @property
    def attempts(self) -> int:
        """Number of tries per call; at least one."""
        return max(1, self.retries)

    def new_request_id(self) -> str:
        """A fresh request id: the configured prefix plus a random uuid."""
        return f"{self.request_id_prefix}{uuid.uuid4().hex}"

    def metadata(self, request_id: str) -> tuple[tuple[str, str], ...]:
        """Call metadata: bearer token (when set) and the request id."""
        pairs = [(REQUEST_ID_HEADER, request_id)]
        if self.token:
            pairs.append(("authorization", f"Bearer {self.token}"))
        return tuple(pairs)


def timestamp(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    """A protobuf Timestamp for an aware datetime (naive means UTC); None stays None."""
    if value is None:
        return None
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value)
    return stamp


def list_leads_request(
    tenant_id: int,
    *,
    status: int = 0,
    source: int = 0,
    assigned_to: str = "",
    page_size: int = 0,
    page_token: str = "",
) -> lead_service_pb2.ListLeadsRequest:
    """Build a ListLeadsRequest; zero values mean "no filter" / server default."""
    return lead_service_pb2.ListLeadsRequest(
        tenant_id=tenant_id,
        status=status,  # type: ignore[arg-type]
        source=source,  # type: ignore[arg-type]
        assigned_to=assigned_to,
        page_size=page_size,
        page_token=page_token,
    )


def update_lead_request(
    tenant_id: int, lead: lead_service_pb2.Lead, update_mask: Sequence[str]
) -> lead_service_pb2.UpdateLeadRequest:
    """Build an UpdateLeadRequest with a FieldMask of the given paths."""
    return lead_service_pb2.UpdateLeadRequest(
        tenant_id=tenant_id, lead=lead, update_mask=field_mask_pb2.FieldMask(paths=list(update_mask))
    )


def list_events_request(
    tenant_id: int,
    *,
    types: Sequence[str] = (),
    aggregate_id: str | None = None,
    start_time: datetime | None = None,
    end_time: datetime | None = None,
    page_size: int = 0,
    page_token: str = "",
) -> event_service_pb2.ListEventsRequest:
    """Build a ListEventsRequest; unset times leave the range open."""
    return event_service_pb2.ListEventsRequest(
        tenant_id=tenant_id,
        types=list(types),
        aggregate_id=aggregate_id or "",
        start_time=timestamp(start_time),
        end_time=timestamp(end_time),
        page_size=page_size,
        page_token=page_token,
    )


def watch_events_request(
    tenant_id: int, *, types: Sequence[str] = (), start_time: datetime | None = None
) -> event_service_pb2.WatchEventsRequest:
    """Build a WatchEventsRequest; no start time means "only new events"."""
    return event_service_pb2.WatchEventsRequest(
        tenant_id=tenant_id, types=list(types), start_time=timestamp(start_time)
    )
