"""Client methods of orders and inventory.

Mixins for AsyncCrmClient and CrmClient; they use the host client's `_channel`, `_config` and `_unary`.
Request building is shared here; each mixin method is one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from google.protobuf import field_mask_pb2

from crm.v2 import (
    inventory_service_pb2,
    inventory_service_pb2_grpc,
    order_service_pb2,
    order_service_pb2_grpc,
)

O = order_service_pb2  # noqa: E741
I = inventory_service_pb2  # noqa: E741


def create_order_request(
    tenant_id: int, order: O.Order, request_id: str, allow_backorder: bool
) -> O.CreateOrderRequest:
    return O.CreateOrderRequest(
        tenant_id=tenant_id, order=order, request_id=request_id, allow_backorder=allow_backorder
    )


def update_order_request(
    tenant_id: int, order: O.Order, update_mask: Sequence[str], reason: str
) -> O.UpdateOrderRequest:
    return O.UpdateOrderRequest(
        tenant_id=tenant_id,
        order=order,
        update_mask=field_mask_pb2.FieldMask(paths=list(update_mask)),
        reason=reason,
    )


class _OrderStubs:
    _channel: Any
    _config: Any

    @property
    def _orders(self) -> order_service_pb2_grpc.OrderServiceStub:
        return order_service_pb2_grpc.OrderServiceStub(self._channel)

    @property
    def _inventory(self) -> inventory_service_pb2_grpc.InventoryServiceStub:
        return inventory_service_pb2_grpc.InventoryServiceStub(self._channel)


class AsyncOrderMixin(_OrderStubs):
    _unary: Any

    async def create_order(
        self, order: O.Order, *, request_id: str | None = None, allow_backorder: bool = False
    ) -> O.Order:
        """Create an order; retries reuse one idempotency key so they never create two."""
        key = request_id or self._config.new_request_id()
        request = create_order_request(self._config.tenant_id, order, key, allow_backorder)
        return await self._unary(self._orders.CreateOrder, request, request_id=key)

    async def get_order(self, order_id: str) -> O.Order:
        request = O.GetOrderRequest(tenant_id=self._config.tenant_id, order_id=order_id)
        return await self._unary(self._orders.GetOrder, request)

    async def list_orders(self, **filters: Any) -> O.ListOrdersResponse:
        """Filters: status, financial_status, customer_email, start_time, end_time, risk_level,
        page_size, page_token."""
        request = O.ListOrdersRequest(tenant_id=self._config.tenant_id, **filters)
        return await self._unary(self._orders.ListOrders, request)

    async def update_order(self, order: O.Order, update_mask: Sequence[str], *, reason: str = "") -> O.Order:
        request = update_order_request(self._config.tenant_id, order, update_mask, reason)
        return await self._unary(self._orders.UpdateOrder, request)

    async def cancel_order(self, order_id: str, reason: str) -> O.Order:
        request = O.CancelOrderRequest(tenant_id=self._config.tenant_id, order_id=order_id, reason=reason)
        return await self._unary(self._orders.CancelOrder, request)

    async def list_inventory(self, **filters: Any) -> I.ListInventoryResponse:
        """Filters: low_stock_only, out_of_stock_only, query, page_size, page_token."""
        request = I.ListInventoryRequest(tenant_id=self._config.tenant_id, **filters)
        return await self._unary(self._inventory.ListInventory, request)

    async def get_inventory(self, product_id: str, *, movement_limit: int = 0) -> I.GetInventoryResponse:
        request = I.GetInventoryRequest(
            tenant_id=self._config.tenant_id, product_id=product_id, movement_limit=movement_limit
        )
        return await self._unary(self._inventory.GetInventory, request)

    async def update_inventory(self, product_id: str, **change: Any) -> I.UpdateInventoryResponse:
        """Change: set_available or adjust_by with reason and movement_type; reorder_point,
        reorder_quantity, max_stock."""
        request = I.UpdateInventoryRequest(tenant_id=self._config.tenant_id, product_id=product_id, **change)
        return await self._unary(self._inventory.UpdateInventory, request)

    async def optimize_inventory(self, product_id: str, **inputs: Any) -> I.OptimizeInventoryResponse:
        request = I.OptimizeInventoryRequest(
            tenant_id=self._config.tenant_id, product_id=product_id, **inputs
        )
        return await self._unary(self._inventory.OptimizeInventory, request)

    async def inventory_alerts(self, **filters: Any) -> I.GetInventoryAlertsResponse:
        """Filters: alert_type, page_size, page_token."""
        request = I.GetInventoryAlertsRequest(tenant_id=self._config.tenant_id, **filters)
        return await self._unary(self._inventory.GetInventoryAlerts, request)


class SyncOrderMixin(_OrderStubs):
    _unary: Any

    def create_order(
        self, order: O.Order, *, request_id: str | None = None, allow_backorder: bool = False
    ) -> O.Order:
        """Create an order; retries reuse one idempotency key so they never create two."""
        key = request_id or self._config.new_request_id()
        request = create_order_request(self._config.tenant_id, order, key, allow_backorder)
        return self._unary(self._orders.CreateOrder, request, request_id=key)

    def get_order(self, order_id: str) -> O.Order:
        request = O.GetOrderRequest(tenant_id=self._config.tenant_id, order_id=order_id)
        return self._unary(self._orders.GetOrder, request)

    def list_orders(self, **filters: Any) -> O.ListOrdersResponse:
        request = O.ListOrdersRequest(tenant_id=self._config.tenant_id, **filters)
        return self._unary(self._orders.ListOrders, request)

    def update_order(self, order: O.Order, update_mask: Sequence[str], *, reason: str = "") -> O.Order:
        request = update_order_request(self._config.tenant_id, order, update_mask, reason)
        return self._unary(self._orders.UpdateOrder, request)

    def cancel_order(self, order_id: str, reason: str) -> O.Order:
        request = O.CancelOrderRequest(tenant_id=self._config.tenant_id, order_id=order_id, reason=reason)
        return self._unary(self._orders.CancelOrder, request)

    def list_inventory(self, **filters: Any) -> I.ListInventoryResponse:
        request = I.ListInventoryRequest(tenant_id=self._config.tenant_id, **filters)
        return self._unary(self._inventory.ListInventory, request)

    def get_inventory(self, product_id: str, *, movement_limit: int = 0) -> I.GetInventoryResponse:
        request = I.GetInventoryRequest(
            tenant_id=self._config.tenant_id, product_id=product_id, movement_limit=movement_limit
        )
        return self._unary(self._inventory.GetInventory, request)

    def update_inventory(self, product_id: str, **change: Any) -> I.UpdateInventoryResponse:
        request = I.UpdateInventoryRequest(tenant_id=self._config.tenant_id, product_id=product_id, **change)
        return self._unary(self._inventory.UpdateInventory, request)

    def optimize_inventory(self, product_id: str, **inputs: Any) -> I.OptimizeInventoryResponse:
        request = I.OptimizeInventoryRequest(
            tenant_id=self._config.tenant_id, product_id=product_id, **inputs
        )
        return self._unary(self._inventory.OptimizeInventory, request)

    def inventory_alerts(self, **filters: Any) -> I.GetInventoryAlertsResponse:
        request = I.GetInventoryAlertsRequest(tenant_id=self._config.tenant_id, **filters)
        return self._unary(self._inventory.GetInventoryAlerts, request)
