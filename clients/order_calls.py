"""Client calls of orders and inventory."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clients.calls import Calls, rpc, service
from clients.messages import field_mask
from crm.v2 import (
    inventory_service_pb2,
    inventory_service_pb2_grpc,
    order_service_pb2,
    order_service_pb2_grpc,
)

Order = order_service_pb2.Order


class OrderCalls(Calls):
    """OrderService and InventoryService."""

    _orders = service(order_service_pb2_grpc.OrderServiceStub)
    _inventory = service(inventory_service_pb2_grpc.InventoryServiceStub)

    @rpc
    async def create_order(
        self, order: Order, *, request_id: str | None = None, allow_backorder: bool = False
    ) -> Order:
        """Create an order; retries reuse one idempotency key so they never create two."""
        key = request_id or self._transport.config.new_request_id()
        request = order_service_pb2.CreateOrderRequest(
            tenant_id=self.tenant_id, order=order, request_id=key, allow_backorder=allow_backorder
        )
        return await self._transport.unary(self._orders.CreateOrder, request, Order, request_id=key)

    @rpc
    async def get_order(self, order_id: str) -> Order:
        """Fetch one order; NOT_FOUND when it is not in the tenant."""
        request = order_service_pb2.GetOrderRequest(tenant_id=self.tenant_id, order_id=order_id)
        return await self._transport.unary(self._orders.GetOrder, request, Order)

    @rpc
    async def list_orders(self, /, **filters: Any) -> order_service_pb2.ListOrdersResponse:
        """One page of orders; filters: status, financial_status, customer_email, start_time, end_time,
        risk_level, page_size, page_token."""
        request = order_service_pb2.ListOrdersRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._orders.ListOrders, request, order_service_pb2.ListOrdersResponse
        )

    @rpc
    async def update_order(self, order: Order, update_mask: Sequence[str], *, reason: str = "") -> Order:
        """Change the fields named in `update_mask` of the order with `order.id`."""
        request = order_service_pb2.UpdateOrderRequest(
            tenant_id=self.tenant_id, order=order, update_mask=field_mask(update_mask), reason=reason
        )
        return await self._transport.unary(self._orders.UpdateOrder, request, Order)

    @rpc
    async def cancel_order(self, order_id: str, reason: str) -> Order:
        """Cancel an order that has not shipped, releasing its reservations (idempotent)."""
        request = order_service_pb2.CancelOrderRequest(
            tenant_id=self.tenant_id, order_id=order_id, reason=reason
        )
        return await self._transport.unary(self._orders.CancelOrder, request, Order)

    @rpc
    async def create_risk_list_entry(
        self, list_type: int, kind: int, value: str, *, reason: str = ""
    ) -> order_service_pb2.RiskListEntry:
        """Put an email, email domain or country on the tenant's allow (RISK_LIST_ALLOW) or block list."""
        request = order_service_pb2.CreateRiskListEntryRequest(
            tenant_id=self.tenant_id,
            entry=order_service_pb2.RiskListEntry(list=list_type, kind=kind, value=value, reason=reason),  # type: ignore[arg-type]
        )
        return await self._transport.unary(
            self._orders.CreateRiskListEntry, request, order_service_pb2.RiskListEntry
        )

    @rpc
    async def list_risk_list_entries(
        self, /, **filters: Any
    ) -> order_service_pb2.ListRiskListEntriesResponse:
        """One page of the tenant's allow and block list entries; filters: list, kind, page_size,
        page_token."""
        request = order_service_pb2.ListRiskListEntriesRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._orders.ListRiskListEntries, request, order_service_pb2.ListRiskListEntriesResponse
        )

    @rpc
    async def delete_risk_list_entry(self, entry_id: str) -> order_service_pb2.RiskListEntry:
        """Take an entry off its list."""
        request = order_service_pb2.DeleteRiskListEntryRequest(tenant_id=self.tenant_id, entry_id=entry_id)
        return await self._transport.unary(
            self._orders.DeleteRiskListEntry, request, order_service_pb2.RiskListEntry
        )

    @rpc
    async def list_inventory(self, /, **filters: Any) -> inventory_service_pb2.ListInventoryResponse:
        """One page of stock levels; filters: low_stock_only, out_of_stock_only, query, page_size,
        page_token."""
        request = inventory_service_pb2.ListInventoryRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._inventory.ListInventory, request, inventory_service_pb2.ListInventoryResponse
        )

    @rpc
    async def get_inventory(
        self, product_id: str, *, movement_limit: int = 0
    ) -> inventory_service_pb2.GetInventoryResponse:
        """A product's stock level with its latest movements."""
        request = inventory_service_pb2.GetInventoryRequest(
            tenant_id=self.tenant_id, product_id=product_id, movement_limit=movement_limit
        )
        return await self._transport.unary(
            self._inventory.GetInventory, request, inventory_service_pb2.GetInventoryResponse
        )

    @rpc
    async def update_inventory(
        self, /, product_id: str, **change: Any
    ) -> inventory_service_pb2.UpdateInventoryResponse:
        """Change: set_available or adjust_by with reason and movement_type; reorder_point,
        reorder_quantity, max_stock."""
        request = inventory_service_pb2.UpdateInventoryRequest(
            tenant_id=self.tenant_id, product_id=product_id, **change
        )
        return await self._transport.unary(
            self._inventory.UpdateInventory, request, inventory_service_pb2.UpdateInventoryResponse
        )

    @rpc
    async def optimize_inventory(
        self, /, product_id: str, **inputs: Any
    ) -> inventory_service_pb2.OptimizeInventoryResponse:
        """Stock figures for a product: safety stock, reorder point, order quantity; read-only unless
        `apply` is set."""
        request = inventory_service_pb2.OptimizeInventoryRequest(
            tenant_id=self.tenant_id, product_id=product_id, **inputs
        )
        return await self._transport.unary(
            self._inventory.OptimizeInventory, request, inventory_service_pb2.OptimizeInventoryResponse
        )

    @rpc
    async def inventory_alerts(self, /, **filters: Any) -> inventory_service_pb2.GetInventoryAlertsResponse:
        """One page of stock alerts; filters: alert_type, page_size, page_token."""
        request = inventory_service_pb2.GetInventoryAlertsRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._inventory.GetInventoryAlerts, request, inventory_service_pb2.GetInventoryAlertsResponse
        )
