import datetime

from crm.v2 import common_pb2 as _common_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
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
