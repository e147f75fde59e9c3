"""A candidate's score: the catalog's classification engine (engines/sourcing.py picks the price the market
allows), with the supplier's rating and lead time where the candidate does not state its own."""

from __future__ import annotations

from datetime import datetime

from domain.money import Money
from domain.sourcing import CandidateDraft, CandidateScore
from domain.suppliers import Supplier
from engines.classification import ClassificationPolicy
from engines.sourcing import CandidateFacts, score_candidate
from server.catalog.scoring import as_product_analysis


def scored(
    draft: CandidateDraft, supplier: Supplier | None, policy: ClassificationPolicy, at: datetime
) -> CandidateScore:
    rating = draft.supplier_rating
    if rating is None and supplier is not None:
        rating = supplier.rating
    lead_time = draft.supplier_lead_time_days
    if lead_time is None and supplier is not None:
        lead_time = supplier.lead_time_days
    result = score_candidate(
        CandidateFacts(
            source_price=draft.source_price.amount,
            category=draft.category,
            competitor_prices=tuple(p.amount for p in draft.competitor_prices),
            competitor_count=draft.competitor_count,
            review_rating=draft.review_rating,
            review_count=draft.review_count,
            supplier_rating=rating,
            supplier_lead_time_days=lead_time,
        ),
        policy,
    )
    currency = draft.source_price.currency
    return CandidateScore(
        analysis=as_product_analysis(result, at),
        recommended_price=Money(result.recommended_price, currency),
        expected_price=Money(result.selling_price, currency),
    )
