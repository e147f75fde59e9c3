"""Offer choice: which of a product's supplier offers it buys from (SPEC section 9).

Each eligible offer gets a 0-100 score of four weighted factors that add up to it:

    landed cost   100 x cheapest landed cost / this landed cost   (landed = unit cost + shipping per unit)
    lead time     100 x (1 - lead time / MAX_LEAD_TIME_DAYS), 0 beyond it; unknown: neutral 50
    rating        100 x supplier rating / 5; unknown: neutral 50
    MOQ fit       100 when the minimum order quantity fits the usual order, else 100 x usual / MOQ

The landed cost is scored against the cheapest eligible offer, so a cheaper offer that is otherwise equal
always scores higher. Ties go to the lower landed cost, then the shorter lead time, then the key, so the
choice is deterministic. Inactive offers and offers whose supplier reports no stock are not eligible;
they are listed after the eligible ones with the reason. Weights and bounds come in through `OfferPolicy`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from engines.factors import Factor, total, weighted

NEUTRAL = 50.0

DEFAULT_OFFER_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"landed_cost": 0.5, "lead_time": 0.2, "supplier_rating": 0.2, "moq_fit": 0.1}
)


@dataclass(frozen=True, slots=True)
class OfferPolicy:
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_OFFER_WEIGHTS)
    # A lead time of this many days or more scores 0.
    max_lead_time_days: int = 60


@dataclass(frozen=True, slots=True)
class OfferCandidate:
    """One offer as the choice sees it; `key` names it in the answer (the offer id)."""

    key: str
    unit_cost: Decimal
    shipping_cost: Decimal
    min_order_quantity: int
    lead_time_days: int | None
    supplier_rating: float | None
    supplier_stock: int | None
    active: bool = True
    # Why the caller cannot buy from this offer at all (e.g. another currency than the product's); "" if
    # nothing stands in the way.
    blocked: str = ""

    @property
    def landed_cost(self) -> Decimal:
        return self.unit_cost + self.shipping_cost


@dataclass(frozen=True, slots=True)
class RankedOffer:
    key: str
    landed_cost: Decimal
    eligible: bool
    score: float
    factors: tuple[Factor, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class OfferRanking:
    """Eligible offers best first, then the ineligible ones; `chosen` is the first eligible, if any."""

    offers: tuple[RankedOffer, ...]

    @property
    def chosen(self) -> RankedOffer | None:
        first = self.offers[0] if self.offers else None
        return first if first is not None and first.eligible else None


def ineligibility(candidate: OfferCandidate) -> str:
    """Why the offer cannot be chosen; "" when it can."""
    if candidate.blocked:
        return candidate.blocked
    if not candidate.active:
        return "the offer is inactive"
    if candidate.supplier_stock == 0:
        return "the supplier reports no stock"
    return ""


def rank_offers(
    candidates: Sequence[OfferCandidate], *, usual_quantity: int, policy: OfferPolicy
) -> OfferRanking:
    """Every candidate scored and ranked; `usual_quantity` is the units one purchase usually buys."""
    eligible = [c for c in candidates if not ineligibility(c)]
    cheapest = min((c.landed_cost for c in eligible), default=None)
    ranked = [_scored(c, cheapest=cheapest, usual_quantity=usual_quantity, policy=policy) for c in eligible]
    lead = {c.key: c.lead_time_days if c.lead_time_days is not None else 10**6 for c in eligible}
    ranked.sort(key=lambda r: (-r.score, r.landed_cost, lead[r.key], r.key))
    excluded = sorted(
        (
            RankedOffer(c.key, c.landed_cost, False, 0.0, (), ineligibility(c))
            for c in candidates
            if ineligibility(c)
        ),
        key=lambda r: (r.landed_cost, r.key),
    )
    return OfferRanking((*ranked, *excluded))


def _scored(
    c: OfferCandidate, *, cheapest: Decimal | None, usual_quantity: int, policy: OfferPolicy
) -> RankedOffer:
    w = policy.weights
    factors = (
        _cost_factor(c, cheapest, w["landed_cost"]),
        _lead_time_factor(c, policy.max_lead_time_days, w["lead_time"]),
        _rating_factor(c, w["supplier_rating"]),
        _moq_factor(c, usual_quantity, w["moq_fit"]),
    )
    score = total(factors)
    return RankedOffer(c.key, c.landed_cost, True, score, factors, f"score {score:.2f}")


def _cost_factor(c: OfferCandidate, cheapest: Decimal | None, weight: float) -> Factor:
    if cheapest is None or c.landed_cost <= 0:
        value = 100.0
    else:
        value = float(cheapest / c.landed_cost) * 100
    return weighted(
        "landed_cost", weight, value, f"landed cost {c.landed_cost} against the cheapest {cheapest}"
    )


def _lead_time_factor(c: OfferCandidate, max_days: int, weight: float) -> Factor:
    if c.lead_time_days is None:
        return weighted("lead_time", weight, NEUTRAL, "lead time unknown: neutral")
    value = max(0.0, 1 - c.lead_time_days / max_days) * 100 if max_days > 0 else 0.0
    return weighted("lead_time", weight, value, f"{c.lead_time_days} days against at most {max_days}")


def _rating_factor(c: OfferCandidate, weight: float) -> Factor:
    if c.supplier_rating is None:
        return weighted("supplier_rating", weight, NEUTRAL, "supplier unrated: neutral")
    return weighted(
        "supplier_rating", weight, c.supplier_rating / 5 * 100, f"supplier rated {c.supplier_rating} of 5"
    )


def _moq_factor(c: OfferCandidate, usual_quantity: int, weight: float) -> Factor:
    usual = max(1, usual_quantity)
    if c.min_order_quantity <= usual:
        return weighted("moq_fit", weight, 100.0, f"minimum {c.min_order_quantity} fits {usual} units")
    return weighted(
        "moq_fit",
        weight,
        usual / c.min_order_quantity * 100,
        f"minimum {c.min_order_quantity} is over the usual {usual} units",
    )
