"""Related products (SPEC section 4): catalog products ranked by category affinity, price proximity, title
similarity and dropship score; relevance 0-100 is the sum of the four weighted factors."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from engines.classification import Classification
from engines.cross_sell import DEFAULT_AFFINITY
from engines.factors import Factor, total, weighted

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"category_affinity": 0.35, "price_proximity": 0.25, "title_similarity": 0.25, "dropship_score": 0.15}
)
_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about what a product is.
_STOP_WORDS = frozenset(
    {"a", "an", "and", "for", "of", "the", "with", "set", "pack", "new", "pro", "in", "to"}
)


@dataclass(frozen=True, slots=True)
class RecommendationPolicy:
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    affinity: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_AFFINITY)
    # Category factor of an affine category at the top of the list; each further step costs `affinity_step`.
    affine_value: float = 70.0
    affinity_step: float = 10.0

    def __post_init__(self) -> None:
        if abs(sum(self.weights.values()) - 1.0) > 1e-9 or set(self.weights) != set(DEFAULT_WEIGHTS):
            raise ValueError(f"recommendation weights must name {sorted(DEFAULT_WEIGHTS)} and add up to 1")

    def related_categories(self, category: str) -> tuple[str, ...]:
        """The source's own category first, then its affine categories."""
        return (category, *(c for c in self.affinity.get(category, ()) if c != category))


@dataclass(frozen=True, slots=True)
class CatalogItem:
    id: uuid.UUID
    sku: str
    title: str
    category: str
    price: Decimal
    currency: str
    dropship_score: float
    classification: Classification


@dataclass(frozen=True, slots=True)
class RelatedProduct:
    item: CatalogItem
    relevance: float
    factors: tuple[Factor, ...]


def words(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in _STOP_WORDS and len(w) > 1)


def related_products(
    source: CatalogItem, candidates: Iterable[CatalogItem], *, limit: int, policy: RecommendationPolicy
) -> tuple[RelatedProduct, ...]:
    """Candidates other than the source, highest relevance first (ties by id), at most `limit`."""
    source_words = words(source.title)
    scored = [_score(source, source_words, c, policy) for c in candidates if c.id != source.id]
    scored.sort(key=lambda r: (-r.relevance, str(r.item.id)))
    return tuple(scored[: max(0, limit)])


def _score(
    source: CatalogItem, source_words: frozenset[str], item: CatalogItem, policy: RecommendationPolicy
) -> RelatedProduct:
    w = policy.weights
    related = policy.related_categories(source.category)
    if item.category == source.category:
        category_value, category_why = 100.0, f"same category ({item.category})"
    elif item.category in related:
        rank = related.index(item.category) - 1
        category_value = max(0.0, policy.affine_value - policy.affinity_step * rank)
        category_why = f"{item.category} is affine to {source.category}"
    else:
        category_value, category_why = 0.0, f"{item.category} is unrelated to {source.category}"
    if item.currency == source.currency and source.price > 0 and item.price > 0:
        proximity = float(min(item.price, source.price) / max(item.price, source.price))
        price_why = f"priced {item.price} against {source.price}"
    else:
        proximity, price_why = 0.0, "prices not comparable"
    item_words = words(item.title)
    union = source_words | item_words
    similarity = len(source_words & item_words) / len(union) if union else 0.0
    shared = ", ".join(sorted(source_words & item_words)) or "none"
    factors = (
        weighted("category_affinity", w["category_affinity"], category_value, category_why),
        weighted("price_proximity", w["price_proximity"], 100.0 * proximity, price_why),
        weighted(
            "title_similarity", w["title_similarity"], 100.0 * similarity, f"shared title words: {shared}"
        ),
        weighted(
            "dropship_score",
            w["dropship_score"],
            item.dropship_score,
            f"dropship score {item.dropship_score:g}",
        ),
    )
    return RelatedProduct(item, total(factors), factors)
