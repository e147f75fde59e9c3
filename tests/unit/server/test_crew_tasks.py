"""What the service asks the crews and how it checks their answers: anything malformed is refused as
AgentUnavailable (the caller falls back or retries), and a malformed optional field is dropped."""

from __future__ import annotations

from typing import Any

import pytest

from domain.catalog import Categories
from domain.orders import FraudRecommendation
from domain.suppliers import Marketplace
from engines.classification import Classification, ClassificationPolicy
from server.agents.ports import AgentUnavailable
from server.agents.tasks import classification_view, fraud_review, sourcing_candidates
from tests.unit.usecases.fakes_intelligence import FakeCrew

OPEN = Categories(known=frozenset({"kitchen"}))


async def test_the_classification_view_takes_the_score_and_derives_a_missing_classification():
    crew = FakeCrew(
        {"dropship_score": 82, "factors": [{"name": "trend", "weight": 0.5, "value": 90}, "junk"]}
    )
    view = await classification_view(crew, {"title": "x"}, ClassificationPolicy())  # type: ignore[arg-type]
    assert view.classification is Classification.HERO and view.score == 82
    [factor] = view.factors
    assert (factor.name, factor.contribution) == ("trend", 45.0)
    assert crew.runs == [{"task": "product_classification", "title": "x"}]


@pytest.mark.parametrize("answer", ["text", {"dropship_score": 140}, {"dropship_score": "high"}, {}])
async def test_a_classification_answer_without_a_score_is_refused(answer: Any):
    with pytest.raises(AgentUnavailable):
        await classification_view(FakeCrew(answer), {}, ClassificationPolicy())  # type: ignore[arg-type]


async def test_the_fraud_review_needs_a_known_recommendation():
    advice = await fraud_review(
        FakeCrew({"recommendation": "Approve", "risk_score": 7, "signals": ["a", 3, ""]}),  # type: ignore[arg-type]
        {},
    )
    assert advice.recommendation is FraudRecommendation.APPROVE and advice.risk_score is None
    assert advice.signals == ("a",)
    with pytest.raises(AgentUnavailable):
        await fraud_review(FakeCrew({"recommendation": "shrug"}), {})  # type: ignore[arg-type]


async def test_discoveries_are_checked_like_a_create_candidate():
    crew = FakeCrew(
        {
            "products": [
                {
                    "title": "Kettle",
                    "marketplace": "AliExpress",
                    "asin": "k-1",
                    "source_price": "7.50",
                    "category": "Time Machines",
                    "review_rating": 9,
                    "url": "javascript:alert(1)",
                    "competitor_prices": [20, -1, "x"],
                },
                {"title": "No identity", "source_price": 3},
                {"title": "Free", "marketplace_id": "F1", "source_price": 0},
                "junk",
            ]
        }
    )
    found = await sourcing_candidates(
        crew,
        {},
        currency="USD",
        categories=OPEN,
        fallback_category="kitchen",
        limit=10,  # type: ignore[arg-type]
    )
    [draft] = found.drafts
    assert found.discarded == 3
    assert (draft.marketplace, draft.marketplace_id, draft.category) == (
        Marketplace.ALIEXPRESS,
        "K-1",
        "kitchen",
    )
    assert draft.review_rating is None and draft.url == ""  # malformed optional fields are dropped
    assert [str(p.amount) for p in draft.competitor_prices] == ["20.00"]
    with pytest.raises(AgentUnavailable):
        await sourcing_candidates(
            FakeCrew({"nothing": 1}),
            {},
            currency="USD",
            categories=OPEN,
            fallback_category="kitchen",
            limit=5,  # type: ignore[arg-type]
        )
