"""Who may call what, when AUTH_MODE=jwt: the role each RPC declares in the contract
(`option (crm.v2.required_role)`, protos/crm/v2/access.proto), where clients read it too.

Roles come from the token's `roles` claim (JWT_ROLES_CLAIM names another). They nest: a writer may do what a
reader may, an admin what a writer may. A test checks that every RPC of the contract declares one.
"""

from __future__ import annotations

from google.protobuf import descriptor_pool

from crm.v2 import access_pb2

READER, WRITER, ADMIN = "reader", "writer", "admin"
RANK = {READER: 1, WRITER: 2, ADMIN: 3}

# The prototype's REST paths (PrototypeRestService, legacy) answer through the contract's servicers without
# passing the interceptor again, so each needs exactly the role of the contract RPC it answers through.
PROTOTYPE_COUNTERPARTS: dict[str, str] = {
    "/crm.v2.PrototypeRestService/GetPrototypeHealth": "/crm.v2.SystemService/GetHealth",
    "/crm.v2.PrototypeRestService/CreatePrototypeProduct": "/crm.v2.ProductService/CreateProduct",
    "/crm.v2.PrototypeRestService/ListPrototypeProducts": "/crm.v2.ProductService/ListProducts",
    "/crm.v2.PrototypeRestService/GetPrototypeProduct": "/crm.v2.ProductService/GetProduct",
    "/crm.v2.PrototypeRestService/UpdatePrototypeProduct": "/crm.v2.ProductService/UpdateProduct",
    "/crm.v2.PrototypeRestService/DeletePrototypeProduct": "/crm.v2.ProductService/DeleteProduct",
    "/crm.v2.PrototypeRestService/RecommendPrototypeCrossSell": (
        "/crm.v2.IntelligenceService/RecommendCrossSell"
    ),
    "/crm.v2.PrototypeRestService/GetPrototypeInventoryAlerts": (
        "/crm.v2.InventoryService/GetInventoryAlerts"
    ),
    "/crm.v2.PrototypeRestService/StartPrototypeProductClassification": (
        "/crm.v2.WorkflowService/StartProductClassification"
    ),
    "/crm.v2.PrototypeRestService/GetPrototypeWorkflow": "/crm.v2.WorkflowService/GetWorkflow",
    "/crm.v2.PrototypeRestService/CreatePrototypeLead": "/crm.v2.LeadService/CreateLead",
    "/crm.v2.PrototypeRestService/ListPrototypeLeads": "/crm.v2.LeadService/ListLeads",
    "/crm.v2.PrototypeRestService/GetPrototypeLead": "/crm.v2.LeadService/GetLead",
    "/crm.v2.PrototypeRestService/GetPrototypeLeadAnalytics": "/crm.v2.LeadService/GetLeadAnalytics",
    "/crm.v2.PrototypeRestService/BulkUpdatePrototypeProducts": "/crm.v2.ProductService/BulkUpdateProducts",
    "/crm.v2.PrototypeRestService/CreatePrototypeOrder": "/crm.v2.OrderService/CreateOrder",
    "/crm.v2.PrototypeRestService/ListPrototypeOrders": "/crm.v2.OrderService/ListOrders",
    "/crm.v2.PrototypeRestService/GetPrototypeOrder": "/crm.v2.OrderService/GetOrder",
    "/crm.v2.PrototypeRestService/UpdatePrototypeOrder": "/crm.v2.OrderService/UpdateOrder",
    "/crm.v2.PrototypeRestService/ListPrototypeInventory": "/crm.v2.InventoryService/ListInventory",
    "/crm.v2.PrototypeRestService/UpdatePrototypeInventory": "/crm.v2.InventoryService/UpdateInventory",
    "/crm.v2.PrototypeRestService/OptimizePrototypeInventory": "/crm.v2.InventoryService/OptimizeInventory",
    "/crm.v2.PrototypeRestService/CreatePrototypeSupplier": "/crm.v2.SupplierService/CreateSupplier",
    "/crm.v2.PrototypeRestService/ListPrototypeSuppliers": "/crm.v2.SupplierService/ListSuppliers",
    "/crm.v2.PrototypeRestService/RecommendPrototypeProducts": (
        "/crm.v2.IntelligenceService/RecommendProducts"
    ),
    "/crm.v2.PrototypeRestService/GeneratePrototypeMarketingStrategy": (
        "/crm.v2.IntelligenceService/GenerateMarketingStrategy"
    ),
    "/crm.v2.PrototypeRestService/OptimizePrototypePricing": "/crm.v2.IntelligenceService/OptimizePricing",
    "/crm.v2.PrototypeRestService/GetPrototypeDashboard": "/crm.v2.AnalyticsService/GetDashboard",
    "/crm.v2.PrototypeRestService/BulkOptimizePrototypePricing": (
        "/crm.v2.IntelligenceService/BulkOptimizePricing"
    ),
    "/crm.v2.PrototypeRestService/ListPrototypeEvents": "/crm.v2.EventService/ListEvents",
}
_ROLES: dict[int, str] = {
    access_pb2.ROLE_READER: READER,
    access_pb2.ROLE_WRITER: WRITER,
    access_pb2.ROLE_ADMIN: ADMIN,
}


def declared_role(method: str) -> str | None:
    """The role the contract declares on `method` (`/package.Service/Method`), None when it declares none
    or there is no such RPC (in the descriptors the generated modules loaded)."""
    service_name, _, name = method.strip("/").partition("/")
    try:
        service = descriptor_pool.Default().FindServiceByName(service_name)
    except KeyError:
        return None
    rpc = service.methods_by_name.get(name)
    if rpc is None:
        return None
    # protoc's stub types the extension as a plain FieldDescriptor, which the Extensions map does not take
    declared: int = rpc.GetOptions().Extensions[access_pb2.required_role]  # type: ignore[index]
    return _ROLES.get(declared)


def required_role(method: str) -> str:
    """The role a call of `method` needs: what its RPC declares, or for a prototype path what its contract
    counterpart declares; an RPC that declares nothing needs admin (a forgotten declaration fails closed)."""
    return declared_role(PROTOTYPE_COUNTERPARTS.get(method, method)) or ADMIN


def allows(roles: frozenset[str], needed: str) -> bool:
    """True when one of `roles` ranks at least as high as `needed`."""
    return max((RANK.get(role, 0) for role in roles), default=0) >= RANK[needed]
