"""What the service asks the crews and how their answers are checked: anything malformed is refused as
`AgentUnavailable`, so the caller falls back to the engines instead of passing garbage on."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.intelligence import SourcingSuggestion
from domain.money import Money, to_cents
from server.agents.crew import AgentUnavailable, CrewClient, Progress

MAX_SUGGESTIONS = 10
MAX_TEXT = 1000


@dataclass(frozen=True, slots=True)
class MarketingInsights:
    positioning: str
    angles: tuple[tuple[str, str], ...]


async def marketing_insights(
    crew: CrewClient,
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
    crew: CrewClient, inputs: dict[str, Any], *, currency: str, deadline: float | None = None
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
