import datetime

from crm.v2 import common_pb2 as _common_pb2
from crm.v2 import contact_service_pb2 as _contact_service_pb2
from crm.v2 import deal_service_pb2 as _deal_service_pb2
from crm.v2 import inventory_service_pb2 as _inventory_service_pb2
from crm.v2 import lead_service_pb2 as _lead_service_pb2
from crm.v2 import order_service_pb2 as _order_service_pb2
from crm.v2 import product_service_pb2 as _product_service_pb2
from crm.v2 import purchase_order_service_pb2 as _purchase_order_service_pb2
from crm.v2 import sourcing_service_pb2 as _sourcing_service_pb2
from crm.v2 import supplier_service_pb2 as _supplier_service_pb2
from crm.v2 import supply_service_pb2 as _supply_service_pb2
from crm.v2 import workflow_service_pb2 as _workflow_service_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.rpc import status_pb2 as _status_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LeadCreated(_message.Message):
    __slots__ = ("tenant_id", "lead")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead: _lead_service_pb2.Lead
    def __init__(self, tenant_id: _Optional[int] = ..., lead: _Optional[_Union[_lead_service_pb2.Lead, _Mapping]] = ...) -> None: ...

class LeadUpdated(_message.Message):
    __slots__ = ("tenant_id", "lead", "changed_fields", "previous_score")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_SCORE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead: _lead_service_pb2.Lead
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    previous_score: float
    def __init__(self, tenant_id: _Optional[int] = ..., lead: _Optional[_Union[_lead_service_pb2.Lead, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ..., previous_score: _Optional[float] = ...) -> None: ...

class LeadDeleted(_message.Message):
    __slots__ = ("tenant_id", "lead_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., lead_id: _Optional[str] = ...) -> None: ...

class ProductCreated(_message.Message):
    __slots__ = ("tenant_id", "product", "request_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product: _product_service_pb2.Product
    request_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product: _Optional[_Union[_product_service_pb2.Product, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class ProductAnalysisStarted(_message.Message):
    __slots__ = ("tenant_id", "product_id", "sku", "trigger", "workflow_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    sku: str
    trigger: str
    workflow_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ..., trigger: _Optional[str] = ..., workflow_id: _Optional[str] = ...) -> None: ...

class ProductUpdated(_message.Message):
    __slots__ = ("tenant_id", "product", "changed_fields", "reanalyzed", "previous_dropship_score", "previous_classification")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    REANALYZED_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_DROPSHIP_SCORE_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product: _product_service_pb2.Product
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    reanalyzed: bool
    previous_dropship_score: float
    previous_classification: _product_service_pb2.ProductClassification
    def __init__(self, tenant_id: _Optional[int] = ..., product: _Optional[_Union[_product_service_pb2.Product, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ..., reanalyzed: _Optional[bool] = ..., previous_dropship_score: _Optional[float] = ..., previous_classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ...) -> None: ...

class ProductDiscontinued(_message.Message):
    __slots__ = ("tenant_id", "product_id", "sku", "previous_status")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    sku: str
    previous_status: _product_service_pb2.ProductStatus
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ..., previous_status: _Optional[_Union[_product_service_pb2.ProductStatus, str]] = ...) -> None: ...

class ProductsBulkUpdated(_message.Message):
    __slots__ = ("tenant_id", "bulk_operation_id", "product_ids", "update_paths", "by_filter", "matched_count", "updated_count", "failed_count")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    BULK_OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_PATHS_FIELD_NUMBER: _ClassVar[int]
    BY_FILTER_FIELD_NUMBER: _ClassVar[int]
    MATCHED_COUNT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    bulk_operation_id: str
    product_ids: _containers.RepeatedScalarFieldContainer[str]
    update_paths: _containers.RepeatedScalarFieldContainer[str]
    by_filter: bool
    matched_count: int
    updated_count: int
    failed_count: int
    def __init__(self, tenant_id: _Optional[int] = ..., bulk_operation_id: _Optional[str] = ..., product_ids: _Optional[_Iterable[str]] = ..., update_paths: _Optional[_Iterable[str]] = ..., by_filter: _Optional[bool] = ..., matched_count: _Optional[int] = ..., updated_count: _Optional[int] = ..., failed_count: _Optional[int] = ...) -> None: ...

class SupplierCreated(_message.Message):
    __slots__ = ("tenant_id", "supplier")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    supplier: _supplier_service_pb2.Supplier
    def __init__(self, tenant_id: _Optional[int] = ..., supplier: _Optional[_Union[_supplier_service_pb2.Supplier, _Mapping]] = ...) -> None: ...

class SupplierUpdated(_message.Message):
    __slots__ = ("tenant_id", "supplier", "changed_fields")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    supplier: _supplier_service_pb2.Supplier
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, tenant_id: _Optional[int] = ..., supplier: _Optional[_Union[_supplier_service_pb2.Supplier, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class OrderCreated(_message.Message):
    __slots__ = ("tenant_id", "order", "has_backorders")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    HAS_BACKORDERS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order: _order_service_pb2.Order
    has_backorders: bool
    def __init__(self, tenant_id: _Optional[int] = ..., order: _Optional[_Union[_order_service_pb2.Order, _Mapping]] = ..., has_backorders: _Optional[bool] = ...) -> None: ...

class OrderProcessingStarted(_message.Message):
    __slots__ = ("tenant_id", "order_id", "order_number", "status", "risk_level", "total", "item_count")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    order_number: str
    status: _order_service_pb2.OrderStatus
    risk_level: _order_service_pb2.RiskLevel
    total: _money_pb2.Money
    item_count: int
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., status: _Optional[_Union[_order_service_pb2.OrderStatus, str]] = ..., risk_level: _Optional[_Union[_order_service_pb2.RiskLevel, str]] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., item_count: _Optional[int] = ...) -> None: ...

class OrderStatusChanged(_message.Message):
    __slots__ = ("tenant_id", "order_id", "order_number", "from_status", "to_status", "from_financial_status", "to_financial_status", "reason", "changed_by")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    FROM_FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    order_number: str
    from_status: _order_service_pb2.OrderStatus
    to_status: _order_service_pb2.OrderStatus
    from_financial_status: _order_service_pb2.FinancialStatus
    to_financial_status: _order_service_pb2.FinancialStatus
    reason: str
    changed_by: str
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., from_status: _Optional[_Union[_order_service_pb2.OrderStatus, str]] = ..., to_status: _Optional[_Union[_order_service_pb2.OrderStatus, str]] = ..., from_financial_status: _Optional[_Union[_order_service_pb2.FinancialStatus, str]] = ..., to_financial_status: _Optional[_Union[_order_service_pb2.FinancialStatus, str]] = ..., reason: _Optional[str] = ..., changed_by: _Optional[str] = ...) -> None: ...

class OrderCancelled(_message.Message):
    __slots__ = ("tenant_id", "order_id", "order_number", "previous_status", "reason", "released_lines")
    class ReleasedLine(_message.Message):
        __slots__ = ("product_id", "sku", "quantity")
        PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
        SKU_FIELD_NUMBER: _ClassVar[int]
        QUANTITY_FIELD_NUMBER: _ClassVar[int]
        product_id: str
        sku: str
        quantity: int
        def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RELEASED_LINES_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    order_number: str
    previous_status: _order_service_pb2.OrderStatus
    reason: str
    released_lines: _containers.RepeatedCompositeFieldContainer[OrderCancelled.ReleasedLine]
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., previous_status: _Optional[_Union[_order_service_pb2.OrderStatus, str]] = ..., reason: _Optional[str] = ..., released_lines: _Optional[_Iterable[_Union[OrderCancelled.ReleasedLine, _Mapping]]] = ...) -> None: ...

class InventoryLow(_message.Message):
    __slots__ = ("tenant_id", "product_id", "sku", "available", "reserved", "reorder_point", "order_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    RESERVED_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    sku: str
    available: int
    reserved: int
    reorder_point: int
    order_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ..., available: _Optional[int] = ..., reserved: _Optional[int] = ..., reorder_point: _Optional[int] = ..., order_id: _Optional[str] = ...) -> None: ...

class InventoryInsufficient(_message.Message):
    __slots__ = ("tenant_id", "lines", "order_id", "backordered", "request_id", "customer_email")
    class ShortLine(_message.Message):
        __slots__ = ("item_index", "product_id", "sku", "requested", "available")
        ITEM_INDEX_FIELD_NUMBER: _ClassVar[int]
        PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
        SKU_FIELD_NUMBER: _ClassVar[int]
        REQUESTED_FIELD_NUMBER: _ClassVar[int]
        AVAILABLE_FIELD_NUMBER: _ClassVar[int]
        item_index: int
        product_id: str
        sku: str
        requested: int
        available: int
        def __init__(self, item_index: _Optional[int] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ..., requested: _Optional[int] = ..., available: _Optional[int] = ...) -> None: ...
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BACKORDERED_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lines: _containers.RepeatedCompositeFieldContainer[InventoryInsufficient.ShortLine]
    order_id: str
    backordered: bool
    request_id: str
    customer_email: str
    def __init__(self, tenant_id: _Optional[int] = ..., lines: _Optional[_Iterable[_Union[InventoryInsufficient.ShortLine, _Mapping]]] = ..., order_id: _Optional[str] = ..., backordered: _Optional[bool] = ..., request_id: _Optional[str] = ..., customer_email: _Optional[str] = ...) -> None: ...

class InventoryReorderRecommended(_message.Message):
    __slots__ = ("tenant_id", "product_id", "sku", "available", "reorder_point", "recommendation", "supplier_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATION_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    sku: str
    available: int
    reorder_point: int
    recommendation: _inventory_service_pb2.ReorderRecommendation
    supplier_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ..., available: _Optional[int] = ..., reorder_point: _Optional[int] = ..., recommendation: _Optional[_Union[_inventory_service_pb2.ReorderRecommendation, _Mapping]] = ..., supplier_id: _Optional[str] = ...) -> None: ...

class InventoryAdjusted(_message.Message):
    __slots__ = ("tenant_id", "product_id", "sku", "movement")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    MOVEMENT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    sku: str
    movement: _inventory_service_pb2.InventoryMovement
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ..., movement: _Optional[_Union[_inventory_service_pb2.InventoryMovement, _Mapping]] = ...) -> None: ...

class ContactCreated(_message.Message):
    __slots__ = ("tenant_id", "contact", "source_lead_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    contact: _contact_service_pb2.Contact
    source_lead_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., contact: _Optional[_Union[_contact_service_pb2.Contact, _Mapping]] = ..., source_lead_id: _Optional[str] = ...) -> None: ...

class ContactUpdated(_message.Message):
    __slots__ = ("tenant_id", "contact", "changed_fields")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    contact: _contact_service_pb2.Contact
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, tenant_id: _Optional[int] = ..., contact: _Optional[_Union[_contact_service_pb2.Contact, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class ContactDeleted(_message.Message):
    __slots__ = ("tenant_id", "contact_id", "email", "detached_deal_ids")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DETACHED_DEAL_IDS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    contact_id: str
    email: str
    detached_deal_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, tenant_id: _Optional[int] = ..., contact_id: _Optional[str] = ..., email: _Optional[str] = ..., detached_deal_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class DealCreated(_message.Message):
    __slots__ = ("tenant_id", "deal")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal: _deal_service_pb2.Deal
    def __init__(self, tenant_id: _Optional[int] = ..., deal: _Optional[_Union[_deal_service_pb2.Deal, _Mapping]] = ...) -> None: ...

class DealUpdated(_message.Message):
    __slots__ = ("tenant_id", "deal", "changed_fields")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal: _deal_service_pb2.Deal
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, tenant_id: _Optional[int] = ..., deal: _Optional[_Union[_deal_service_pb2.Deal, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class DealStageChanged(_message.Message):
    __slots__ = ("tenant_id", "deal_id", "from_stage", "to_stage", "changed_by", "change_time", "probability", "amount", "reopened", "owner")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_STAGE_FIELD_NUMBER: _ClassVar[int]
    TO_STAGE_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REOPENED_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal_id: str
    from_stage: _deal_service_pb2.DealStage
    to_stage: _deal_service_pb2.DealStage
    changed_by: str
    change_time: _timestamp_pb2.Timestamp
    probability: float
    amount: _money_pb2.Money
    reopened: bool
    owner: str
    def __init__(self, tenant_id: _Optional[int] = ..., deal_id: _Optional[str] = ..., from_stage: _Optional[_Union[_deal_service_pb2.DealStage, str]] = ..., to_stage: _Optional[_Union[_deal_service_pb2.DealStage, str]] = ..., changed_by: _Optional[str] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., probability: _Optional[float] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., reopened: _Optional[bool] = ..., owner: _Optional[str] = ...) -> None: ...

class DealDeleted(_message.Message):
    __slots__ = ("tenant_id", "deal_id", "stage")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_ID_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal_id: str
    stage: _deal_service_pb2.DealStage
    def __init__(self, tenant_id: _Optional[int] = ..., deal_id: _Optional[str] = ..., stage: _Optional[_Union[_deal_service_pb2.DealStage, str]] = ...) -> None: ...

class LeadConverted(_message.Message):
    __slots__ = ("tenant_id", "lead_id", "contact_id", "contact_reused", "deal_id", "score", "convert_time")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_REUSED_FIELD_NUMBER: _ClassVar[int]
    DEAL_ID_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    CONVERT_TIME_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead_id: str
    contact_id: str
    contact_reused: bool
    deal_id: str
    score: float
    convert_time: _timestamp_pb2.Timestamp
    def __init__(self, tenant_id: _Optional[int] = ..., lead_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., contact_reused: _Optional[bool] = ..., deal_id: _Optional[str] = ..., score: _Optional[float] = ..., convert_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class MarketingStrategyGenerated(_message.Message):
    __slots__ = ("tenant_id", "product_id", "strategy", "workflow_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    strategy: _workflow_service_pb2.MarketingStrategy
    workflow_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., strategy: _Optional[_Union[_workflow_service_pb2.MarketingStrategy, _Mapping]] = ..., workflow_id: _Optional[str] = ...) -> None: ...

class WorkflowStarted(_message.Message):
    __slots__ = ("tenant_id", "workflow_id", "type", "product_id", "create_time")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    workflow_id: str
    type: _workflow_service_pb2.WorkflowType
    product_id: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, tenant_id: _Optional[int] = ..., workflow_id: _Optional[str] = ..., type: _Optional[_Union[_workflow_service_pb2.WorkflowType, str]] = ..., product_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WorkflowCompleted(_message.Message):
    __slots__ = ("tenant_id", "workflow_id", "type", "state", "product_id", "classification", "marketing_strategy", "bulk_pricing", "fraud_review", "sourcing_discovery", "source", "attempts", "duration", "end_time", "order_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    MARKETING_STRATEGY_FIELD_NUMBER: _ClassVar[int]
    BULK_PRICING_FIELD_NUMBER: _ClassVar[int]
    FRAUD_REVIEW_FIELD_NUMBER: _ClassVar[int]
    SOURCING_DISCOVERY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    workflow_id: str
    type: _workflow_service_pb2.WorkflowType
    state: _workflow_service_pb2.WorkflowState
    product_id: str
    classification: _workflow_service_pb2.ProductClassificationResult
    marketing_strategy: _workflow_service_pb2.MarketingStrategy
    bulk_pricing: _workflow_service_pb2.BulkPricingSummary
    fraud_review: _order_service_pb2.FraudReview
    sourcing_discovery: _workflow_service_pb2.SourcingDiscoveryResult
    source: _common_pb2.ResultSource
    attempts: int
    duration: _duration_pb2.Duration
    end_time: _timestamp_pb2.Timestamp
    order_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., workflow_id: _Optional[str] = ..., type: _Optional[_Union[_workflow_service_pb2.WorkflowType, str]] = ..., state: _Optional[_Union[_workflow_service_pb2.WorkflowState, str]] = ..., product_id: _Optional[str] = ..., classification: _Optional[_Union[_workflow_service_pb2.ProductClassificationResult, _Mapping]] = ..., marketing_strategy: _Optional[_Union[_workflow_service_pb2.MarketingStrategy, _Mapping]] = ..., bulk_pricing: _Optional[_Union[_workflow_service_pb2.BulkPricingSummary, _Mapping]] = ..., fraud_review: _Optional[_Union[_order_service_pb2.FraudReview, _Mapping]] = ..., sourcing_discovery: _Optional[_Union[_workflow_service_pb2.SourcingDiscoveryResult, _Mapping]] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ..., attempts: _Optional[int] = ..., duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., order_id: _Optional[str] = ...) -> None: ...

class WorkflowFailed(_message.Message):
    __slots__ = ("tenant_id", "workflow_id", "type", "product_id", "error", "attempts", "end_time")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    workflow_id: str
    type: _workflow_service_pb2.WorkflowType
    product_id: str
    error: _status_pb2.Status
    attempts: int
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, tenant_id: _Optional[int] = ..., workflow_id: _Optional[str] = ..., type: _Optional[_Union[_workflow_service_pb2.WorkflowType, str]] = ..., product_id: _Optional[str] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ..., attempts: _Optional[int] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WorkflowCancelled(_message.Message):
    __slots__ = ("tenant_id", "workflow_id", "type", "product_id", "previous_state", "progress", "end_time")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    workflow_id: str
    type: _workflow_service_pb2.WorkflowType
    product_id: str
    previous_state: _workflow_service_pb2.WorkflowState
    progress: float
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, tenant_id: _Optional[int] = ..., workflow_id: _Optional[str] = ..., type: _Optional[_Union[_workflow_service_pb2.WorkflowType, str]] = ..., product_id: _Optional[str] = ..., previous_state: _Optional[_Union[_workflow_service_pb2.WorkflowState, str]] = ..., progress: _Optional[float] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PricesOptimized(_message.Message):
    __slots__ = ("tenant_id", "run_id", "workflow_id", "summary", "updates", "batch_index", "batch_count")
    class ProductPriceUpdate(_message.Message):
        __slots__ = ("product_id", "sku", "old_price", "new_price", "change_percent")
        PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
        SKU_FIELD_NUMBER: _ClassVar[int]
        OLD_PRICE_FIELD_NUMBER: _ClassVar[int]
        NEW_PRICE_FIELD_NUMBER: _ClassVar[int]
        CHANGE_PERCENT_FIELD_NUMBER: _ClassVar[int]
        product_id: str
        sku: str
        old_price: _money_pb2.Money
        new_price: _money_pb2.Money
        change_percent: float
        def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., old_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., new_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., change_percent: _Optional[float] = ...) -> None: ...
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    UPDATES_FIELD_NUMBER: _ClassVar[int]
    BATCH_INDEX_FIELD_NUMBER: _ClassVar[int]
    BATCH_COUNT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    run_id: str
    workflow_id: str
    summary: _workflow_service_pb2.BulkPricingSummary
    updates: _containers.RepeatedCompositeFieldContainer[PricesOptimized.ProductPriceUpdate]
    batch_index: int
    batch_count: int
    def __init__(self, tenant_id: _Optional[int] = ..., run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., summary: _Optional[_Union[_workflow_service_pb2.BulkPricingSummary, _Mapping]] = ..., updates: _Optional[_Iterable[_Union[PricesOptimized.ProductPriceUpdate, _Mapping]]] = ..., batch_index: _Optional[int] = ..., batch_count: _Optional[int] = ...) -> None: ...

class SupplierOfferChanged(_message.Message):
    __slots__ = ("tenant_id", "offer", "change", "changed_fields", "chosen_offer_id", "previous_chosen_offer_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    CHOSEN_OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_CHOSEN_OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    offer: _supply_service_pb2.SupplierOffer
    change: str
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    chosen_offer_id: str
    previous_chosen_offer_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., offer: _Optional[_Union[_supply_service_pb2.SupplierOffer, _Mapping]] = ..., change: _Optional[str] = ..., changed_fields: _Optional[_Iterable[str]] = ..., chosen_offer_id: _Optional[str] = ..., previous_chosen_offer_id: _Optional[str] = ...) -> None: ...

class ProductMarginAtRisk(_message.Message):
    __slots__ = ("tenant_id", "product_id", "sku", "source_price", "selling_price", "floor_price", "recommended_price", "trigger")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    SELLING_PRICE_FIELD_NUMBER: _ClassVar[int]
    FLOOR_PRICE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_PRICE_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    sku: str
    source_price: _money_pb2.Money
    selling_price: _money_pb2.Money
    floor_price: _money_pb2.Money
    recommended_price: _money_pb2.Money
    trigger: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ..., source_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., selling_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., floor_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., recommended_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., trigger: _Optional[str] = ...) -> None: ...

class PurchaseOrderCreated(_message.Message):
    __slots__ = ("tenant_id", "purchase_order")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: _purchase_order_service_pb2.PurchaseOrder
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrder, _Mapping]] = ...) -> None: ...

class PurchaseOrderSubmitted(_message.Message):
    __slots__ = ("tenant_id", "purchase_order")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: _purchase_order_service_pb2.PurchaseOrder
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrder, _Mapping]] = ...) -> None: ...

class PurchaseOrderShipped(_message.Message):
    __slots__ = ("tenant_id", "purchase_order", "order_shipped")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    ORDER_SHIPPED_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: _purchase_order_service_pb2.PurchaseOrder
    order_shipped: bool
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrder, _Mapping]] = ..., order_shipped: _Optional[bool] = ...) -> None: ...

