"""What the service asks the crews and how their answers are checked: anything malformed is refused as
`AgentUnavailable`, so the caller falls back to the engines instead of passing garbage on."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.catalog import Categories, marketplace_id_problem
from domain.intelligence import SourcingSuggestion
from domain.money import Money, to_cents
from domain.orders import FraudRecommendation
from domain.sourcing import CandidateDraft
from domain.suppliers import Marketplace
from domain.workflows import AgentClassification
from engines.classification import Classification, ClassificationPolicy, classify
from engines.factors import Factor
from server.agents.ports import AgentUnavailable, Crew, Progress

MAX_SUGGESTIONS = 10
MAX_TEXT = 1000
MAX_FACTORS = 20
MAX_SIGNALS = 10
MAX_URL = 2048


@dataclass(frozen=True, slots=True)
class MarketingInsights:
    positioning: str
    angles: tuple[tuple[str, str], ...]


async def marketing_insights(
    crew: Crew,
    inputs: dict[str, Any],
    *,
    deadline: float | None = None,
    progress: Progress | None = None,
) -> MarketingInsights:
    answer = await crew.run({"task": "marketing_strategy", **inputs}, deadline=deadline, progress=progress)
    if not isinstance(answer, dict):
        raise AgentUnavailable("the marketing crew answered something that is not an object")
    positioning = _text(answer.get("positioning"))
    angles = tuple(
        (_text(a.get("headline"))[:200], _text(a.get("description")))
        for a in answer.get("messaging_angles") or []
        if isinstance(a, dict) and _text(a.get("headline"))
    )
    if not positioning and not angles:
        raise AgentUnavailable("the marketing crew answered without a positioning or messaging angles")
    return MarketingInsights(positioning, angles[:5])


async def sourcing_suggestions(
    crew: Crew, inputs: dict[str, Any], *, currency: str, deadline: float | None = None
) -> tuple[SourcingSuggestion, ...]:
    answer = await crew.run({"task": "product_sourcing", **inputs}, deadline=deadline)
    items = answer.get("suggestions") if isinstance(answer, dict) else answer
    if not isinstance(items, list):
        raise AgentUnavailable("the sourcing crew answered without a list of suggestions")
    found = []
    for item in items[:MAX_SUGGESTIONS]:
        if not isinstance(item, dict) or not _text(item.get("title")):
            continue
        confidence = item.get("confidence")
        found.append(
            SourcingSuggestion(
                title=_text(item.get("title"))[:200],
                marketplace=_text(item.get("marketplace")).lower().replace(" ", "_")[:40] or "other",
                url=_text(item.get("url"))[:2048],
                estimated_source_price=_money(item.get("estimated_source_price"), currency),
                suggested_price=_money(item.get("suggested_price"), currency),
                rationale=_text(item.get("rationale")),
                confidence=min(1.0, max(0.0, float(confidence)))
                if isinstance(confidence, int | float) and not isinstance(confidence, bool)
                else 0.0,
            )
        )
    if items and not found:
        raise AgentUnavailable("the sourcing crew answered with no usable suggestion")
    return tuple(found)


def _text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    cleaned = "".join(ch for ch in value if ch.isprintable() or ch in "\n\t").strip()
    return cleaned[:MAX_TEXT]


def _money(value: object, currency: str) -> Money | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount >= Decimal(10) ** 12:
        return None
    return Money(to_cents(amount), currency)


async def classification_view(
    crew: Crew,
    inputs: dict[str, Any],
    policy: ClassificationPolicy,
    *,
    deadline: float | None = None,
    progress: Progress | None = None,
) -> AgentClassification:
    """The classification crew's view of a product: `dropship_score` 0-100 (required), `classification`
    (else the score's, with the service's thresholds), `factors` and `rationale`."""
    answer = await crew.run(
        {"task": "product_classification", **inputs}, deadline=deadline, progress=progress
    )
    if not isinstance(answer, dict):
        raise AgentUnavailable("the classification crew answered something that is not an object")
    score = _number(answer.get("dropship_score", answer.get("score")), 0, 100)
    if score is None:
        raise AgentUnavailable("the classification crew answered without a dropship score 0-100")
    named = _text(answer.get("classification")).lower()
    classification = Classification(named) if named in set(Classification) else classify(score, policy)
    factors = tuple(
        factor
        for item in (answer.get("factors") or [])[:MAX_FACTORS]
        if (factor := _factor(item)) is not None
    )
    return AgentClassification(round(score, 2), classification, factors, _text(answer.get("rationale")))


@dataclass(frozen=True, slots=True)
class FraudAdvice:
    recommendation: FraudRecommendation
    risk_score: float | None
    summary: str
    signals: tuple[str, ...]


async def fraud_review(
    crew: Crew,
    inputs: dict[str, Any],
    *,
    deadline: float | None = None,
    progress: Progress | None = None,
) -> FraudAdvice:
    """The fraud crew's advice on a held order: `recommendation` approve|verify|cancel (required),
    `risk_score` 0-1, `summary`, `signals`."""
    answer = await crew.run({"task": "fraud_review", **inputs}, deadline=deadline, progress=progress)
    if not isinstance(answer, dict):
        raise AgentUnavailable("the fraud crew answered something that is not an object")
    named = _text(answer.get("recommendation")).lower()
    if named not in set(FraudRecommendation):
        raise AgentUnavailable("the fraud crew answered without a recommendation (approve, verify or cancel)")
    signals = tuple(
        text[:200] for item in (answer.get("signals") or [])[:MAX_SIGNALS] if (text := _text(item))
    )
    return FraudAdvice(
        FraudRecommendation(named),
        _number(answer.get("risk_score"), 0, 1),
        _text(answer.get("summary")),
        signals,
    )


@dataclass(frozen=True, slots=True)
class Discoveries:
    drafts: tuple[CandidateDraft, ...]
    # Suggestions left out: no title, no usable price, neither marketplace id nor URL.
    discarded: int


async def sourcing_candidates(
    crew: Crew,
    inputs: dict[str, Any],
    *,
    currency: str,
    categories: Categories,
    fallback_category: str,
    limit: int,
    deadline: float | None = None,
    progress: Progress | None = None,
) -> Discoveries:
    """The sourcing crew's discoveries as candidate drafts, checked field by field like a CreateCandidate
    (a malformed optional field is dropped; a suggestion without title, price or identity is discarded)."""
    answer = await crew.run({"task": "product_sourcing", **inputs}, deadline=deadline, progress=progress)
    items = answer.get("suggestions", answer.get("products")) if isinstance(answer, dict) else answer
    if not isinstance(items, list):
        raise AgentUnavailable("the sourcing crew answered without a list of products")
    drafts = [
        draft
        for item in items[:limit]
        if (draft := _candidate_draft(item, currency, categories, fallback_category)) is not None
    ]
    return Discoveries(tuple(drafts), min(len(items), limit) - len(drafts))


def _candidate_draft(
    item: object, currency: str, categories: Categories, fallback_category: str
) -> CandidateDraft | None:
    if not isinstance(item, dict):
        return None
    title = _text(item.get("title"))[:200]
    price = _money(item.get("source_price", item.get("estimated_source_price")), currency)
    marketplace_id = _text(item.get("marketplace_id", item.get("asin"))).upper()
    if marketplace_id_problem(marketplace_id) is not None:
        marketplace_id = ""
    url = _text(item.get("url"))
    if not re.fullmatch(r"https?://[^\s]+", url) or len(url) > MAX_URL:
        url = ""
    if not title or price is None or price.amount <= 0 or not (marketplace_id or url):
        return None
    category = _text(item.get("category")).lower()
    if categories.problem(category) is not None:
        category = fallback_category
    marketplace = _text(item.get("marketplace")).lower().replace(" ", "")
    prices = tuple(
        p
        for raw in (item.get("competitor_prices") or [])[:50]
        if (p := _money(raw, currency)) and p.amount > 0
    )
    return CandidateDraft(
        title=title,
        category=category,
        source_price=price,
        marketplace=Marketplace(marketplace) if marketplace in set(Marketplace) else Marketplace.OTHER,
        marketplace_id=marketplace_id,
        url=url,
        description=_text(item.get("description", item.get("rationale"))),
        supplier_rating=_number(item.get("supplier_rating"), 0, 5),
        supplier_lead_time_days=_whole(item.get("lead_time_days", item.get("supplier_lead_time_days")), 365),
        review_rating=_number(item.get("review_rating"), 0, 5),
        review_count=_whole(item.get("review_count"), 10**9),
        competitor_count=_whole(item.get("competitor_count"), 10**6),
        competitor_prices=prices,
    )


def _number(value: object, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and low <= number <= high else None


def _whole(value: object, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        return None
    return value


def _factor(item: object) -> Factor | None:
    if not isinstance(item, dict) or not _text(item.get("name")):
        return None
    weight = _number(item.get("weight"), 0, 1) or 0.0
    value = _number(item.get("value"), 0, 100) or 0.0
    contribution = _number(item.get("contribution"), 0, 100)
    return Factor(
        _text(item.get("name"))[:60],
        weight,
        value,
        round(contribution if contribution is not None else weight * value, 2),
        _text(item.get("explanation")),
    )
