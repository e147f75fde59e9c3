"""Who may call what: the role each RPC of the contract needs, when AUTH_MODE=jwt.

Roles come from the token's `roles` claim (JWT_ROLES_CLAIM names another). They nest: a writer may do what a
reader may, an admin what a writer may. Reads need `reader`; anything that writes or emits an event needs
`writer`; bulk changes, pricing applied to many products, cancelling a workflow and the full health report
(with a tenant's counts) need `admin`. A test checks that every RPC of the contract is in this table, so a
new RPC cannot be served without a decision here.
"""

from __future__ import annotations

READER, WRITER, ADMIN = "reader", "writer", "admin"
RANK = {READER: 1, WRITER: 2, ADMIN: 3}

REQUIRED_ROLE: dict[str, str] = {
    # analytics
    "/crm.v2.AnalyticsService/GetDashboard": READER,
    # contacts
    "/crm.v2.ContactService/CreateContact": WRITER,
    "/crm.v2.ContactService/GetContact": READER,
    "/crm.v2.ContactService/ListContacts": READER,
    "/crm.v2.ContactService/UpdateContact": WRITER,
    "/crm.v2.ContactService/DeleteContact": WRITER,
    # deals
    "/crm.v2.DealService/CreateDeal": WRITER,
    "/crm.v2.DealService/GetDeal": READER,
    "/crm.v2.DealService/ListDeals": READER,
    "/crm.v2.DealService/UpdateDeal": WRITER,
    "/crm.v2.DealService/DeleteDeal": WRITER,
    "/crm.v2.DealService/GetPipelineSummary": READER,
    # events
    "/crm.v2.EventService/ListEvents": READER,
    "/crm.v2.EventService/WatchEvents": READER,
    # intelligence
    "/crm.v2.IntelligenceService/RecommendCrossSell": READER,
    "/crm.v2.IntelligenceService/OptimizePricing": READER,  # a recommendation: it changes nothing
    "/crm.v2.IntelligenceService/BulkOptimizePricing": ADMIN,
    "/crm.v2.IntelligenceService/RecommendProducts": READER,
    "/crm.v2.IntelligenceService/GenerateMarketingStrategy": WRITER,  # records marketing.strategy_generated
    # inventory
    "/crm.v2.InventoryService/ListInventory": READER,
    "/crm.v2.InventoryService/GetInventory": READER,
    "/crm.v2.InventoryService/UpdateInventory": WRITER,
    "/crm.v2.InventoryService/OptimizeInventory": WRITER,  # may apply the reorder settings it computes
    "/crm.v2.InventoryService/GetInventoryAlerts": READER,
    # leads
    "/crm.v2.LeadService/CreateLead": WRITER,
    "/crm.v2.LeadService/GetLead": READER,
    "/crm.v2.LeadService/ListLeads": READER,
    "/crm.v2.LeadService/UpdateLead": WRITER,
    "/crm.v2.LeadService/DeleteLead": WRITER,
    "/crm.v2.LeadService/ConvertLead": WRITER,
    "/crm.v2.LeadService/GetLeadAnalytics": READER,
    # orders
    "/crm.v2.OrderService/CreateOrder": WRITER,
    "/crm.v2.OrderService/GetOrder": READER,
    "/crm.v2.OrderService/ListOrders": READER,
    "/crm.v2.OrderService/UpdateOrder": WRITER,
    "/crm.v2.OrderService/CancelOrder": WRITER,
    # purchasing
    "/crm.v2.PurchaseOrderService/CreatePurchaseOrder": WRITER,
    "/crm.v2.PurchaseOrderService/GetPurchaseOrder": READER,
    "/crm.v2.PurchaseOrderService/ListPurchaseOrders": READER,
    "/crm.v2.PurchaseOrderService/UpdatePurchaseOrder": WRITER,
    "/crm.v2.PurchaseOrderService/CancelPurchaseOrder": WRITER,
    "/crm.v2.OrderService/CreateRiskListEntry": ADMIN,  # changes how every later order is assessed
    "/crm.v2.OrderService/ListRiskListEntries": READER,
    "/crm.v2.OrderService/DeleteRiskListEntry": ADMIN,
    # catalog
    "/crm.v2.ProductService/CreateProduct": WRITER,
    "/crm.v2.ProductService/GetProduct": READER,
    "/crm.v2.ProductService/ListProducts": READER,
    "/crm.v2.ProductService/UpdateProduct": WRITER,
    "/crm.v2.ProductService/DeleteProduct": WRITER,
    "/crm.v2.ProductService/BulkUpdateProducts": ADMIN,
    # sourcing
    "/crm.v2.SourcingService/CreateCandidate": WRITER,
    "/crm.v2.SourcingService/BatchCreateCandidates": WRITER,
    "/crm.v2.SourcingService/GetCandidate": READER,
    "/crm.v2.SourcingService/ListCandidates": READER,
    "/crm.v2.SourcingService/ApproveCandidate": WRITER,  # creates a catalog product, as CreateProduct does
    "/crm.v2.SourcingService/RejectCandidate": WRITER,
    "/crm.v2.SourcingService/StartSourcingDiscovery": WRITER,
    # suppliers
    "/crm.v2.SupplierService/CreateSupplier": WRITER,
    "/crm.v2.SupplierService/GetSupplier": READER,
    "/crm.v2.SupplierService/ListSuppliers": READER,
    "/crm.v2.SupplierService/UpdateSupplier": WRITER,
    # supply
    "/crm.v2.SupplyService/CreateOffer": WRITER,
    "/crm.v2.SupplyService/GetOffer": READER,
    "/crm.v2.SupplyService/ListOffers": READER,
    "/crm.v2.SupplyService/UpdateOffer": WRITER,
    "/crm.v2.SupplyService/DeleteOffer": WRITER,
    "/crm.v2.SupplyService/RankOffers": READER,
    # system
    "/crm.v2.SystemService/GetHealth": ADMIN,  # the operator's report, with a tenant's counts
    # workflows
    "/crm.v2.WorkflowService/StartProductClassification": WRITER,
    "/crm.v2.WorkflowService/GetWorkflow": READER,
    "/crm.v2.WorkflowService/ListWorkflows": READER,
    "/crm.v2.WorkflowService/CancelWorkflow": ADMIN,
}

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
REQUIRED_ROLE |= {method: REQUIRED_ROLE[contract] for method, contract in PROTOTYPE_COUNTERPARTS.items()}


def allows(roles: frozenset[str], needed: str) -> bool:
    """True when one of `roles` ranks at least as high as `needed`."""
    return max((RANK.get(role, 0) for role in roles), default=0) >= RANK[needed]
