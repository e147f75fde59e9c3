"""Order fraud risk (SPEC section 4): independent risk signals combined by noisy-OR, a level and an action.

Each signal that fires carries a probability p (its `value` is p x 100). The combined risk is
1 - prod(1 - p): adding a signal, or making one stronger, can only raise it. A factor's `contribution`
is the rise in risk (x 100) it causes when the fired signals are applied in their fixed order, so the
contributions add up to risk_score x 100; its `weight` is contribution / value, the share of the signal's
own strength left after the overlap with the signals before it.

Every threshold and strength comes from `FraudPolicy`; its defaults are the documented defaults.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from engines.factors import Factor


class RiskLevel(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class FraudAction(enum.StrEnum):
    STANDARD_PROCESSING = "standard_processing"
    ENHANCED_MONITORING = "enhanced_monitoring"
    MANUAL_REVIEW = "manual_review"
    HOLD_FOR_INVESTIGATION = "hold_for_investigation"


ACTIONS: Mapping[RiskLevel, FraudAction] = MappingProxyType(
    {
        RiskLevel.LOW: FraudAction.STANDARD_PROCESSING,
        RiskLevel.MEDIUM: FraudAction.ENHANCED_MONITORING,
        RiskLevel.HIGH: FraudAction.MANUAL_REVIEW,
        RiskLevel.CRITICAL: FraudAction.HOLD_FOR_INVESTIGATION,
    }
)

DEFAULT_DISPOSABLE_DOMAINS: frozenset[str] = frozenset(
    {
        "mailinator.com",
        "guerrillamail.com",
        "10minutemail.com",
        "tempmail.com",
        "temp-mail.org",
        "throwawaymail.com",
        "yopmail.com",
        "trashmail.com",
        "getnada.com",
        "dispostable.com",
        "sharklasers.com",
        "maildrop.cc",
    }
)


@dataclass(frozen=True, slots=True)
class FraudPolicy:
    """Thresholds (order currency units) and signal strengths (probabilities 0-1)."""

    high_value: Decimal = Decimal("500")
    very_high_value: Decimal = Decimal("2000")
    high_value_risk: float = 0.15
    very_high_value_risk: float = 0.35
    # Order total over this multiple of the customer's average paid order.
    above_average_multiple: Decimal = Decimal("3")
    above_average_risk: float = 0.25
    bulk_line_units: int = 10
    bulk_line_risk: float = 0.15
    very_bulk_line_units: int = 50
    very_bulk_line_risk: float = 0.35
    country_mismatch_risk: float = 0.30
    postcode_mismatch_risk: float = 0.10
    first_order_risk: float = 0.10
    cancellation_risk: float = 0.10
    refund_risk: float = 0.15
    chargeback_risk: float = 0.40
    # From this many paid orders (and no chargeback) the customer-history risk is multiplied by
    # `trusted_discount`: several paid orders raise trust.
    trusted_after_paid_orders: int = 3
    trusted_discount: float = 0.5
    velocity_orders_per_hour: int = 3
    velocity_risk: float = 0.35
    disposable_email_risk: float = 0.35
    disposable_domains: frozenset[str] = field(default_factory=lambda: DEFAULT_DISPOSABLE_DOMAINS)
    medium_at: float = 0.3
    high_at: float = 0.6
    critical_at: float = 0.85


@dataclass(frozen=True, slots=True)
class OrderSnapshot:
    """The order being assessed."""

    total: Decimal
    line_quantities: tuple[int, ...]
    email_domain: str
    billing_country: str
    shipping_country: str
    billing_postcode: str = ""
    shipping_postcode: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class RiskLists:
    """The tenant's allow and block list entries that concern one order (emails and domains lower-case,
    countries ISO alpha-2 upper-case)."""

    allowed_emails: frozenset[str] = frozenset()
    allowed_domains: frozenset[str] = frozenset()
    allowed_countries: frozenset[str] = frozenset()
    blocked_emails: frozenset[str] = frozenset()
    blocked_domains: frozenset[str] = frozenset()
    blocked_countries: frozenset[str] = frozenset()


NO_LISTS = RiskLists()


@dataclass(frozen=True, slots=True)
class CustomerHistory:
    """The customer's earlier orders (same tenant and email), before this one."""

    orders: int = 0
    paid_orders: int = 0
    cancelled_orders: int = 0
    refunded_orders: int = 0
    chargebacks: int = 0
    average_paid_total: Decimal | None = None
    orders_last_hour: int = 0


