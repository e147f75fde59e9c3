"""Orders: lines with catalog prices, totals, the fraud assessment, and the validated status lifecycle."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from domain.addresses import PostalAddress
from domain.money import Money
from engines.factors import Factor
from engines.fraud import CustomerHistory, FraudAction, RiskLevel, RiskLists

MAX_ORDER_LINES = 100
MAX_LINE_QUANTITY = 10_000
SYSTEM_ACTOR = "system"


class OrderStatus(enum.StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    PROCESSING = "processing"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    ON_HOLD = "on_hold"


class FinancialStatus(enum.StrEnum):
    PENDING = "pending"
    AUTHORIZED = "authorized"
    PAID = "paid"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    VOIDED = "voided"
    # The payment was reversed by the card issuer (a dispute the merchant lost).
    CHARGED_BACK = "charged_back"


S, F = OrderStatus, FinancialStatus
# SPEC section 4: the only status changes there are.
STATUS_TRANSITIONS: Mapping[OrderStatus, frozenset[OrderStatus]] = {
    S.PENDING: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.PROCESSING, S.CANCELLED}),
    S.PROCESSING: frozenset({S.SHIPPED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset({S.REFUNDED}),
    S.ON_HOLD: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
}
FINANCIAL_TRANSITIONS: Mapping[FinancialStatus, frozenset[FinancialStatus]] = {
    F.PENDING: frozenset({F.AUTHORIZED, F.PAID, F.VOIDED}),
    F.AUTHORIZED: frozenset({F.PAID, F.VOIDED}),
    F.PAID: frozenset({F.PARTIALLY_REFUNDED, F.REFUNDED, F.CHARGED_BACK}),
    F.PARTIALLY_REFUNDED: frozenset({F.REFUNDED, F.CHARGED_BACK}),
    F.REFUNDED: frozenset(),
    F.VOIDED: frozenset(),
    F.CHARGED_BACK: frozenset(),
}
# Financial statuses of a payment that was captured: the only ones an order can be REFUNDED from.
CAPTURED_PAYMENTS = frozenset({F.PAID, F.PARTIALLY_REFUNDED, F.REFUNDED})
# Statuses whose reservations are still held (released by a cancellation, shipped by SHIPPED).
RESERVING_STATUSES = frozenset({S.PENDING, S.CONFIRMED, S.PROCESSING, S.ON_HOLD})
# Statuses a re-assessment may still hold an order in (fulfilment has not left the building).
HOLDABLE_STATUSES = frozenset({S.PENDING, S.CONFIRMED, S.PROCESSING})
# Statuses whose lines may still change: before the order is confirmed for fulfilment.
LINE_EDITABLE_STATUSES = frozenset({S.PENDING, S.ON_HOLD})
# Changing any of these re-assesses the order's fraud risk.
RISK_INPUTS: frozenset[str] = frozenset({"customer_email", "billing_address", "shipping_address", "lines"})


@dataclass(frozen=True, slots=True)
class FraudAnalysis:
    risk_level: RiskLevel
    risk_score: float
    verification_required: bool
    action: FraudAction
    factors: tuple[Factor, ...]
    analyzed_at: datetime
    # Why it was (re-)assessed: `created`, or the changed fields, comma-separated (e.g. `shipping_address`).
    trigger: str = "created"

    @property
    def calls_for_monitoring(self) -> bool:
        """MEDIUM risk: processed, but flagged for enhanced monitoring (HIGH and CRITICAL are held)."""
        return self.risk_level is RiskLevel.MEDIUM


class FraudRecommendation(enum.StrEnum):
    APPROVE = "approve"
    VERIFY = "verify"
    CANCEL = "cancel"


class ReviewSource(enum.StrEnum):
    ENGINE = "engine"
    AGENT = "agent"


@dataclass(frozen=True, slots=True)
class FraudReview:
    """The fraud crew's review of a held order (a FRAUD_REVIEW workflow); `reviewed_at` None while it runs."""

    workflow_id: uuid.UUID
    requested_at: datetime
    recommendation: FraudRecommendation | None = None
    risk_score: float | None = None
    summary: str = ""
    signals: tuple[str, ...] = ()
    source: ReviewSource | None = None
    reviewed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderLine:
    product_id: uuid.UUID
    sku: str
    title: str
    quantity: int
    unit_price: Money
    total_price: Money
    backordered: bool = False
    # The product was DROPSHIP when the line was priced: its supplier ships it (a dropship purchase order at
    # confirmation) and the line holds none of the tenant's own stock.
    dropship: bool = False

    @property
    def holds_stock(self) -> bool:
        """Whether the line reserved units of the tenant's own stock."""
        return not (self.backordered or self.dropship)


@dataclass(frozen=True, slots=True)
class StatusChange:
    from_status: OrderStatus | None
    to_status: OrderStatus
    reason: str
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class LineRequest:
    product_id: uuid.UUID
    quantity: int


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """What an order line takes from the catalog."""

    product_id: uuid.UUID
    sku: str
    title: str
    status: str
    price: Money
    category: str
    dropship: bool = False


