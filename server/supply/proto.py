"""Supplier offer <-> protobuf, the ranking's mapping, and the supply events' registrations."""

from __future__ import annotations

from crm.v2 import events_pb2
from crm.v2 import supply_service_pb2 as pb
from domain import supply_events as ev
from domain.supply import OfferRankingView, OfferView
from server.edge.convert import factors_to_proto, money_to_proto, to_timestamp
from server.events.registration import EventRegistration
from server.suppliers.proto import MARKETPLACE


def offer_to_proto(view: OfferView) -> pb.SupplierOffer:
    offer = view.offer
    return pb.SupplierOffer(
        id=str(offer.id),
        tenant_id=offer.tenant_id,
        product_id=str(offer.product_id),
        supplier_id=str(offer.supplier_id),
        supplier_sku=offer.supplier_sku,
        marketplace=MARKETPLACE.to_proto(offer.marketplace),
        listing_url=offer.listing_url,
        unit_cost=money_to_proto(offer.unit_cost),
        shipping_cost=money_to_proto(offer.shipping_cost),
        min_order_quantity=offer.min_order_quantity,
        lead_time_days=offer.lead_time_days,
        supplier_stock=offer.supplier_stock,
        is_active=offer.is_active,
        chosen=view.chosen,
        landed_cost=money_to_proto(offer.landed_cost),
        create_time=to_timestamp(offer.created_at),
        update_time=to_timestamp(offer.updated_at),
    )


def ranking_to_proto(view: OfferRankingView) -> pb.RankOffersResponse:
    return pb.RankOffersResponse(
        product_id=str(view.product_id),
        chosen_offer_id=str(view.chosen_offer_id or ""),
        offers=[
            pb.RankedOffer(
                offer=offer_to_proto(OfferView(r.offer, r.offer.id == view.chosen_offer_id)),
                eligible=r.eligible,
                score=r.score,
                factors=factors_to_proto(r.factors),
                reason=r.reason,
            )
            for r in view.offers
        ],
        usual_quantity=view.usual_quantity,
    )


def _offer_changed(e: ev.SupplierOfferChanged) -> events_pb2.SupplierOfferChanged:
    return events_pb2.SupplierOfferChanged(
        tenant_id=e.tenant_id,
        offer=offer_to_proto(e.offer),
        change=e.change,
        changed_fields=list(e.changed_fields),
        chosen_offer_id=str(e.chosen_offer_id or ""),
        previous_chosen_offer_id=str(e.previous_chosen_offer_id or ""),
    )


def _margin_at_risk(e: ev.ProductMarginAtRisk) -> events_pb2.ProductMarginAtRisk:
    return events_pb2.ProductMarginAtRisk(
        tenant_id=e.tenant_id,
        product_id=str(e.product_id),
        sku=e.sku,
        source_price=money_to_proto(e.source_price),
        selling_price=money_to_proto(e.selling_price),
        floor_price=money_to_proto(e.floor_price),
        recommended_price=money_to_proto(e.recommended_price),
        trigger=e.trigger,
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (ev.SupplierOfferChanged, events_pb2.SupplierOfferChanged, _offer_changed),
    (ev.ProductMarginAtRisk, events_pb2.ProductMarginAtRisk, _margin_at_risk),
)
