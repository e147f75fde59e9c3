"""DealService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from crm.v2 import deal_service_pb2 as pb
from domain.clock import utcnow
from domain.deals import DEAL_MUTABLE_FIELDS, DealChanges, DealDraft, DealFilter, DealStage, PipelineQuery
from server.deals.proto import STAGE
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, mask_paths, masked_values

TITLE_MAX = 200

TEXT_MAX = 200

NOTES_MAX = 5000

CLOSE_REASON_MAX = 1000

DEFAULT_PERIOD = timedelta(days=30)


def create_command(request: pb.CreateDealRequest) -> tuple[DealDraft, str]:
    v = Violations.of(request)
    readers = _readers(v, request.deal)
    values = {name: read() for name, read in readers.items() if name != "stage"}
    values["stage"] = v.enum("deal.stage", STAGE, request.deal.stage, required=False) or DealStage.PROSPECTING
    actor = v.text("actor", request.actor, max_length=TEXT_MAX)
    v.raise_if_any()
    return DealDraft(**values), actor


def update_command(request: pb.UpdateDealRequest) -> tuple[DealChanges, str]:
    v = Violations.of(request)
    paths = mask_paths(
        v, request.update_mask, allowed=DEAL_MUTABLE_FIELDS, resource=request.deal, resource_field="deal"
    )
    values = masked_values(v, paths, _readers(v, request.deal))
    actor = v.text("actor", request.actor, max_length=TEXT_MAX)
    v.raise_if_any()
    return DealChanges(values), actor


def list_query(request: pb.ListDealsRequest) -> ListQuery[DealFilter]:
    v = Violations.of(request)
    stages = tuple(v.enum(f"stages[{i}]", STAGE, s, required=True) for i, s in enumerate(request.stages))
    close_from = v.calendar_date("expected_close_start_date", request, "expected_close_start_date")
    close_to = v.calendar_date("expected_close_end_date", request, "expected_close_end_date")
    if close_from and close_to and close_to < close_from:
        v.add("expected_close_end_date", "must not be before expected_close_start_date")
    criteria = DealFilter(
        stages=tuple(s for s in stages if s is not None),
        owner=v.text("owner", request.owner, max_length=TEXT_MAX),
        contact_id=v.optional_id("contact_id", request.contact_id),
        close_from=close_from,
        close_to=close_to,
        open_only=request.open_only,
    )
    return page_query(v, request, criteria, scope=("deals",))


def pipeline_query(request: pb.GetPipelineSummaryRequest) -> PipelineQuery:
    v = Violations.of(request)
    period = request.period
    known = len(v.items)
    end = v.timestamp("period.end_time", period.end_time) if period.HasField("end_time") else utcnow()
    start = (
        v.timestamp("period.start_time", period.start_time)
        if period.HasField("start_time")
        else _period_before(end)
    )
    if len(v.items) == known and end < start:  # compare only times that are valid
        v.add("period", "end_time must not be before start_time")
    currency = v.currency_code("currency_code", request.currency_code)
    owner = v.text("owner", request.owner, max_length=TEXT_MAX)
    v.raise_if_any()
    return PipelineQuery(period_start=start, period_end=end, owner=owner, currency=currency or None)


def _period_before(end: datetime) -> datetime:
    """The default start, DEFAULT_PERIOD before `end`, or the earliest time when that is before year 1."""
    earliest = datetime.min.replace(tzinfo=UTC)
    return end - DEFAULT_PERIOD if end - earliest > DEFAULT_PERIOD else earliest


def _probability(v: Violations, deal: pb.Deal) -> float | None:
    if not deal.HasField("probability"):
        return None
    if not (math.isfinite(deal.probability) and 0.0 <= deal.probability <= 1.0):
        v.add("deal.probability", "must be between 0 and 1")
        return None
    return deal.probability


def _readers(v: Violations, deal: pb.Deal) -> dict[str, Callable[[], Any]]:
    """Per field, the reader of its validated value (of the field's own type)."""
    return {
        "title": lambda: v.text("deal.title", deal.title, max_length=TITLE_MAX, required=True),
        "amount": lambda: v.amount("deal.amount", deal, "amount"),
        "stage": lambda: v.enum("deal.stage", STAGE, deal.stage, required=True),
        "probability": lambda: _probability(v, deal),
        "expected_close_date": lambda: v.calendar_date(
            "deal.expected_close_date", deal, "expected_close_date"
        ),
        "contact_id": lambda: v.optional_id("deal.contact_id", deal.contact_id),
        "owner": lambda: v.text("deal.owner", deal.owner, max_length=TEXT_MAX),
        "lead_id": lambda: v.optional_id("deal.lead_id", deal.lead_id),
        "notes": lambda: v.text("deal.notes", deal.notes, max_length=NOTES_MAX, strip=False),
        "close_reason": lambda: v.text("deal.close_reason", deal.close_reason, max_length=CLOSE_REASON_MAX),
    }
