"""LeadService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from crm.v2 import lead_service_pb2 as pb
from domain.conversion import ConversionRequest
from domain.ids import parse_id
from domain.leads import LEAD_MUTABLE_FIELDS, LeadChanges, LeadDraft, LeadFilter, LeadStatus
from domain.paging import PageRequest
from server.edge.page_tokens import decode_token, fingerprint
from server.edge.validation import Violations, mask_paths
from server.leads.proto import PRIORITY, SOURCE, STATUS

NAME_MAX = 100

COMPANY_MAX = 200

NOTES_MAX = 5000


@dataclass(frozen=True, slots=True)
class ListLeadsQuery:
    tenant_id: int
    criteria: LeadFilter
    page: PageRequest
    fingerprint: str


def _is_uuid(text: str) -> bool:
    return parse_id(text) is not None


def create_command(request: pb.CreateLeadRequest) -> tuple[LeadDraft, str | None]:
    v = Violations()
    v.tenant(request.tenant_id)
    lead = request.lead
    draft = LeadDraft(
        first_name=v.text("lead.first_name", lead.first_name, max_length=NAME_MAX, required=True),
        last_name=v.text("lead.last_name", lead.last_name, max_length=NAME_MAX, required=True),
        email=v.email("lead.email", lead.email, required=True),
        phone=v.phone("lead.phone", lead.phone),
        company=v.text("lead.company", lead.company, max_length=COMPANY_MAX),
        job_title=v.text("lead.job_title", lead.job_title, max_length=COMPANY_MAX),
        status=v.enum("lead.status", STATUS, lead.status, required=False) or LeadStatus.NEW,
        source=v.enum("lead.source", SOURCE, lead.source, required=True),  # type: ignore[arg-type]
        priority=v.enum("lead.priority", PRIORITY, lead.priority, required=False),
        notes=v.text("lead.notes", lead.notes, max_length=NOTES_MAX, strip=False),
        tags=v.tags("lead.tags", lead.tags),
        assigned_to=v.text("lead.assigned_to", lead.assigned_to, max_length=COMPANY_MAX),
    )
    request_id = v.request_id("request_id", request.request_id)
    v.raise_if_any()
    return draft, request_id


def update_command(request: pb.UpdateLeadRequest) -> tuple[uuid.UUID, LeadChanges]:
    v = Violations()
    v.tenant(request.tenant_id)
    lead = request.lead
    lead_id = v.id("lead.id", lead.id)
    paths = mask_paths(
        v, request.update_mask, allowed=LEAD_MUTABLE_FIELDS, resource=lead, resource_field="lead"
    )
    if not paths and not v.items:
        v.add("update_mask", "names no field to change")
    readers: dict[str, Callable[[], object]] = {
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
    values = {path: readers[path]() for path in paths}
    v.raise_if_any()
    return lead_id, LeadChanges(values)


def list_query(request: pb.ListLeadsRequest) -> ListLeadsQuery:
    v = Violations()
    v.tenant(request.tenant_id)
    criteria = LeadFilter(
        status=v.enum("status", STATUS, request.status, required=False),
        source=v.enum("source", SOURCE, request.source, required=False),
        assigned_to=v.text("assigned_to", request.assigned_to, max_length=COMPANY_MAX) or None,
    )
    size = v.page_size(request.page_size)
    token_fingerprint = fingerprint(request.tenant_id, criteria)
    after = decode_token(v, request.page_token, token_fingerprint, valid=_is_uuid)
    v.raise_if_any()
    return ListLeadsQuery(request.tenant_id, criteria, PageRequest(size=size, after=after), token_fingerprint)


TEXT_MAX = 200


def convert_command(request: pb.ConvertLeadRequest) -> tuple[uuid.UUID, ConversionRequest]:
    v = Violations()
    v.tenant(request.tenant_id)
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