class PurchaseOrderReceived(_message.Message):
    __slots__ = ("tenant_id", "purchase_order")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: _purchase_order_service_pb2.PurchaseOrder
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrder, _Mapping]] = ...) -> None: ...

class PurchaseOrderCancelled(_message.Message):
    __slots__ = ("tenant_id", "purchase_order", "previous_status")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: _purchase_order_service_pb2.PurchaseOrder
    previous_status: _purchase_order_service_pb2.PurchaseOrderStatus
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrder, _Mapping]] = ..., previous_status: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrderStatus, str]] = ...) -> None: ...

class PurchaseOrderUpdated(_message.Message):
    __slots__ = ("tenant_id", "purchase_order", "changed_fields", "previous_status")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: _purchase_order_service_pb2.PurchaseOrder
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    previous_status: _purchase_order_service_pb2.PurchaseOrderStatus
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrder, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ..., previous_status: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrderStatus, str]] = ...) -> None: ...

class OrderFlagged(_message.Message):
    __slots__ = ("tenant_id", "order_id", "order_number", "fraud_analysis")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FRAUD_ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    order_number: str
    fraud_analysis: _order_service_pb2.FraudAnalysis
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., fraud_analysis: _Optional[_Union[_order_service_pb2.FraudAnalysis, _Mapping]] = ...) -> None: ...

