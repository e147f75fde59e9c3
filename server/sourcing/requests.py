"""SourcingService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

import math
import uuid
from urllib.parse import urlsplit

from crm.v2 import sourcing_service_pb2 as pb
from domain.catalog import Categories, ProductStatus
from domain.money import Money
from domain.sourcing import (
    DEFAULT_DISCOVERY_RESULTS,
    MAX_BATCH_CANDIDATES,
    MAX_COMPETITOR_PRICES,
    MAX_DISCOVERY_RESULTS,
    Approval,
    CandidateDraft,
    CandidateFilter,
    CandidateOrder,
    DiscoveryRequest,
    TooManyCandidates,
)
from domain.suppliers import Marketplace
from server.catalog import fields
from server.catalog.proto import CLASSIFICATION
from server.catalog.proto import STATUS as PRODUCT_STATUS
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, fingerprint_of, parse_id
from server.sourcing.proto import ORDER, ORIGIN, STATUS
from server.suppliers.proto import MARKETPLACE

MAX_LEAD_TIME_DAYS = 365

REASON_MAX = 500

QUERY_MAX = 200

# Marketplaces recognised from a listing URL's host, when the candidate names none.
HOST_MARKETPLACES = (
    ("aliexpress.", Marketplace.ALIEXPRESS),
    ("alibaba.", Marketplace.ALIBABA),
    ("amazon.", Marketplace.AMAZON),
    ("ebay.", Marketplace.EBAY),
    ("walmart.", Marketplace.WALMART),
)


def create_command(
    request: pb.CreateCandidateRequest, categories: Categories
) -> tuple[CandidateDraft, str | None, str | None]:
    """The draft, request_id and request fingerprint of a CreateCandidate."""
    v = Violations.of(request)
    draft = candidate_draft(v, "candidate", request.candidate, categories)
    request_id = v.request_id("request_id", request.request_id)
    v.raise_if_any()
    return draft, request_id, fingerprint_of(request) if request_id else None


def batch_command(request: pb.BatchCreateCandidatesRequest, categories: Categories) -> list[CandidateDraft]:
    if len(request.candidates) > MAX_BATCH_CANDIDATES:
        raise TooManyCandidates(len(request.candidates), MAX_BATCH_CANDIDATES)
    v = Violations.of(request)
    if not request.candidates:
        v.add("candidates", "at least one candidate is required")
    drafts = [candidate_draft(v, f"candidates[{i}]", c, categories) for i, c in enumerate(request.candidates)]
    v.raise_if_any()
    return drafts


def candidate_draft(v: Violations, prefix: str, c: pb.Candidate, categories: Categories) -> CandidateDraft:
    """One candidate's fields, each checked; violations are named `<prefix>.<field>`."""
    source = fields.price(v, f"{prefix}.source_price", c.source_price)
    if not c.HasField("source_price"):
        v.add(f"{prefix}.source_price", "is required")
    marketplace_id = fields.asin(v, f"{prefix}.marketplace_id", c.marketplace_id)
    url = _url(v, f"{prefix}.url", c.url)
    if not marketplace_id and not url:
        v.add(f"{prefix}.marketplace_id", "give the marketplace id or the listing url (or both)")
    return CandidateDraft(
        title=v.text(f"{prefix}.title", c.title, max_length=fields.TITLE_MAX, required=True),
        category=fields.category(v, f"{prefix}.category", c.category, categories, required=True),
        source_price=source,
        marketplace=_marketplace(v, f"{prefix}.marketplace", c.marketplace, url),
        marketplace_id=marketplace_id,
        url=url,
        description=v.text(
            f"{prefix}.description", c.description, max_length=fields.DESCRIPTION_MAX, strip=False
        ),
        supplier_id=v.optional_id(f"{prefix}.supplier_id", c.supplier_id),
        supplier_rating=fields.optional_rating(v, f"{prefix}.supplier_rating", c, "supplier_rating"),
        supplier_lead_time_days=_lead_time(v, f"{prefix}.supplier_lead_time_days", c),
        review_rating=fields.optional_rating(v, f"{prefix}.review_rating", c, "review_rating"),
        review_count=fields.optional_count(v, f"{prefix}.review_count", c, "review_count"),
        competitor_count=fields.optional_count(v, f"{prefix}.competitor_count", c, "competitor_count"),
        competitor_prices=_competitor_prices(v, f"{prefix}.competitor_prices", c, source.currency),
        image_urls=fields.image_urls(v, f"{prefix}.image_urls", c.image_urls),
    )


