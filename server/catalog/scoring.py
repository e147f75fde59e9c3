"""The catalog's link to the classification engine: the policy from configuration, and (re-)analysing a
product with its supplier's rating and lead time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.catalog import Product, ProductAnalysis
from domain.money import Money
from domain.suppliers import Supplier
from engines.classification import (
    ClassificationPolicy,
    DropshipAnalysis,
    ProductSignals,
    analyze,
)


def signals_of(
    *,
    source_price: Money,
    selling_price: Money | None,
    category: str,
    competitor_count: int | None,
    review_rating: float | None,
    review_count: int | None,
    supplier: Supplier | None,
) -> ProductSignals:
    return ProductSignals(
        source_price=source_price.amount,
        selling_price=selling_price.amount if selling_price is not None else None,
        category=category,
        competitor_count=competitor_count,
        review_rating=review_rating,
        review_count=review_count,
        supplier_rating=supplier.rating if supplier else None,
        supplier_lead_time_days=supplier.lead_time_days if supplier else None,
    )


def as_product_analysis(result: DropshipAnalysis, at: datetime) -> ProductAnalysis:
    return ProductAnalysis(
        score=result.score,
        classification=result.classification,
        profit_margin=result.profit_margin,
        factors=result.factors,
        analyzed_at=at,
    )


def reanalyzed(
    product: Product, supplier: Supplier | None, policy: ClassificationPolicy, at: datetime
) -> Product:
    """The product with a fresh analysis and recommended price at its current selling price."""
    result = analyze(
        signals_of(
            source_price=product.source_price,
            selling_price=product.selling_price,
            category=product.category,
            competitor_count=product.competitor_count,
            review_rating=product.review_rating,
            review_count=product.review_count,
            supplier=supplier,
        ),
        policy,
    )
    return replace(
        product,
        analysis=as_product_analysis(result, at),
        recommended_price=Money(result.recommended_price, product.currency),
    )
