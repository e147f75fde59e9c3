"""ProductService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import product_service_pb2 as pb
from crm.v2 import product_service_pb2_grpc
from server.catalog import requests
from server.catalog.bulk import ProductBulkUseCases
from server.catalog.proto import bulk_response, product_to_proto
from server.catalog.usecases import ProductUseCases
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import fingerprint_of, requested_id


class ProductServicer(product_service_pb2_grpc.ProductServiceServicer):
    def __init__(self, products: ProductUseCases, bulk: ProductBulkUseCases) -> None:
        self._products = products
        self._bulk = bulk
        self._categories = products.categories

    async def CreateProduct(self, request: pb.CreateProductRequest, context: Context) -> pb.Product:
        draft, request_id = requests.create_command(request, self._categories)
        product = await self._products.create(
            tenant_id=request.tenant_id,
            draft=draft,
            request_id=request_id,
            fingerprint=fingerprint_of(request) if request_id else None,
        )
        return product_to_proto(product)

    async def GetProduct(self, request: pb.GetProductRequest, context: Context) -> pb.Product:
        product_id = requested_id(request, request.product_id, "product_id")
        return product_to_proto(await self._products.get(tenant_id=request.tenant_id, product_id=product_id))

    async def ListProducts(
        self, request: pb.ListProductsRequest, context: Context
    ) -> pb.ListProductsResponse:
        query = requests.list_query(request, self._categories)
        page = await self._products.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListProductsResponse, "products", page, product_to_proto, query)

    async def UpdateProduct(self, request: pb.UpdateProductRequest, context: Context) -> pb.Product:
        product_id = requested_id(request, request.product.id, "product.id")
        changes = requests.update_command(request, self._categories)
        product = await self._products.update(
            tenant_id=request.tenant_id, product_id=product_id, changes=changes
        )
        return product_to_proto(product)

    async def DeleteProduct(self, request: pb.DeleteProductRequest, context: Context) -> pb.Product:
        product_id = requested_id(request, request.product_id, "product_id")
        return product_to_proto(
            await self._products.delete(tenant_id=request.tenant_id, product_id=product_id)
        )

    async def BulkUpdateProducts(
        self, request: pb.BulkUpdateProductsRequest, context: Context
    ) -> pb.BulkUpdateProductsResponse:
        selection, changes = requests.bulk_command(request, self._categories)
        outcome = await self._bulk.bulk_update(
            tenant_id=request.tenant_id,
            selection=selection,
            changes=changes,
            validate_only=request.validate_only,
        )
        return bulk_response(outcome)