def list_query(request: pb.ListCandidatesRequest, categories: Categories) -> ListQuery[CandidateFilter]:
    v = Violations.of(request)
    classification = v.enum("classification", CLASSIFICATION, request.classification, required=False)
    order = v.enum("order_by", ORDER, request.order_by, required=False) or CandidateOrder.NEWEST
    criteria = CandidateFilter(
        status=v.enum("status", STATUS, request.status, required=False),
        category=fields.category(v, "category", request.category, categories, required=False) or None,
        classification=classification.value if classification is not None else None,
        min_score=request.min_score,
        origin=v.enum("origin", ORIGIN, request.origin, required=False),
        order=order,
    )
    valid = _is_id if order is CandidateOrder.NEWEST else _is_ranked_position
    return page_query(v, request, criteria, valid=valid, scope=("sourcing",))


def approve_command(request: pb.ApproveCandidateRequest) -> tuple[uuid.UUID, Approval]:
    v = Violations.of(request)
    candidate_id = v.id("candidate_id", request.candidate_id)
    sku = fields.sku(v, "sku", request.sku) if request.sku.strip() else None
    status = v.enum("product_status", PRODUCT_STATUS, request.product_status, required=False)
    if status is ProductStatus.DISCONTINUED:
        v.add("product_status", "an imported product cannot start DISCONTINUED")
    selling: Money | None = None
    if request.HasField("selling_price"):
        selling = fields.price(v, "selling_price", request.selling_price)
    approval = Approval(
        sku=sku,
        selling_price=selling,
        status=status or ProductStatus.ACTIVE,
        initial_stock=fields.count(v, "initial_stock", request.initial_stock),
    )
    v.raise_if_any()
    return candidate_id, approval


def reject_command(request: pb.RejectCandidateRequest) -> tuple[uuid.UUID, str]:
    v = Violations.of(request)
    candidate_id = v.id("candidate_id", request.candidate_id)
    reason = v.text("reason", request.reason, max_length=REASON_MAX, required=True)
    v.raise_if_any()
    return candidate_id, reason


def discovery_command(request: pb.StartSourcingDiscoveryRequest, categories: Categories) -> DiscoveryRequest:
    v = Violations.of(request)
    if not 0 <= request.max_results <= MAX_DISCOVERY_RESULTS:
        v.add(
            "max_results",
            f"must be between 0 and {MAX_DISCOVERY_RESULTS} (0 means {DEFAULT_DISCOVERY_RESULTS})",
        )
    discovery = DiscoveryRequest(
        category=fields.category(v, "category", request.category, categories, required=False),
        query=v.text("query", request.query, max_length=QUERY_MAX),
        max_results=request.max_results or DEFAULT_DISCOVERY_RESULTS,
        currency=v.currency_code("currency_code", request.currency_code) or "USD",
    )
    v.raise_if_any()
    return discovery


def _url(v: Violations, field: str, value: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        return ""
    parts = urlsplit(cleaned) if len(cleaned) <= fields.URL_MAX and cleaned.isascii() else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or " " in cleaned:
        v.add(field, f"must be an http(s) URL of at most {fields.URL_MAX} characters")
    return cleaned


def _marketplace(v: Violations, field: str, number: int, url: str) -> Marketplace:
    """The marketplace given, else the one the URL's host names, else OTHER."""
    given = v.enum(field, MARKETPLACE, number, required=False)
    if given is not None:
        return given
    host = urlsplit(url).netloc.lower() if url else ""
    return next((m for marker, m in HOST_MARKETPLACES if marker in host), Marketplace.OTHER)


def _lead_time(v: Violations, field: str, c: pb.Candidate) -> int | None:
    if not c.HasField("supplier_lead_time_days"):
        return None
    days: int = c.supplier_lead_time_days
    if not 0 <= days <= MAX_LEAD_TIME_DAYS:
        v.add(field, f"must be between 0 and {MAX_LEAD_TIME_DAYS} days")
    return days


def _competitor_prices(v: Violations, field: str, c: pb.Candidate, currency: str) -> tuple[Money, ...]:
    if len(c.competitor_prices) > MAX_COMPETITOR_PRICES:
        v.add(field, f"at most {MAX_COMPETITOR_PRICES} prices, got {len(c.competitor_prices)}")
        return ()
    prices = []
    for index, raw in enumerate(c.competitor_prices):
        price = fields.price(v, f"{field}[{index}]", raw)
        if price.currency != currency:
            v.add(f"{field}[{index}]", f"must be in {currency} like the source price")
        prices.append(price)
    return tuple(prices)


def _is_id(position: str) -> bool:
    return parse_id(position) is not None


def _is_ranked_position(position: str) -> bool:
    raw_value, _, raw_id = position.partition("|")
    try:
        return math.isfinite(float(raw_value)) and _is_id(raw_id)
    except ValueError:
        return False
