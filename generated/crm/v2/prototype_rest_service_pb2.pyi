import datetime

from crm.v2 import analytics_service_pb2 as _analytics_service_pb2
from crm.v2 import common_pb2 as _common_pb2
from crm.v2 import event_service_pb2 as _event_service_pb2
from crm.v2 import intelligence_service_pb2 as _intelligence_service_pb2
from crm.v2 import inventory_service_pb2 as _inventory_service_pb2
from crm.v2 import lead_service_pb2 as _lead_service_pb2
from crm.v2 import product_service_pb2 as _product_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import postal_address_pb2 as _postal_address_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetPrototypeHealthRequest(_message.Message):
    __slots__ = ("tenant_id",)
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    def __init__(self, tenant_id: _Optional[int] = ...) -> None: ...

class PrototypeDependencyHealth(_message.Message):
    __slots__ = ("status", "detail")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    status: str
    detail: str
    def __init__(self, status: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class PrototypeHealth(_message.Message):
    __slots__ = ("status", "service", "version", "timestamp", "uptime_seconds", "database", "event_bus", "ai_agents")
    class AiAgentsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: PrototypeDependencyHealth
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[PrototypeDependencyHealth, _Mapping]] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    UPTIME_SECONDS_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    EVENT_BUS_FIELD_NUMBER: _ClassVar[int]
    AI_AGENTS_FIELD_NUMBER: _ClassVar[int]
    status: str
    service: str
    version: str
    timestamp: _timestamp_pb2.Timestamp
    uptime_seconds: float
    database: PrototypeDependencyHealth
    event_bus: PrototypeDependencyHealth
    ai_agents: _containers.MessageMap[str, PrototypeDependencyHealth]
    def __init__(self, status: _Optional[str] = ..., service: _Optional[str] = ..., version: _Optional[str] = ..., timestamp: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., uptime_seconds: _Optional[float] = ..., database: _Optional[_Union[PrototypeDependencyHealth, _Mapping]] = ..., event_bus: _Optional[_Union[PrototypeDependencyHealth, _Mapping]] = ..., ai_agents: _Optional[_Mapping[str, PrototypeDependencyHealth]] = ...) -> None: ...

class PrototypePricing(_message.Message):
    __slots__ = ("source_price", "recommended_price", "current_selling_price", "currency_code")
    SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_SELLING_PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    source_price: float
    recommended_price: float
    current_selling_price: float
    currency_code: str
    def __init__(self, source_price: _Optional[float] = ..., recommended_price: _Optional[float] = ..., current_selling_price: _Optional[float] = ..., currency_code: _Optional[str] = ...) -> None: ...

class PrototypeAiMetrics(_message.Message):
    __slots__ = ("dropship_score", "classification", "profit_margin_estimate", "factors")
    DROPSHIP_SCORE_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    PROFIT_MARGIN_ESTIMATE_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    dropship_score: float
    classification: str
    profit_margin_estimate: float
    factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    def __init__(self, dropship_score: _Optional[float] = ..., classification: _Optional[str] = ..., profit_margin_estimate: _Optional[float] = ..., factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ...) -> None: ...

