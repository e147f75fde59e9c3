"""SupplierService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import supplier_service_pb2 as pb
from crm.v2 import supplier_service_pb2_grpc
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import requested_id
from server.suppliers import requests
from server.suppliers.proto import supplier_to_proto
from server.suppliers.usecases import SupplierUseCases


class SupplierServicer(supplier_service_pb2_grpc.SupplierServiceServicer):
    def __init__(self, suppliers: SupplierUseCases) -> None:
        self._suppliers = suppliers

    async def CreateSupplier(self, request: pb.CreateSupplierRequest, context: Context) -> pb.Supplier:
        draft = requests.create_command(request)
        return supplier_to_proto(await self._suppliers.create(tenant_id=request.tenant_id, draft=draft))

    async def GetSupplier(self, request: pb.GetSupplierRequest, context: Context) -> pb.Supplier:
        supplier_id = requested_id(request, request.supplier_id, "supplier_id")
        return supplier_to_proto(
            await self._suppliers.get(tenant_id=request.tenant_id, supplier_id=supplier_id)
        )

    async def ListSuppliers(
        self, request: pb.ListSuppliersRequest, context: Context
    ) -> pb.ListSuppliersResponse:
        query = requests.list_query(request)
        page = await self._suppliers.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListSuppliersResponse, "suppliers", page, supplier_to_proto, query)

    async def UpdateSupplier(self, request: pb.UpdateSupplierRequest, context: Context) -> pb.Supplier:
        supplier_id = requested_id(request, request.supplier.id, "supplier.id")
        changes = requests.update_command(request)
        supplier = await self._suppliers.update(
            tenant_id=request.tenant_id, supplier_id=supplier_id, changes=changes
        )
        return supplier_to_proto(supplier)