@dataclass(frozen=True, slots=True)
class FraudAssessment:
    risk_score: float
    level: RiskLevel
    action: FraudAction
    verification_required: bool
    factors: tuple[Factor, ...]


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    probability: float
    explanation: str


def assess_fraud(
    order: OrderSnapshot, history: CustomerHistory, policy: FraudPolicy, lists: RiskLists = NO_LISTS
) -> FraudAssessment:
    """The order's risk from every signal that fires, with one explained factor per signal. The tenant's
    lists decide first: a blocked email, domain or country is a certain risk (the `block_list` signal,
    CRITICAL); an allowed email or domain, or billing and shipping countries both allowed, is trusted: risk
    0 with one `allow_list` factor naming the signals it overrode. A block wins over an allow."""
    signals = fired_signals(order, history, policy)
    blocked = block_reason(order, lists)
    if blocked is not None:
        return combine([Signal("block_list", 1.0, blocked), *signals], policy)
    allowed = allow_reason(order, lists)
    if allowed is not None:
        overridden = ", ".join(s.name for s in signals) or "none"
        trusted = Factor("allow_list", 0.0, 0.0, 0.0, f"{allowed}: trusted; signals overridden: {overridden}")
        return FraudAssessment(0.0, RiskLevel.LOW, ACTIONS[RiskLevel.LOW], False, (trusted,))
    return combine(signals, policy)


def block_reason(order: OrderSnapshot, lists: RiskLists) -> str | None:
    """Why the order is blocked: its email, email domain, or billing or shipping country is on the block
    list; None when nothing is."""
    email, domain = order.email.lower(), order.email_domain.lower()
    if email and email in lists.blocked_emails:
        return f"email {email} is on the block list"
    if domain and domain in lists.blocked_domains:
        return f"email domain {domain} is on the block list"
    for country in (order.billing_country.upper(), order.shipping_country.upper()):
        if country in lists.blocked_countries:
            return f"country {country} is on the block list"
    return None


def allow_reason(order: OrderSnapshot, lists: RiskLists) -> str | None:
    """Why the order is trusted: its email or email domain is on the allow list, or both its countries are;
    None when neither is."""
    email, domain = order.email.lower(), order.email_domain.lower()
    if email and email in lists.allowed_emails:
        return f"email {email} is on the allow list"
    if domain and domain in lists.allowed_domains:
        return f"email domain {domain} is on the allow list"
    countries = {order.billing_country.upper(), order.shipping_country.upper()}
    if countries <= lists.allowed_countries:
        return f"country {', '.join(sorted(countries))} is on the allow list"
    return None


def fired_signals(order: OrderSnapshot, history: CustomerHistory, policy: FraudPolicy) -> list[Signal]:
    candidates = [
        _order_value(order, policy),
        _above_average(order, history, policy),
        _quantity(order, policy),
        _address_mismatch(order, policy),
        _customer_history(history, policy),
        _velocity(history, policy),
        _disposable_email(order, policy),
    ]
    return [s for s in candidates if s is not None and s.probability > 0]


def combine(signals: Sequence[Signal], policy: FraudPolicy) -> FraudAssessment:
    """Noisy-OR of the signals; contributions are the rounded rises of the running risk."""
    factors = []
    survival = 1.0
    previous_points = 0.0
    for s in signals:
        p = min(1.0, max(0.0, s.probability))
        survival *= 1.0 - p
        points = round((1.0 - survival) * 100, 2)
        contribution = round(points - previous_points, 2)
        value = round(p * 100, 2)
        weight = round(contribution / value, 4) if value else 0.0
        factors.append(Factor(s.name, weight, value, contribution, s.explanation))
        previous_points = points
    score = round(previous_points / 100, 4)
    level = level_of(score, policy)
    return FraudAssessment(
        risk_score=score,
        level=level,
        action=ACTIONS[level],
        verification_required=level in (RiskLevel.HIGH, RiskLevel.CRITICAL),
        factors=tuple(factors),
    )