class PrototypeProduct(_message.Message):
    __slots__ = ("id", "tenant_id", "asin", "sku", "title", "description", "category", "status", "pricing", "ai_metrics", "supplier_id", "stock_quantity", "reserved_quantity", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ASIN_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRICING_FIELD_NUMBER: _ClassVar[int]
    AI_METRICS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    STOCK_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    RESERVED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    asin: str
    sku: str
    title: str
    description: str
    category: str
    status: str
    pricing: PrototypePricing
    ai_metrics: PrototypeAiMetrics
    supplier_id: str
    stock_quantity: int
    reserved_quantity: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., asin: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., status: _Optional[str] = ..., pricing: _Optional[_Union[PrototypePricing, _Mapping]] = ..., ai_metrics: _Optional[_Union[PrototypeAiMetrics, _Mapping]] = ..., supplier_id: _Optional[str] = ..., stock_quantity: _Optional[int] = ..., reserved_quantity: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatePrototypeProductRequest(_message.Message):
    __slots__ = ("tenant_id", "asin", "sku", "title", "category", "source_price", "description", "current_selling_price", "status", "supplier_id", "stock_quantity")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ASIN_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CURRENT_SELLING_PRICE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    STOCK_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    asin: str
    sku: str
    title: str
    category: str
    source_price: float
    description: str
    current_selling_price: float
    status: str
    supplier_id: str
    stock_quantity: int
    def __init__(self, tenant_id: _Optional[int] = ..., asin: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., source_price: _Optional[float] = ..., description: _Optional[str] = ..., current_selling_price: _Optional[float] = ..., status: _Optional[str] = ..., supplier_id: _Optional[str] = ..., stock_quantity: _Optional[int] = ...) -> None: ...

class ListPrototypeProductsRequest(_message.Message):
    __slots__ = ("tenant_id", "category", "classification", "status", "limit", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    category: str
    classification: str
    status: str
    limit: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., category: _Optional[str] = ..., classification: _Optional[str] = ..., status: _Optional[str] = ..., limit: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPrototypeProductsResponse(_message.Message):
    __slots__ = ("products", "total", "next_page_token")
    PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    products: _containers.RepeatedCompositeFieldContainer[PrototypeProduct]
    total: int
    next_page_token: str
    def __init__(self, products: _Optional[_Iterable[_Union[PrototypeProduct, _Mapping]]] = ..., total: _Optional[int] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetPrototypeProductRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ...) -> None: ...

class UpdatePrototypeProductRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "asin", "sku", "title", "category", "source_price", "description", "current_selling_price", "status", "supplier_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    ASIN_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CURRENT_SELLING_PRICE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    asin: str
    sku: str
    title: str
    category: str
    source_price: float
    description: str
    current_selling_price: float
    status: str
    supplier_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., asin: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., source_price: _Optional[float] = ..., description: _Optional[str] = ..., current_selling_price: _Optional[float] = ..., status: _Optional[str] = ..., supplier_id: _Optional[str] = ...) -> None: ...

class DeletePrototypeProductRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ...) -> None: ...

class RecommendPrototypeCrossSellRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "recommendation_type", "limit")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    recommendation_type: str
    limit: int
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., recommendation_type: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class PrototypeRecommendation(_message.Message):
    __slots__ = ("product_id", "sku", "title", "category", "price", "classification", "confidence", "reasons", "price_ratio")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    PRICE_RATIO_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    category: str
    price: float
    classification: str
    confidence: float
    reasons: _containers.RepeatedScalarFieldContainer[str]
    price_ratio: float
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., price: _Optional[float] = ..., classification: _Optional[str] = ..., confidence: _Optional[float] = ..., reasons: _Optional[_Iterable[str]] = ..., price_ratio: _Optional[float] = ...) -> None: ...

class RecommendPrototypeCrossSellResponse(_message.Message):
    __slots__ = ("product_id", "recommendation_type", "recommendations", "total_candidates")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATIONS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    recommendation_type: str
    recommendations: _containers.RepeatedCompositeFieldContainer[PrototypeRecommendation]
    total_candidates: int
    def __init__(self, product_id: _Optional[str] = ..., recommendation_type: _Optional[str] = ..., recommendations: _Optional[_Iterable[_Union[PrototypeRecommendation, _Mapping]]] = ..., total_candidates: _Optional[int] = ...) -> None: ...

class GetPrototypeInventoryAlertsRequest(_message.Message):
    __slots__ = ("tenant_id", "alert_type", "limit", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ALERT_TYPE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    alert_type: str
    limit: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., alert_type: _Optional[str] = ..., limit: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class PrototypeInventoryAlert(_message.Message):
    __slots__ = ("product_id", "sku", "title", "alert_type", "severity", "message", "current_stock", "reserved_stock", "reorder_point", "recommended_order_quantity", "estimated_reorder_cost", "days_of_cover")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ALERT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_STOCK_FIELD_NUMBER: _ClassVar[int]
    RESERVED_STOCK_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_ORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_REORDER_COST_FIELD_NUMBER: _ClassVar[int]
    DAYS_OF_COVER_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    alert_type: str
    severity: str
    message: str
    current_stock: int
    reserved_stock: int
    reorder_point: int
    recommended_order_quantity: int
    estimated_reorder_cost: float
    days_of_cover: float
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., alert_type: _Optional[str] = ..., severity: _Optional[str] = ..., message: _Optional[str] = ..., current_stock: _Optional[int] = ..., reserved_stock: _Optional[int] = ..., reorder_point: _Optional[int] = ..., recommended_order_quantity: _Optional[int] = ..., estimated_reorder_cost: _Optional[float] = ..., days_of_cover: _Optional[float] = ...) -> None: ...