class OrderRiskReassessed(_message.Message):
    __slots__ = ("tenant_id", "order_id", "order_number", "previous", "current", "held")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    HELD_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    order_number: str
    previous: _order_service_pb2.FraudAnalysis
    current: _order_service_pb2.FraudAnalysis
    held: bool
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., previous: _Optional[_Union[_order_service_pb2.FraudAnalysis, _Mapping]] = ..., current: _Optional[_Union[_order_service_pb2.FraudAnalysis, _Mapping]] = ..., held: _Optional[bool] = ...) -> None: ...

class OrderFraudReviewed(_message.Message):
    __slots__ = ("tenant_id", "order_id", "order_number", "review")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    REVIEW_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    order_number: str
    review: _order_service_pb2.FraudReview
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., review: _Optional[_Union[_order_service_pb2.FraudReview, _Mapping]] = ...) -> None: ...

class RiskListEntryAdded(_message.Message):
    __slots__ = ("tenant_id", "entry")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    entry: _order_service_pb2.RiskListEntry
    def __init__(self, tenant_id: _Optional[int] = ..., entry: _Optional[_Union[_order_service_pb2.RiskListEntry, _Mapping]] = ...) -> None: ...

class RiskListEntryRemoved(_message.Message):
    __slots__ = ("tenant_id", "entry", "removed_by")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    REMOVED_BY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    entry: _order_service_pb2.RiskListEntry
    removed_by: str
    def __init__(self, tenant_id: _Optional[int] = ..., entry: _Optional[_Union[_order_service_pb2.RiskListEntry, _Mapping]] = ..., removed_by: _Optional[str] = ...) -> None: ...

class CandidateAdded(_message.Message):
    __slots__ = ("tenant_id", "candidate")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidate: _sourcing_service_pb2.Candidate
    def __init__(self, tenant_id: _Optional[int] = ..., candidate: _Optional[_Union[_sourcing_service_pb2.Candidate, _Mapping]] = ...) -> None: ...

class CandidateImported(_message.Message):
    __slots__ = ("tenant_id", "candidate", "product_id", "sku")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidate: _sourcing_service_pb2.Candidate
    product_id: str
    sku: str
    def __init__(self, tenant_id: _Optional[int] = ..., candidate: _Optional[_Union[_sourcing_service_pb2.Candidate, _Mapping]] = ..., product_id: _Optional[str] = ..., sku: _Optional[str] = ...) -> None: ...

class CandidateRejected(_message.Message):
    __slots__ = ("tenant_id", "candidate")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidate: _sourcing_service_pb2.Candidate
    def __init__(self, tenant_id: _Optional[int] = ..., candidate: _Optional[_Union[_sourcing_service_pb2.Candidate, _Mapping]] = ...) -> None: ...
