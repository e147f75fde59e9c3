"""Client calls of the supply side: supplier offers (SupplyService) and purchase orders
(PurchaseOrderService)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clients.calls import Calls, rpc, service
from clients.messages import field_mask
from crm.v2 import (
    purchase_order_service_pb2,
    purchase_order_service_pb2_grpc,
    supply_service_pb2,
    supply_service_pb2_grpc,
)

SupplierOffer = supply_service_pb2.SupplierOffer
PurchaseOrder = purchase_order_service_pb2.PurchaseOrder


class SupplyCalls(Calls):
    """SupplyService and PurchaseOrderService."""

    _supply = service(supply_service_pb2_grpc.SupplyServiceStub)
    _purchasing = service(purchase_order_service_pb2_grpc.PurchaseOrderServiceStub)

    @rpc
    async def create_offer(self, offer: SupplierOffer, *, request_id: str | None = None) -> SupplierOffer:
        """Add a supplier offer to a product; the product's offer is chosen again. Retries reuse one key."""
        key = request_id or self._transport.config.new_request_id()
        request = supply_service_pb2.CreateOfferRequest(tenant_id=self.tenant_id, offer=offer, request_id=key)
        return await self._transport.unary(self._supply.CreateOffer, request, SupplierOffer, request_id=key)

    @rpc
    async def get_offer(self, offer_id: str) -> SupplierOffer:
        """Fetch one offer; NOT_FOUND when it is not in the tenant."""
        request = supply_service_pb2.GetOfferRequest(tenant_id=self.tenant_id, offer_id=offer_id)
        return await self._transport.unary(self._supply.GetOffer, request, SupplierOffer)

    @rpc
    async def list_offers(self, /, **filters: Any) -> supply_service_pb2.ListOffersResponse:
        """One page of offers, newest first; filters: product_id, supplier_id, active_only, page_size,
        page_token."""
        request = supply_service_pb2.ListOffersRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._supply.ListOffers, request, supply_service_pb2.ListOffersResponse
        )

    @rpc
    async def update_offer(self, offer: SupplierOffer, update_mask: Sequence[str]) -> SupplierOffer:
        """Change the fields named in `update_mask` of the offer with `offer.id`."""
        request = supply_service_pb2.UpdateOfferRequest(
            tenant_id=self.tenant_id, offer=offer, update_mask=field_mask(update_mask)
        )
        return await self._transport.unary(self._supply.UpdateOffer, request, SupplierOffer)

    @rpc
    async def delete_offer(self, offer_id: str) -> supply_service_pb2.DeleteOfferResponse:
        """Delete an offer; answers the product's chosen offer afterwards."""
        request = supply_service_pb2.DeleteOfferRequest(tenant_id=self.tenant_id, offer_id=offer_id)
        return await self._transport.unary(
            self._supply.DeleteOffer, request, supply_service_pb2.DeleteOfferResponse
        )

    @rpc
    async def rank_offers(self, product_id: str) -> supply_service_pb2.RankOffersResponse:
        """The product's offers scored and ranked, with their factors."""
        request = supply_service_pb2.RankOffersRequest(tenant_id=self.tenant_id, product_id=product_id)
        return await self._transport.unary(
            self._supply.RankOffers, request, supply_service_pb2.RankOffersResponse
        )

    @rpc
    async def create_purchase_order(
        self, purchase_order: PurchaseOrder, *, request_id: str | None = None
    ) -> PurchaseOrder:
        """Create a replenishment purchase order (a line without quantity orders the recommendation)."""
        key = request_id or self._transport.config.new_request_id()
        request = purchase_order_service_pb2.CreatePurchaseOrderRequest(
            tenant_id=self.tenant_id, purchase_order=purchase_order, request_id=key
        )
        return await self._transport.unary(
            self._purchasing.CreatePurchaseOrder, request, PurchaseOrder, request_id=key
        )

    @rpc
    async def get_purchase_order(self, purchase_order_id: str) -> PurchaseOrder:
        """Fetch one purchase order; NOT_FOUND when it is not in the tenant."""
        request = purchase_order_service_pb2.GetPurchaseOrderRequest(
            tenant_id=self.tenant_id, purchase_order_id=purchase_order_id
        )
        return await self._transport.unary(self._purchasing.GetPurchaseOrder, request, PurchaseOrder)

    @rpc
    async def list_purchase_orders(
        self, /, **filters: Any
    ) -> purchase_order_service_pb2.ListPurchaseOrdersResponse:
        """One page of purchase orders, newest first; filters: supplier_id, status, kind, order_id,
        created_from, created_before, page_size, page_token."""
        request = purchase_order_service_pb2.ListPurchaseOrdersRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._purchasing.ListPurchaseOrders,
            request,
            purchase_order_service_pb2.ListPurchaseOrdersResponse,
        )

    @rpc
    async def update_purchase_order(
        self, purchase_order: PurchaseOrder, update_mask: Sequence[str], *, reason: str = ""
    ) -> PurchaseOrder:
        """Change the fields named in `update_mask` (status moves it along its lifecycle)."""
        request = purchase_order_service_pb2.UpdatePurchaseOrderRequest(
            tenant_id=self.tenant_id,
            purchase_order=purchase_order,
            update_mask=field_mask(update_mask),
            reason=reason,
        )
        return await self._transport.unary(self._purchasing.UpdatePurchaseOrder, request, PurchaseOrder)

    @rpc
    async def cancel_purchase_order(self, purchase_order_id: str, reason: str = "") -> PurchaseOrder:
        """Cancel a purchase order not yet shipped (idempotent)."""
        request = purchase_order_service_pb2.CancelPurchaseOrderRequest(
            tenant_id=self.tenant_id, purchase_order_id=purchase_order_id, reason=reason
        )
        return await self._transport.unary(self._purchasing.CancelPurchaseOrder, request, PurchaseOrder)
