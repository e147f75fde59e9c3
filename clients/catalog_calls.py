"""Client calls of the catalog: products (with bulk updates) and suppliers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clients.calls import Calls, rpc, service
from clients.messages import field_mask
from crm.v2 import (
    product_service_pb2,
    product_service_pb2_grpc,
    supplier_service_pb2,
    supplier_service_pb2_grpc,
)

Product = product_service_pb2.Product
Supplier = supplier_service_pb2.Supplier


class CatalogCalls(Calls):
    """ProductService and SupplierService."""

    _products = service(product_service_pb2_grpc.ProductServiceStub)
    _suppliers = service(supplier_service_pb2_grpc.SupplierServiceStub)

    @rpc
    async def create_product(self, product: Product, *, request_id: str | None = None) -> Product:
        """Create and classify a product; retries reuse one idempotency key so they never create two."""
        key = request_id or self._transport.config.new_request_id()
        request = product_service_pb2.CreateProductRequest(
            tenant_id=self.tenant_id, product=product, request_id=key
        )
        return await self._transport.unary(self._products.CreateProduct, request, Product, request_id=key)

    @rpc
    async def get_product(self, product_id: str) -> Product:
        """Fetch one product; NOT_FOUND when it is not in the tenant."""
        request = product_service_pb2.GetProductRequest(tenant_id=self.tenant_id, product_id=product_id)
        return await self._transport.unary(self._products.GetProduct, request, Product)

    @rpc
    async def list_products(self, /, **filters: Any) -> product_service_pb2.ListProductsResponse:
        """One page of products, newest first; filters: category, classification, status, supplier_id,
        query, min_price, max_price, show_discontinued, page_size, page_token (zero values mean "any")."""
        request = product_service_pb2.ListProductsRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._products.ListProducts, request, product_service_pb2.ListProductsResponse
        )

    @rpc
    async def update_product(self, product: Product, update_mask: Sequence[str]) -> Product:
        """Change the fields named in `update_mask` of the product with `product.id`."""
        request = product_service_pb2.UpdateProductRequest(
            tenant_id=self.tenant_id, product=product, update_mask=field_mask(update_mask)
        )
        return await self._transport.unary(self._products.UpdateProduct, request, Product)

    @rpc
    async def delete_product(self, product_id: str) -> Product:
        """Discontinue a product (soft delete; idempotent)."""
        request = product_service_pb2.DeleteProductRequest(tenant_id=self.tenant_id, product_id=product_id)
        return await self._transport.unary(self._products.DeleteProduct, request, Product)

    @rpc
    async def bulk_update_products(
        self,
        changes: product_service_pb2.ProductChanges,
        *,
        product_ids: Sequence[str] = (),
        product_filter: product_service_pb2.ProductFilter | None = None,
        update_mask: Sequence[str] = (),
        validate_only: bool = False,
    ) -> product_service_pb2.BulkUpdateProductsResponse:
        """Apply `changes` to the products named by `product_ids` or matching `product_filter`."""
        request = product_service_pb2.BulkUpdateProductsRequest(
            tenant_id=self.tenant_id,
            product_ids=list(product_ids),
            filter=product_filter,
            changes=changes,
            update_mask=field_mask(update_mask),
            validate_only=validate_only,
        )
        return await self._transport.unary(
            self._products.BulkUpdateProducts, request, product_service_pb2.BulkUpdateProductsResponse
        )

    @rpc
    async def create_supplier(self, supplier: Supplier) -> Supplier:
        """Create a supplier."""
        request = supplier_service_pb2.CreateSupplierRequest(tenant_id=self.tenant_id, supplier=supplier)
        return await self._transport.unary(self._suppliers.CreateSupplier, request, Supplier)

    @rpc
    async def get_supplier(self, supplier_id: str) -> Supplier:
        """Fetch one supplier; NOT_FOUND when it is not in the tenant."""
        request = supplier_service_pb2.GetSupplierRequest(tenant_id=self.tenant_id, supplier_id=supplier_id)
        return await self._transport.unary(self._suppliers.GetSupplier, request, Supplier)

    @rpc
    async def list_suppliers(self, /, **filters: Any) -> supplier_service_pb2.ListSuppliersResponse:
        """One page of suppliers; filters: marketplace, active_only, query, page_size, page_token."""
        request = supplier_service_pb2.ListSuppliersRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._suppliers.ListSuppliers, request, supplier_service_pb2.ListSuppliersResponse
        )

    @rpc
    async def update_supplier(self, supplier: Supplier, update_mask: Sequence[str]) -> Supplier:
        """Change the fields named in `update_mask` of the supplier with `supplier.id`."""
        request = supplier_service_pb2.UpdateSupplierRequest(
            tenant_id=self.tenant_id, supplier=supplier, update_mask=field_mask(update_mask)
        )
        return await self._transport.unary(self._suppliers.UpdateSupplier, request, Supplier)