class PrototypeInventoryAlertSummary(_message.Message):
    __slots__ = ("total_alerts", "critical_alerts", "warning_alerts", "info_alerts", "reorder_recommendations", "total_estimated_reorder_cost", "currency_code")
    TOTAL_ALERTS_FIELD_NUMBER: _ClassVar[int]
    CRITICAL_ALERTS_FIELD_NUMBER: _ClassVar[int]
    WARNING_ALERTS_FIELD_NUMBER: _ClassVar[int]
    INFO_ALERTS_FIELD_NUMBER: _ClassVar[int]
    REORDER_RECOMMENDATIONS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ESTIMATED_REORDER_COST_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    total_alerts: int
    critical_alerts: int
    warning_alerts: int
    info_alerts: int
    reorder_recommendations: int
    total_estimated_reorder_cost: float
    currency_code: str
    def __init__(self, total_alerts: _Optional[int] = ..., critical_alerts: _Optional[int] = ..., warning_alerts: _Optional[int] = ..., info_alerts: _Optional[int] = ..., reorder_recommendations: _Optional[int] = ..., total_estimated_reorder_cost: _Optional[float] = ..., currency_code: _Optional[str] = ...) -> None: ...

class GetPrototypeInventoryAlertsResponse(_message.Message):
    __slots__ = ("alerts", "summary", "alert_type", "next_page_token")
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    ALERT_TYPE_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    alerts: _containers.RepeatedCompositeFieldContainer[PrototypeInventoryAlert]
    summary: PrototypeInventoryAlertSummary
    alert_type: str
    next_page_token: str
    def __init__(self, alerts: _Optional[_Iterable[_Union[PrototypeInventoryAlert, _Mapping]]] = ..., summary: _Optional[_Union[PrototypeInventoryAlertSummary, _Mapping]] = ..., alert_type: _Optional[str] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class StartPrototypeProductClassificationRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ...) -> None: ...

