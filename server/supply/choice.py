"""Choosing the offer a product buys from, and what follows from it: the product's supplier and source
price become the chosen offer's (its landed cost: unit cost + shipping per unit), which re-scores the
product with the catalog's scoring and re-checks its margin guardrail. Used after every offer change."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.catalog import Product
from domain.catalog_events import ProductUpdated
from domain.suppliers import Supplier
from domain.supply import Offer, OfferRankingView, RankedOfferView
from engines.classification import ClassificationPolicy
from engines.offer_choice import OfferCandidate, OfferPolicy, OfferRanking, rank_offers
from engines.pricing import PricingPolicy
from server.catalog.margins import margin_alarm, margin_checked
from server.catalog.scoring import reanalyzed
from server.supply.ports import SupplyUnitOfWork


@dataclass(frozen=True, slots=True)
class SupplyPolicies:
    offers: OfferPolicy
    classification: ClassificationPolicy
    pricing: PricingPolicy


async def ranking_of(uow: SupplyUnitOfWork, product: Product, policy: OfferPolicy) -> OfferRankingView:
    """Every offer of the product scored and ranked."""
    return (await rankings_of(uow, [product], policy))[product.id]


async def rankings_of(
    uow: SupplyUnitOfWork, products: Sequence[Product], policy: OfferPolicy
) -> dict[uuid.UUID, OfferRankingView]:
    """Every offer of each product scored and ranked, by product; three reads however many products
    (their offers, their usual quantities, the offers' suppliers)."""
    if not products:
        return {}
    tenant_id = products[0].tenant_id
    ids = [product.id for product in products]
    offers = await uow.offers.of_products(tenant_id, ids)
    usual = await uow.offers.usual_quantities(tenant_id, ids)
    suppliers = await uow.suppliers.get_many(
        tenant_id, {offer.supplier_id for of_one in offers.values() for offer in of_one}
    )
    return {
        product.id: _ranked(product, offers[product.id], usual[product.id], suppliers, policy)
        for product in products
    }


def _ranked(
    product: Product,
    offers: list[Offer],
    usual: int,
    suppliers: Mapping[uuid.UUID, Supplier],
    policy: OfferPolicy,
) -> OfferRankingView:
    ranking = _rank(product, offers, usual, suppliers, policy)
    by_id = {str(o.id): o for o in offers}
    chosen = ranking.chosen
    return OfferRankingView(
        product_id=product.id,
        chosen_offer_id=by_id[chosen.key].id if chosen else None,
        offers=tuple(
            RankedOfferView(by_id[r.key], r.eligible, r.score, r.factors, r.reason) for r in ranking.offers
        ),
        usual_quantity=usual,
    )


def _rank(
    product: Product,
    offers: list[Offer],
    usual: int,
    suppliers: Mapping[uuid.UUID, Supplier],
    policy: OfferPolicy,
) -> OfferRanking:
    candidates = []
    for offer in offers:
        supplier = suppliers.get(offer.supplier_id)
        lead_time = offer.lead_time_days  # the offer's own, else its supplier's
        if lead_time is None and supplier is not None:
            lead_time = supplier.lead_time_days
        candidates.append(
            OfferCandidate(
                key=str(offer.id),
                unit_cost=offer.unit_cost.amount,
                shipping_cost=offer.shipping_cost.amount,
                min_order_quantity=offer.min_order_quantity,
                lead_time_days=lead_time,
                supplier_rating=supplier.rating if supplier else None,
                supplier_stock=offer.supplier_stock,
                # an inactive supplier's offers cannot be bought from
                active=offer.is_active and (supplier is None or supplier.is_active),
                blocked=(
                    f"the offer is in {offer.unit_cost.currency}, the product in {product.currency}"
                    if offer.unit_cost.currency != product.currency
                    else ""
                ),
            )
        )
    return rank_offers(candidates, usual_quantity=usual, policy=policy)


async def rechoose(
    uow: SupplyUnitOfWork, product: Product, policies: SupplyPolicies, *, at: datetime
) -> Product:
    """Choose the product's offer again and save what follows (see `rechoose_all`)."""
    return (await rechoose_all(uow, [product], policies, at=at))[0]


async def rechoose_all(
    uow: SupplyUnitOfWork, products: Sequence[Product], policies: SupplyPolicies, *, at: datetime
) -> list[Product]:
    """Choose each product's offer again and save what follows; emits `product.updated` (and
    `product.margin_at_risk`) for each product that changed. A product left without an eligible offer
    keeps its supplier and source price. Four reads however many products; the writes are pipelined."""
    rankings = await rankings_of(uow, products, policies.offers)
    chosen = {
        product.id: next((r.offer for r in rankings[product.id].offers if r.eligible), None)
        for product in products
    }
    new_suppliers = {
        offer.supplier_id
        for product in products
        if (offer := chosen[product.id]) is not None
        and (offer.supplier_id != product.supplier_id or offer.landed_cost != product.source_price)
    }
    suppliers = await uow.suppliers.get_many(products[0].tenant_id, new_suppliers) if new_suppliers else {}
    return [
        await _save_choice(uow, product, chosen[product.id], suppliers, policies, at) for product in products
    ]


async def _save_choice(
    uow: SupplyUnitOfWork,
    product: Product,
    chosen: Offer | None,
    suppliers: Mapping[uuid.UUID, Supplier],
    policies: SupplyPolicies,
    at: datetime,
) -> Product:
    updated = replace(product, chosen_offer_id=chosen.id if chosen else None)
    if chosen is not None:
        updated = replace(updated, supplier_id=chosen.supplier_id, source_price=chosen.landed_cost)
    if updated == product:
        return product
    rescored = updated.source_price != product.source_price or updated.supplier_id != product.supplier_id
    if rescored:
        supplier = suppliers.get(updated.supplier_id) if updated.supplier_id else None
        updated = reanalyzed(updated, supplier, policies.classification, at)
    updated = margin_checked(replace(updated, updated_at=at, version=product.version + 1), policies.pricing)
    await uow.products.save(updated)
    uow.emit(
        ProductUpdated(
            tenant_id=product.tenant_id,
            product=updated,
            changed_fields=_changed_names(product, updated),
            reanalyzed=rescored,
            previous_score=product.analysis.score,
            previous_classification=product.analysis.classification,
        )
    )
    if alarm := margin_alarm(product, updated, policies.pricing, trigger="offer_changed"):
        uow.emit(alarm)
    return updated


def _changed_names(before: Product, after: Product) -> tuple[str, ...]:
    names = {
        "chosen_offer_id": "chosen_offer_id",
        "supplier_id": "supplier_id",
        "source_price": "pricing.source_price",
        "recommended_price": "pricing.recommended_price",
        "analysis": "analysis",
        "margin_at_risk": "margin_at_risk",
    }
    return tuple(shown for name, shown in names.items() if getattr(before, name) != getattr(after, name))
