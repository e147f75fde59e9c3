"""The margin guardrail of a product: its selling price must cover the source price plus MIN_MARGIN (the
pricing engine's floor). A product below it is flagged `margin_at_risk`, and the change that put it there
emits `product.margin_at_risk`; shared by UpdateProduct and the offer choice."""

from __future__ import annotations

from dataclasses import replace

from domain.catalog import Product
from domain.money import Money
from domain.supply_events import ProductMarginAtRisk
from engines.pricing import PricingPolicy, floor_price


def margin_checked(product: Product, pricing: PricingPolicy) -> Product:
    """The product with `margin_at_risk` set from its current source and selling prices."""
    at_risk = product.selling_price.amount < floor_price(product.source_price.amount, pricing)
    return product if at_risk is product.margin_at_risk else replace(product, margin_at_risk=at_risk)


def margin_alarm(
    before: Product, after: Product, pricing: PricingPolicy, *, trigger: str
) -> ProductMarginAtRisk | None:
    """`product.margin_at_risk` when this change took the product below its floor; None otherwise."""
    if not after.margin_at_risk or before.margin_at_risk:
        return None
    return ProductMarginAtRisk(
        tenant_id=after.tenant_id,
        product_id=after.id,
        sku=after.sku,
        source_price=after.source_price,
        selling_price=after.selling_price,
        floor_price=Money(floor_price(after.source_price.amount, pricing), after.currency),
        recommended_price=after.recommended_price,
        trigger=trigger,
    )
