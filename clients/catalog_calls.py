"""Client methods of the catalog: products (with bulk updates) and suppliers.

Mixins for AsyncCrmClient and CrmClient; they use the host client's `_channel`, `_config` and `_unary`.
Request building is shared here; each mixin method is one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from google.protobuf import field_mask_pb2

from crm.v2 import (
    product_service_pb2,
    product_service_pb2_grpc,
    supplier_service_pb2,
    supplier_service_pb2_grpc,
)

P = product_service_pb2
S = supplier_service_pb2


def _mask(paths: Sequence[str]) -> field_mask_pb2.FieldMask:
    return field_mask_pb2.FieldMask(paths=list(paths))


def create_product_request(tenant_id: int, product: P.Product, request_id: str) -> P.CreateProductRequest:
    return P.CreateProductRequest(tenant_id=tenant_id, product=product, request_id=request_id)


def list_products_request(tenant_id: int, **filters: Any) -> P.ListProductsRequest:
    """Filters: category, classification, status, supplier_id, query, min_price, max_price,
    show_discontinued, page_size, page_token (zero values mean "any")."""
    return P.ListProductsRequest(tenant_id=tenant_id, **filters)


def bulk_update_request(
    tenant_id: int,
    changes: P.ProductChanges,
    *,
    product_ids: Sequence[str] = (),
    product_filter: P.ProductFilter | None = None,
    update_mask: Sequence[str] = (),
    validate_only: bool = False,
) -> P.BulkUpdateProductsRequest:
    return P.BulkUpdateProductsRequest(
        tenant_id=tenant_id,
        product_ids=list(product_ids),
        filter=product_filter,
        changes=changes,
        update_mask=_mask(update_mask),
        validate_only=validate_only,
    )


def list_suppliers_request(tenant_id: int, **filters: Any) -> S.ListSuppliersRequest:
    """Filters: marketplace, active_only, query, page_size, page_token."""
    return S.ListSuppliersRequest(tenant_id=tenant_id, **filters)


class _CatalogStubs:
    _channel: Any
    _config: Any

    @property
    def _products(self) -> product_service_pb2_grpc.ProductServiceStub:
        return product_service_pb2_grpc.ProductServiceStub(self._channel)

    @property
    def _suppliers(self) -> supplier_service_pb2_grpc.SupplierServiceStub:
        return supplier_service_pb2_grpc.SupplierServiceStub(self._channel)


class AsyncCatalogMixin(_CatalogStubs):
    _unary: Any

    async def create_product(self, product: P.Product, *, request_id: str | None = None) -> P.Product:
        """Create and classify a product; retries reuse one idempotency key so they never create two."""
        key = request_id or self._config.new_request_id()
        request = create_product_request(self._config.tenant_id, product, key)
        return await self._unary(self._products.CreateProduct, request, request_id=key)

    async def get_product(self, product_id: str) -> P.Product:
        request = P.GetProductRequest(tenant_id=self._config.tenant_id, product_id=product_id)
        return await self._unary(self._products.GetProduct, request)

    async def list_products(self, **filters: Any) -> P.ListProductsResponse:
        """One page of products, newest first."""
        return await self._unary(
            self._products.ListProducts, list_products_request(self._config.tenant_id, **filters)
        )

    async def update_product(self, product: P.Product, update_mask: Sequence[str]) -> P.Product:
        request = P.UpdateProductRequest(
            tenant_id=self._config.tenant_id, product=product, update_mask=_mask(update_mask)
        )
        return await self._unary(self._products.UpdateProduct, request)

    async def delete_product(self, product_id: str) -> P.Product:
        """Discontinue a product (soft delete; idempotent)."""
        request = P.DeleteProductRequest(tenant_id=self._config.tenant_id, product_id=product_id)
        return await self._unary(self._products.DeleteProduct, request)

    async def bulk_update_products(
        self, changes: P.ProductChanges, **selection: Any
    ) -> P.BulkUpdateProductsResponse:
        """Selection: product_ids or product_filter; plus update_mask and validate_only."""
        request = bulk_update_request(self._config.tenant_id, changes, **selection)
        return await self._unary(self._products.BulkUpdateProducts, request)

    async def create_supplier(self, supplier: S.Supplier) -> S.Supplier:
        request = S.CreateSupplierRequest(tenant_id=self._config.tenant_id, supplier=supplier)
        return await self._unary(self._suppliers.CreateSupplier, request)

    async def get_supplier(self, supplier_id: str) -> S.Supplier:
        request = S.GetSupplierRequest(tenant_id=self._config.tenant_id, supplier_id=supplier_id)
        return await self._unary(self._suppliers.GetSupplier, request)

    async def list_suppliers(self, **filters: Any) -> S.ListSuppliersResponse:
        request = list_suppliers_request(self._config.tenant_id, **filters)
        return await self._unary(self._suppliers.ListSuppliers, request)

    async def update_supplier(self, supplier: S.Supplier, update_mask: Sequence[str]) -> S.Supplier:
        request = S.UpdateSupplierRequest(
            tenant_id=self._config.tenant_id, supplier=supplier, update_mask=_mask(update_mask)
        )
        return await self._unary(self._suppliers.UpdateSupplier, request)


class SyncCatalogMixin(_CatalogStubs):
    _unary: Any

    def create_product(self, product: P.Product, *, request_id: str | None = None) -> P.Product:
        """Create and classify a product; retries reuse one idempotency key so they never create two."""
        key = request_id or self._config.new_request_id()
        request = create_product_request(self._config.tenant_id, product, key)
        return self._unary(self._products.CreateProduct, request, request_id=key)

    def get_product(self, product_id: str) -> P.Product:
        request = P.GetProductRequest(tenant_id=self._config.tenant_id, product_id=product_id)
        return self._unary(self._products.GetProduct, request)

    def list_products(self, **filters: Any) -> P.ListProductsResponse:
        """One page of products, newest first."""
        return self._unary(
            self._products.ListProducts, list_products_request(self._config.tenant_id, **filters)
        )

    def update_product(self, product: P.Product, update_mask: Sequence[str]) -> P.Product:
        request = P.UpdateProductRequest(
            tenant_id=self._config.tenant_id, product=product, update_mask=_mask(update_mask)
        )
        return self._unary(self._products.UpdateProduct, request)

    def delete_product(self, product_id: str) -> P.Product:
        """Discontinue a product (soft delete; idempotent)."""
        request = P.DeleteProductRequest(tenant_id=self._config.tenant_id, product_id=product_id)
        return self._unary(self._products.DeleteProduct, request)

    def bulk_update_products(
        self, changes: P.ProductChanges, **selection: Any
    ) -> P.BulkUpdateProductsResponse:
        """Selection: product_ids or product_filter; plus update_mask and validate_only."""
        return self._unary(
            self._products.BulkUpdateProducts,
            bulk_update_request(self._config.tenant_id, changes, **selection),
        )

    def create_supplier(self, supplier: S.Supplier) -> S.Supplier:
        request = S.CreateSupplierRequest(tenant_id=self._config.tenant_id, supplier=supplier)
        return self._unary(self._suppliers.CreateSupplier, request)

    def get_supplier(self, supplier_id: str) -> S.Supplier:
        request = S.GetSupplierRequest(tenant_id=self._config.tenant_id, supplier_id=supplier_id)
        return self._unary(self._suppliers.GetSupplier, request)

    def list_suppliers(self, **filters: Any) -> S.ListSuppliersResponse:
        return self._unary(
            self._suppliers.ListSuppliers, list_suppliers_request(self._config.tenant_id, **filters)
        )

    def update_supplier(self, supplier: S.Supplier, update_mask: Sequence[str]) -> S.Supplier:
        request = S.UpdateSupplierRequest(
            tenant_id=self._config.tenant_id, supplier=supplier, update_mask=_mask(update_mask)
        )
        return self._unary(self._suppliers.UpdateSupplier, request)