class GetPrototypeWorkflowRequest(_message.Message):
    __slots__ = ("tenant_id", "workflow_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    workflow_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., workflow_id: _Optional[str] = ...) -> None: ...

class PrototypeWorkflow(_message.Message):
    __slots__ = ("workflow_id", "workflow_type", "status", "progress", "product_id", "result", "error", "created_at", "completed_at")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    workflow_type: str
    status: str
    progress: float
    product_id: str
    result: PrototypeAiMetrics
    error: str
    created_at: _timestamp_pb2.Timestamp
    completed_at: _timestamp_pb2.Timestamp
    def __init__(self, workflow_id: _Optional[str] = ..., workflow_type: _Optional[str] = ..., status: _Optional[str] = ..., progress: _Optional[float] = ..., product_id: _Optional[str] = ..., result: _Optional[_Union[PrototypeAiMetrics, _Mapping]] = ..., error: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PrototypeLead(_message.Message):
    __slots__ = ("id", "tenant_id", "first_name", "last_name", "email", "phone", "company", "job_title", "status", "source", "priority", "score", "score_factors", "notes", "tags", "assigned_to", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    JOB_TITLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FACTORS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    company: str
    job_title: str
    status: str
    source: str
    priority: str
    score: float
    score_factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    notes: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    assigned_to: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., company: _Optional[str] = ..., job_title: _Optional[str] = ..., status: _Optional[str] = ..., source: _Optional[str] = ..., priority: _Optional[str] = ..., score: _Optional[float] = ..., score_factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ..., notes: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., assigned_to: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatePrototypeLeadRequest(_message.Message):
    __slots__ = ("tenant_id", "first_name", "last_name", "email", "phone", "company", "job_title", "source", "status", "priority", "notes", "tags", "assigned_to")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    JOB_TITLE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    company: str
    job_title: str
    source: str
    status: str
    priority: str
    notes: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    assigned_to: str
    def __init__(self, tenant_id: _Optional[int] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., company: _Optional[str] = ..., job_title: _Optional[str] = ..., source: _Optional[str] = ..., status: _Optional[str] = ..., priority: _Optional[str] = ..., notes: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., assigned_to: _Optional[str] = ...) -> None: ...

class ListPrototypeLeadsRequest(_message.Message):
    __slots__ = ("tenant_id", "status", "source", "assigned_to", "limit", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    status: str
    source: str
    assigned_to: str
    limit: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., status: _Optional[str] = ..., source: _Optional[str] = ..., assigned_to: _Optional[str] = ..., limit: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPrototypeLeadsResponse(_message.Message):
    __slots__ = ("leads", "total", "next_page_token")
    LEADS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    leads: _containers.RepeatedCompositeFieldContainer[PrototypeLead]
    total: int
    next_page_token: str
    def __init__(self, leads: _Optional[_Iterable[_Union[PrototypeLead, _Mapping]]] = ..., total: _Optional[int] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetPrototypeLeadRequest(_message.Message):
    __slots__ = ("tenant_id", "lead_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., lead_id: _Optional[str] = ...) -> None: ...

class GetPrototypeLeadAnalyticsRequest(_message.Message):
    __slots__ = ("tenant_id",)
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    def __init__(self, tenant_id: _Optional[int] = ...) -> None: ...

class BulkUpdatePrototypeProductsRequest(_message.Message):
    __slots__ = ("tenant_id", "product_ids", "status", "category", "price_change_percent", "set_price", "add_tags", "remove_tags", "validate_only")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PRICE_CHANGE_PERCENT_FIELD_NUMBER: _ClassVar[int]
    SET_PRICE_FIELD_NUMBER: _ClassVar[int]
    ADD_TAGS_FIELD_NUMBER: _ClassVar[int]
    REMOVE_TAGS_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_ids: _containers.RepeatedScalarFieldContainer[str]
    status: str
    category: str
    price_change_percent: float
    set_price: float
    add_tags: _containers.RepeatedScalarFieldContainer[str]
    remove_tags: _containers.RepeatedScalarFieldContainer[str]
    validate_only: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_ids: _Optional[_Iterable[str]] = ..., status: _Optional[str] = ..., category: _Optional[str] = ..., price_change_percent: _Optional[float] = ..., set_price: _Optional[float] = ..., add_tags: _Optional[_Iterable[str]] = ..., remove_tags: _Optional[_Iterable[str]] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class PrototypeOrderItem(_message.Message):
    __slots__ = ("product_id", "sku", "title", "quantity", "unit_price", "total_price", "backordered")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    BACKORDERED_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    quantity: int
    unit_price: float
    total_price: float
    backordered: bool
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., quantity: _Optional[int] = ..., unit_price: _Optional[float] = ..., total_price: _Optional[float] = ..., backordered: _Optional[bool] = ...) -> None: ...

class PrototypeFraudAnalysis(_message.Message):
    __slots__ = ("risk_level", "risk_score", "verification_required", "recommended_action", "factors")
    RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RISK_SCORE_FIELD_NUMBER: _ClassVar[int]
    VERIFICATION_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_ACTION_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    risk_level: str
    risk_score: float
    verification_required: bool
    recommended_action: str
    factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    def __init__(self, risk_level: _Optional[str] = ..., risk_score: _Optional[float] = ..., verification_required: _Optional[bool] = ..., recommended_action: _Optional[str] = ..., factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ...) -> None: ...

class PrototypeOrder(_message.Message):
    __slots__ = ("id", "tenant_id", "order_number", "customer_email", "customer_name", "items", "subtotal", "total_amount", "currency_code", "status", "financial_status", "fraud_analysis", "billing_address", "shipping_address", "tracking_number", "carrier", "notes", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    FRAUD_ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    BILLING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    order_number: str
    customer_email: str
    customer_name: str
    items: _containers.RepeatedCompositeFieldContainer[PrototypeOrderItem]
    subtotal: float
    total_amount: float
    currency_code: str
    status: str
    financial_status: str
    fraud_analysis: PrototypeFraudAnalysis
    billing_address: _postal_address_pb2.PostalAddress
    shipping_address: _postal_address_pb2.PostalAddress
    tracking_number: str
    carrier: str
    notes: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., order_number: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ..., items: _Optional[_Iterable[_Union[PrototypeOrderItem, _Mapping]]] = ..., subtotal: _Optional[float] = ..., total_amount: _Optional[float] = ..., currency_code: _Optional[str] = ..., status: _Optional[str] = ..., financial_status: _Optional[str] = ..., fraud_analysis: _Optional[_Union[PrototypeFraudAnalysis, _Mapping]] = ..., billing_address: _Optional[_Union[_postal_address_pb2.PostalAddress, _Mapping]] = ..., shipping_address: _Optional[_Union[_postal_address_pb2.PostalAddress, _Mapping]] = ..., tracking_number: _Optional[str] = ..., carrier: _Optional[str] = ..., notes: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatePrototypeOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "customer_email", "customer_name", "items", "billing_address", "shipping_address", "notes", "allow_backorder", "request_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    BILLING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    ALLOW_BACKORDER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    customer_email: str
    customer_name: str
    items: _containers.RepeatedCompositeFieldContainer[PrototypeOrderItem]
    billing_address: _postal_address_pb2.PostalAddress
    shipping_address: _postal_address_pb2.PostalAddress
    notes: str
    allow_backorder: bool
    request_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ..., items: _Optional[_Iterable[_Union[PrototypeOrderItem, _Mapping]]] = ..., billing_address: _Optional[_Union[_postal_address_pb2.PostalAddress, _Mapping]] = ..., shipping_address: _Optional[_Union[_postal_address_pb2.PostalAddress, _Mapping]] = ..., notes: _Optional[str] = ..., allow_backorder: _Optional[bool] = ..., request_id: _Optional[str] = ...) -> None: ...

class ListPrototypeOrdersRequest(_message.Message):
    __slots__ = ("tenant_id", "status", "financial_status", "customer_email", "risk_level", "limit", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    status: str
    financial_status: str
    customer_email: str
    risk_level: str
    limit: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., status: _Optional[str] = ..., financial_status: _Optional[str] = ..., customer_email: _Optional[str] = ..., risk_level: _Optional[str] = ..., limit: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPrototypeOrdersResponse(_message.Message):
    __slots__ = ("orders", "total", "next_page_token")
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    orders: _containers.RepeatedCompositeFieldContainer[PrototypeOrder]
    total: int
    next_page_token: str
    def __init__(self, orders: _Optional[_Iterable[_Union[PrototypeOrder, _Mapping]]] = ..., total: _Optional[int] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetPrototypeOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "order_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ...) -> None: ...

class UpdatePrototypeOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "order_id", "status", "financial_status", "tracking_number", "carrier", "notes", "reason")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    status: str
    financial_status: str
    tracking_number: str
    carrier: str
    notes: str
    reason: str
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., status: _Optional[str] = ..., financial_status: _Optional[str] = ..., tracking_number: _Optional[str] = ..., carrier: _Optional[str] = ..., notes: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListPrototypeInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "low_stock_only", "out_of_stock_only", "query", "limit", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LOW_STOCK_ONLY_FIELD_NUMBER: _ClassVar[int]
    OUT_OF_STOCK_ONLY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    low_stock_only: bool
    out_of_stock_only: bool
    query: str
    limit: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., low_stock_only: _Optional[bool] = ..., out_of_stock_only: _Optional[bool] = ..., query: _Optional[str] = ..., limit: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class UpdatePrototypeInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "quantity", "adjust_by", "reason", "movement_type", "reorder_point", "reorder_quantity", "max_stock")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    ADJUST_BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    MOVEMENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    REORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAX_STOCK_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    quantity: int
    adjust_by: int
    reason: str
    movement_type: str
    reorder_point: int
    reorder_quantity: int
    max_stock: int
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., quantity: _Optional[int] = ..., adjust_by: _Optional[int] = ..., reason: _Optional[str] = ..., movement_type: _Optional[str] = ..., reorder_point: _Optional[int] = ..., reorder_quantity: _Optional[int] = ..., max_stock: _Optional[int] = ...) -> None: ...

class OptimizePrototypeInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "history_days", "lead_time_days", "service_level", "apply")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    HISTORY_DAYS_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    APPLY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    history_days: int
    lead_time_days: int
    service_level: float
    apply: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., history_days: _Optional[int] = ..., lead_time_days: _Optional[int] = ..., service_level: _Optional[float] = ..., apply: _Optional[bool] = ...) -> None: ...

class PrototypeSupplier(_message.Message):
    __slots__ = ("id", "tenant_id", "name", "marketplace", "contact_email", "contact_phone", "website", "rating", "lead_time_days", "is_active", "notes", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_FIELD_NUMBER: _ClassVar[int]
    CONTACT_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CONTACT_PHONE_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    name: str
    marketplace: str
    contact_email: str
    contact_phone: str
    website: str
    rating: float
    lead_time_days: int
    is_active: bool
    notes: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., name: _Optional[str] = ..., marketplace: _Optional[str] = ..., contact_email: _Optional[str] = ..., contact_phone: _Optional[str] = ..., website: _Optional[str] = ..., rating: _Optional[float] = ..., lead_time_days: _Optional[int] = ..., is_active: _Optional[bool] = ..., notes: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatePrototypeSupplierRequest(_message.Message):
    __slots__ = ("tenant_id", "name", "marketplace", "contact_email", "contact_phone", "website", "rating", "lead_time_days", "notes")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_FIELD_NUMBER: _ClassVar[int]
    CONTACT_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CONTACT_PHONE_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    name: str
    marketplace: str
    contact_email: str
    contact_phone: str
    website: str
    rating: float
    lead_time_days: int
    notes: str
    def __init__(self, tenant_id: _Optional[int] = ..., name: _Optional[str] = ..., marketplace: _Optional[str] = ..., contact_email: _Optional[str] = ..., contact_phone: _Optional[str] = ..., website: _Optional[str] = ..., rating: _Optional[float] = ..., lead_time_days: _Optional[int] = ..., notes: _Optional[str] = ...) -> None: ...

class ListPrototypeSuppliersRequest(_message.Message):
    __slots__ = ("tenant_id", "marketplace", "active_only", "query", "limit", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_ONLY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    marketplace: str
    active_only: bool
    query: str
    limit: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., marketplace: _Optional[str] = ..., active_only: _Optional[bool] = ..., query: _Optional[str] = ..., limit: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPrototypeSuppliersResponse(_message.Message):
    __slots__ = ("suppliers", "total", "next_page_token")
    SUPPLIERS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    suppliers: _containers.RepeatedCompositeFieldContainer[PrototypeSupplier]
    total: int
    next_page_token: str
    def __init__(self, suppliers: _Optional[_Iterable[_Union[PrototypeSupplier, _Mapping]]] = ..., total: _Optional[int] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RecommendPrototypeProductsRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "limit")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    limit: int
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class GeneratePrototypeMarketingStrategyRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "monthly_budget")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    MONTHLY_BUDGET_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    monthly_budget: float
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., monthly_budget: _Optional[float] = ...) -> None: ...

class OptimizePrototypePricingRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "demand_level", "competitor_prices", "seasonality_factor", "charm_pricing")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    DEMAND_LEVEL_FIELD_NUMBER: _ClassVar[int]
    COMPETITOR_PRICES_FIELD_NUMBER: _ClassVar[int]
    SEASONALITY_FACTOR_FIELD_NUMBER: _ClassVar[int]
    CHARM_PRICING_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    demand_level: str
    competitor_prices: _containers.RepeatedScalarFieldContainer[float]
    seasonality_factor: float
    charm_pricing: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., demand_level: _Optional[str] = ..., competitor_prices: _Optional[_Iterable[float]] = ..., seasonality_factor: _Optional[float] = ..., charm_pricing: _Optional[bool] = ...) -> None: ...