@dataclass(frozen=True, slots=True)
class Concerns:
    """What of an order the tenant's allow and block lists can name: its email, the email's domain and the
    countries it bills and ships to (the lists' own spelling: lower case, country codes upper)."""

    email: str
    domain: str
    countries: frozenset[str]

    @classmethod
    def of(cls, email: str, billing: PostalAddress, shipping: PostalAddress) -> Concerns:
        return cls(
            email=email.lower(),
            domain=email.rpartition("@")[2].lower(),
            countries=frozenset({billing.region_code.upper(), shipping.region_code.upper()}),
        )


def risk_lists_of(entries: Iterable[tuple[str, str, str]]) -> RiskLists:
    """The allow and block list entries that concern an order, each as (list type, kind, value), in the
    form the fraud engine reads them."""
    found: dict[tuple[str, str], set[str]] = {}
    for list_type, kind, value in entries:
        found.setdefault((str(list_type), str(kind)), set()).add(value)

    def values(list_type: RiskListType, kind: RiskListKind) -> frozenset[str]:
        return frozenset(found.get((list_type.value, kind.value), ()))

    allow, block = RiskListType.ALLOW, RiskListType.BLOCK
    return RiskLists(
        allowed_emails=values(allow, RiskListKind.EMAIL),
        allowed_domains=values(allow, RiskListKind.DOMAIN),
        allowed_countries=values(allow, RiskListKind.COUNTRY),
        blocked_emails=values(block, RiskListKind.EMAIL),
        blocked_domains=values(block, RiskListKind.DOMAIN),
        blocked_countries=values(block, RiskListKind.COUNTRY),
    )


@dataclass(frozen=True, slots=True)
class OrderContext:
    """What creating or re-assessing an order reads: the catalog entries of its products (none for a
    re-assessment), the customer's earlier orders and the list entries that concern it."""

    catalog: Mapping[uuid.UUID, CatalogEntry]
    history: CustomerHistory
    lists: RiskLists


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """What a caller supplies for a new order; prices, totals and risk come from the server."""

    customer_email: str
    customer_name: str
    billing_address: PostalAddress
    shipping_address: PostalAddress
    lines: tuple[LineRequest, ...]
    currency: str | None = None
    tax: Money | None = None
    shipping: Money | None = None
    discount: Money | None = None
    financial_status: FinancialStatus = FinancialStatus.PENDING
    notes: str = ""


@dataclass(frozen=True, slots=True)
class NewOrder:
    """CreateOrder's command: the validated draft, and how to create it."""

    tenant_id: int
    draft: OrderDraft
    request_id: str | None
    allow_backorder: bool
    actor: str
    # what the request carried (server/edge/validation.fingerprint_of): a request_id's replay must match it
    request_fingerprint: str | None = None


@dataclass(frozen=True, slots=True)
class Order:
    id: uuid.UUID
    tenant_id: int
    order_number: str
    customer_email: str
    customer_name: str
    billing_address: PostalAddress
    shipping_address: PostalAddress
    lines: tuple[OrderLine, ...]
    currency: str
    subtotal: Money
    tax: Money
    shipping: Money
    discount: Money
    total: Money
    status: OrderStatus
    financial_status: FinancialStatus
    fraud: FraudAnalysis
    history: tuple[StatusChange, ...]
    created_at: datetime
    updated_at: datetime
    notes: str = ""
    tracking_number: str = ""
    carrier: str = ""
    request_id: str | None = None
    cancel_reason: str = ""
    version: int = 1
    fraud_review: FraudReview | None = None
    # Set when an assessment finds MEDIUM risk (enhanced monitoring); an operator clears it (UpdateOrder).
    flagged: bool = False

    @property
    def has_backorders(self) -> bool:
        return any(line.backordered for line in self.lines)

    @property
    def reserved_lines(self) -> tuple[OrderLine, ...]:
        return tuple(line for line in self.lines if line.holds_stock)


@dataclass(frozen=True, slots=True)
class OrderChanges:
    """New values for the named fields of an order (an update mask already applied)."""

    values: Mapping[str, object] = field(default_factory=dict)
    reason: str = ""
    actor: str = SYSTEM_ACTOR


@dataclass(frozen=True, slots=True)
class OrderFilter:
    status: OrderStatus | None = None
    financial_status: FinancialStatus | None = None
    customer_email: str | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None
    risk_level: RiskLevel | None = None
    # True: flagged (MEDIUM risk) orders only; False: the others; None: both.
    flagged: bool | None = None


class RiskListType(enum.StrEnum):
    ALLOW = "allow"
    BLOCK = "block"


class RiskListKind(enum.StrEnum):
    EMAIL = "email"
    DOMAIN = "domain"
    COUNTRY = "country"


@dataclass(frozen=True, slots=True)
class RiskListEntry:
    """One entry of a tenant's allow or block list: an email, an email domain or a country."""

    id: uuid.UUID
    tenant_id: int
    list: RiskListType
    kind: RiskListKind
    value: str
    reason: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class RiskListFilter:
    list: RiskListType | None = None
    kind: RiskListKind | None = None


def order_number(day: datetime, sequence: int) -> str:
    """`ORD-YYYYMMDD-NNNN`: the UTC day and the tenant's sequence of that day (wider past 9999)."""
    return f"ORD-{day:%Y%m%d}-{sequence:04d}"