def level_of(score: float, policy: FraudPolicy) -> RiskLevel:
    if score >= policy.critical_at:
        return RiskLevel.CRITICAL
    if score >= policy.high_at:
        return RiskLevel.HIGH
    if score >= policy.medium_at:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def _order_value(order: OrderSnapshot, policy: FraudPolicy) -> Signal | None:
    if order.total >= policy.very_high_value:
        return Signal(
            "order_value", policy.very_high_value_risk, f"total {order.total} >= {policy.very_high_value}"
        )
    if order.total >= policy.high_value:
        return Signal("order_value", policy.high_value_risk, f"total {order.total} >= {policy.high_value}")
    return None


def _above_average(order: OrderSnapshot, history: CustomerHistory, policy: FraudPolicy) -> Signal | None:
    average = history.average_paid_total
    if not average or average <= 0 or order.total <= average * policy.above_average_multiple:
        return None
    return Signal(
        "above_customer_average",
        policy.above_average_risk,
        f"total {order.total} is over {policy.above_average_multiple}x the customer's average {average}",
    )


def _quantity(order: OrderSnapshot, policy: FraudPolicy) -> Signal | None:
    largest = max(order.line_quantities, default=0)
    if largest >= policy.very_bulk_line_units:
        return Signal(
            "quantity_pattern",
            policy.very_bulk_line_risk,
            f"a line of {largest} units (>= {policy.very_bulk_line_units})",
        )
    if largest >= policy.bulk_line_units:
        return Signal(
            "quantity_pattern",
            policy.bulk_line_risk,
            f"a line of {largest} units (>= {policy.bulk_line_units})",
        )
    return None


def _address_mismatch(order: OrderSnapshot, policy: FraudPolicy) -> Signal | None:
    if order.billing_country.upper() != order.shipping_country.upper():
        return Signal(
            "address_mismatch",
            policy.country_mismatch_risk,
            f"billing country {order.billing_country} differs from shipping country {order.shipping_country}",
        )
    billing, shipping = _postcode(order.billing_postcode), _postcode(order.shipping_postcode)
    if billing and shipping and billing != shipping:
        return Signal(
            "address_mismatch", policy.postcode_mismatch_risk, "billing and shipping postcodes differ"
        )
    return None


def _postcode(text: str) -> str:
    return "".join(text.split()).upper()


def _customer_history(history: CustomerHistory, policy: FraudPolicy) -> Signal | None:
    if history.orders == 0:
        return Signal("customer_history", policy.first_order_risk, "first order of this customer")
    survival = (
        (1 - policy.cancellation_risk) ** history.cancelled_orders
        * (1 - policy.refund_risk) ** history.refunded_orders
        * (1 - policy.chargeback_risk) ** history.chargebacks
    )
    risk = 1 - survival
    trusted = history.paid_orders >= policy.trusted_after_paid_orders and history.chargebacks == 0
    if trusted:
        risk *= policy.trusted_discount
    if risk <= 0:
        return None
    explanation = (
        f"{history.cancelled_orders} cancelled, {history.refunded_orders} refunded, "
        f"{history.chargebacks} charged back of {history.orders} earlier orders"
    )
    if trusted:
        explanation += f"; {history.paid_orders} paid orders halve it"
    return Signal("customer_history", risk, explanation)


def _velocity(history: CustomerHistory, policy: FraudPolicy) -> Signal | None:
    in_hour = history.orders_last_hour + 1  # this order included
    if in_hour < policy.velocity_orders_per_hour:
        return None
    return Signal("order_velocity", policy.velocity_risk, f"{in_hour} orders from this email within an hour")


def _disposable_email(order: OrderSnapshot, policy: FraudPolicy) -> Signal | None:
    if order.email_domain.lower() not in policy.disposable_domains:
        return None
    return Signal(
        "disposable_email", policy.disposable_email_risk, f"{order.email_domain} is a disposable email domain"
    )
