"""SupplierService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm.v2 import supplier_service_pb2 as pb
from domain.suppliers import SUPPLIER_MUTABLE_FIELDS, SupplierChanges, SupplierDraft, SupplierFilter
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, mask_paths, masked_values
from server.suppliers.proto import MARKETPLACE

NAME_MAX = 200

NOTES_MAX = 5000

URL_MAX = 2048

QUERY_MAX = 200

MAX_LEAD_TIME_DAYS = 365


def _website(v: Violations, field: str, value: str) -> str:
    cleaned = value.strip()
    if cleaned and (not cleaned.startswith(("http://", "https://")) or len(cleaned) > URL_MAX):
        v.add(field, f"must be an http or https URL of at most {URL_MAX} characters")
    return cleaned


def _rating(v: Violations, field: str, message: pb.Supplier) -> float | None:
    if not message.HasField("rating"):
        return None
    if not 0 <= message.rating <= 5:  # also refuses NaN
        v.add(field, "must be between 0 and 5")
    return message.rating


def _lead_time(v: Violations, field: str, message: pb.Supplier) -> int | None:
    if not message.HasField("lead_time_days"):
        return None
    if not 0 <= message.lead_time_days <= MAX_LEAD_TIME_DAYS:
        v.add(field, f"must be between 0 and {MAX_LEAD_TIME_DAYS} days")
    return message.lead_time_days


def _readers(v: Violations, s: pb.Supplier) -> dict[str, Callable[[], object]]:
    return {
        "name": lambda: v.text("supplier.name", s.name, max_length=NAME_MAX, required=True),
        "marketplace": lambda: v.enum("supplier.marketplace", MARKETPLACE, s.marketplace, required=True),
        "contact_email": lambda: v.email("supplier.contact_email", s.contact_email),
        "contact_phone": lambda: v.phone("supplier.contact_phone", s.contact_phone),
        "website": lambda: _website(v, "supplier.website", s.website),
        "rating": lambda: _rating(v, "supplier.rating", s),
        "lead_time_days": lambda: _lead_time(v, "supplier.lead_time_days", s),
        "is_active": lambda: s.is_active,
        "notes": lambda: v.text("supplier.notes", s.notes, max_length=NOTES_MAX, strip=False),
    }


def create_command(request: pb.CreateSupplierRequest) -> SupplierDraft:
    v = Violations.of(request)
    read = _readers(v, request.supplier)
    values: dict[str, Any] = {name: read[name]() for name in SUPPLIER_MUTABLE_FIELDS if name != "is_active"}
    draft = SupplierDraft(**values)
    v.raise_if_any()
    return draft


def update_command(request: pb.UpdateSupplierRequest) -> SupplierChanges:
    v = Violations.of(request)
    s = request.supplier
    if request.update_mask.paths:
        paths = mask_paths(
            v, request.update_mask, allowed=SUPPLIER_MUTABLE_FIELDS, resource=s, resource_field="supplier"
        )
    else:
        # A false is_active is indistinguishable from unset, so it only counts when the mask names it.
        paths = [name for name in SUPPLIER_MUTABLE_FIELDS if name != "is_active" and _is_set(s, name)]
    values = masked_values(v, paths, _readers(v, s))
    v.raise_if_any()
    return SupplierChanges(values)


def _is_set(message: pb.Supplier, name: str) -> bool:
    if name in ("rating", "lead_time_days"):
        return message.HasField(name)
    return bool(getattr(message, name))


def list_query(request: pb.ListSuppliersRequest) -> ListQuery[SupplierFilter]:
    v = Violations.of(request)
    criteria = SupplierFilter(
        marketplace=v.enum("marketplace", MARKETPLACE, request.marketplace, required=False),
        active_only=request.active_only,
        query=v.text("query", request.query, max_length=QUERY_MAX),
    )
    return page_query(v, request, criteria)
