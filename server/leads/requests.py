"""LeadService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from crm.v2 import lead_service_pb2 as pb
from domain.conversion import ConversionRequest
from domain.leads import LEAD_MUTABLE_FIELDS, LeadChanges, LeadDraft, LeadFilter, LeadStatus
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, mask_paths, masked_values
from server.leads.proto import PRIORITY, SOURCE, STATUS

NAME_MAX = 100

COMPANY_MAX = 200

NOTES_MAX = 5000


def create_command(request: pb.CreateLeadRequest) -> tuple[LeadDraft, str | None]:
    v = Violations.of(request)
    lead = request.lead
    readers = _readers(v, lead)
    # A new lead may leave out its status (NEW) and its priority (derived from its score).
    readers["status"] = lambda: v.enum("lead.status", STATUS, lead.status, required=False) or LeadStatus.NEW
    readers["priority"] = lambda: v.enum("lead.priority", PRIORITY, lead.priority, required=False)
    draft = LeadDraft(**{name: read() for name, read in readers.items()})
    request_id = v.request_id("request_id", request.request_id)
    v.raise_if_any()
    return draft, request_id


def update_command(request: pb.UpdateLeadRequest) -> tuple[uuid.UUID, LeadChanges]:
    v = Violations.of(request)
    lead = request.lead
    lead_id = v.id("lead.id", lead.id)
    paths = mask_paths(
        v, request.update_mask, allowed=LEAD_MUTABLE_FIELDS, resource=lead, resource_field="lead"
    )
    values = masked_values(v, paths, _readers(v, lead))
    v.raise_if_any()
    return lead_id, LeadChanges(values)


def _readers(v: Violations, lead: pb.Lead) -> dict[str, Callable[[], Any]]:
    """Per field, the reader of its validated value (of the field's own type), in the order they are read."""
    return {
        "first_name": lambda: v.text("lead.first_name", lead.first_name, max_length=NAME_MAX, required=True),
        "last_name": lambda: v.text("lead.last_name", lead.last_name, max_length=NAME_MAX, required=True),
        "email": lambda: v.email("lead.email", lead.email, required=True),
        "phone": lambda: v.phone("lead.phone", lead.phone),
        "company": lambda: v.text("lead.company", lead.company, max_length=COMPANY_MAX),
        "job_title": lambda: v.text("lead.job_title", lead.job_title, max_length=COMPANY_MAX),
        "status": lambda: v.enum("lead.status", STATUS, lead.status, required=True),
        "source": lambda: v.enum("lead.source", SOURCE, lead.source, required=True),
        "priority": lambda: v.enum("lead.priority", PRIORITY, lead.priority, required=True),
        "notes": lambda: v.text("lead.notes", lead.notes, max_length=NOTES_MAX, strip=False),
        "tags": lambda: v.tags("lead.tags", lead.tags),
        "assigned_to": lambda: v.text("lead.assigned_to", lead.assigned_to, max_length=COMPANY_MAX),
    }


def list_query(request: pb.ListLeadsRequest) -> ListQuery[LeadFilter]:
    v = Violations.of(request)
    criteria = LeadFilter(
        status=v.enum("status", STATUS, request.status, required=False),
        source=v.enum("source", SOURCE, request.source, required=False),
        assigned_to=v.text("assigned_to", request.assigned_to, max_length=COMPANY_MAX) or None,
        converted=request.converted if request.HasField("converted") else None,
    )
    return page_query(v, request, criteria)


TEXT_MAX = 200


def convert_command(request: pb.ConvertLeadRequest) -> tuple[uuid.UUID, ConversionRequest]:
    v = Violations.of(request)
    lead_id = v.id("lead_id", request.lead_id)
    command = ConversionRequest(
        create_deal=request.create_deal,
        deal_title=v.text("deal_title", request.deal_title, max_length=TEXT_MAX),
        deal_amount=v.amount("deal_amount", request, "deal_amount")
        if request.HasField("deal_amount")
        else None,
        deal_owner=v.text("deal_owner", request.deal_owner, max_length=TEXT_MAX),
        expected_close_date=v.calendar_date("expected_close_date", request, "expected_close_date"),
    )
    v.raise_if_any()
    return lead_id, command