class GetPrototypeDashboardRequest(_message.Message):
    __slots__ = ("tenant_id", "days")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    days: int
    def __init__(self, tenant_id: _Optional[int] = ..., days: _Optional[int] = ...) -> None: ...

class BulkOptimizePrototypePricingRequest(_message.Message):
    __slots__ = ("tenant_id", "product_ids", "category", "classification", "all_products", "demand_level", "charm_pricing", "apply")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    ALL_PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    DEMAND_LEVEL_FIELD_NUMBER: _ClassVar[int]
    CHARM_PRICING_FIELD_NUMBER: _ClassVar[int]
    APPLY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_ids: _containers.RepeatedScalarFieldContainer[str]
    category: str
    classification: str
    all_products: bool
    demand_level: str
    charm_pricing: bool
    apply: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_ids: _Optional[_Iterable[str]] = ..., category: _Optional[str] = ..., classification: _Optional[str] = ..., all_products: _Optional[bool] = ..., demand_level: _Optional[str] = ..., charm_pricing: _Optional[bool] = ..., apply: _Optional[bool] = ...) -> None: ...

class ListPrototypeEventsRequest(_message.Message):
    __slots__ = ("tenant_id", "event_type", "limit", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    event_type: str
    limit: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., event_type: _Optional[str] = ..., limit: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...
