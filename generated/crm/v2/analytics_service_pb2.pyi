import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import lead_service_pb2 as _lead_service_pb2
from crm.v2 import order_service_pb2 as _order_service_pb2
from crm.v2 import product_service_pb2 as _product_service_pb2
from crm.v2 import purchase_order_service_pb2 as _purchase_order_service_pb2
from crm.v2 import workflow_service_pb2 as _workflow_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetDashboardRequest(_message.Message):
    __slots__ = ("tenant_id", "days", "currency_code")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    days: int
    currency_code: str
    def __init__(self, tenant_id: _Optional[int] = ..., days: _Optional[int] = ..., currency_code: _Optional[str] = ...) -> None: ...

class ProductStats(_message.Message):
    __slots__ = ("total", "active", "by_classification", "average_dropship_score")
    class ClassificationCount(_message.Message):
        __slots__ = ("classification", "count")
        CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
        COUNT_FIELD_NUMBER: _ClassVar[int]
        classification: _product_service_pb2.ProductClassification
        count: int
        def __init__(self, classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ..., count: _Optional[int] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    BY_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_DROPSHIP_SCORE_FIELD_NUMBER: _ClassVar[int]
    total: int
    active: int
    by_classification: _containers.RepeatedCompositeFieldContainer[ProductStats.ClassificationCount]
    average_dropship_score: float
    def __init__(self, total: _Optional[int] = ..., active: _Optional[int] = ..., by_classification: _Optional[_Iterable[_Union[ProductStats.ClassificationCount, _Mapping]]] = ..., average_dropship_score: _Optional[float] = ...) -> None: ...

class DailyRevenue(_message.Message):
    __slots__ = ("date", "revenue", "order_count")
    DATE_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    ORDER_COUNT_FIELD_NUMBER: _ClassVar[int]
    date: _date_pb2.Date
    revenue: _money_pb2.Money
    order_count: int
    def __init__(self, date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., revenue: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., order_count: _Optional[int] = ...) -> None: ...

class OrderStats(_message.Message):
    __slots__ = ("total", "by_status", "paid_revenue", "average_order_value", "paid_count", "revenue_per_day")
    class StatusCount(_message.Message):
        __slots__ = ("status", "count")
        STATUS_FIELD_NUMBER: _ClassVar[int]
        COUNT_FIELD_NUMBER: _ClassVar[int]
        status: _order_service_pb2.OrderStatus
        count: int
        def __init__(self, status: _Optional[_Union[_order_service_pb2.OrderStatus, str]] = ..., count: _Optional[int] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    PAID_REVENUE_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_ORDER_VALUE_FIELD_NUMBER: _ClassVar[int]
    PAID_COUNT_FIELD_NUMBER: _ClassVar[int]
    REVENUE_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    total: int
    by_status: _containers.RepeatedCompositeFieldContainer[OrderStats.StatusCount]
    paid_revenue: _money_pb2.Money
    average_order_value: _money_pb2.Money
    paid_count: int
    revenue_per_day: _containers.RepeatedCompositeFieldContainer[DailyRevenue]
    def __init__(self, total: _Optional[int] = ..., by_status: _Optional[_Iterable[_Union[OrderStats.StatusCount, _Mapping]]] = ..., paid_revenue: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., average_order_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., paid_count: _Optional[int] = ..., revenue_per_day: _Optional[_Iterable[_Union[DailyRevenue, _Mapping]]] = ...) -> None: ...

class InventoryStats(_message.Message):
    __slots__ = ("items", "low_stock", "out_of_stock", "units_available", "units_reserved")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    LOW_STOCK_FIELD_NUMBER: _ClassVar[int]
    OUT_OF_STOCK_FIELD_NUMBER: _ClassVar[int]
    UNITS_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    UNITS_RESERVED_FIELD_NUMBER: _ClassVar[int]
    items: int
    low_stock: int
    out_of_stock: int
    units_available: int
    units_reserved: int
    def __init__(self, items: _Optional[int] = ..., low_stock: _Optional[int] = ..., out_of_stock: _Optional[int] = ..., units_available: _Optional[int] = ..., units_reserved: _Optional[int] = ...) -> None: ...

class WorkflowStats(_message.Message):
    __slots__ = ("total", "by_state")
    class StateCount(_message.Message):
        __slots__ = ("state", "count")
        STATE_FIELD_NUMBER: _ClassVar[int]
        COUNT_FIELD_NUMBER: _ClassVar[int]
        state: _workflow_service_pb2.WorkflowState
        count: int
        def __init__(self, state: _Optional[_Union[_workflow_service_pb2.WorkflowState, str]] = ..., count: _Optional[int] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    BY_STATE_FIELD_NUMBER: _ClassVar[int]
    total: int
    by_state: _containers.RepeatedCompositeFieldContainer[WorkflowStats.StateCount]
    def __init__(self, total: _Optional[int] = ..., by_state: _Optional[_Iterable[_Union[WorkflowStats.StateCount, _Mapping]]] = ...) -> None: ...

class LeadStats(_message.Message):
    __slots__ = ("total", "by_status", "conversion_rate", "average_score", "created_in_period", "converted_in_period")
    class StatusCount(_message.Message):
        __slots__ = ("status", "count")
        STATUS_FIELD_NUMBER: _ClassVar[int]
        COUNT_FIELD_NUMBER: _ClassVar[int]
        status: _lead_service_pb2.LeadStatus
        count: int
        def __init__(self, status: _Optional[_Union[_lead_service_pb2.LeadStatus, str]] = ..., count: _Optional[int] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_SCORE_FIELD_NUMBER: _ClassVar[int]
    CREATED_IN_PERIOD_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_IN_PERIOD_FIELD_NUMBER: _ClassVar[int]
    total: int
    by_status: _containers.RepeatedCompositeFieldContainer[LeadStats.StatusCount]
    conversion_rate: float
    average_score: float
    created_in_period: int
    converted_in_period: int
    def __init__(self, total: _Optional[int] = ..., by_status: _Optional[_Iterable[_Union[LeadStats.StatusCount, _Mapping]]] = ..., conversion_rate: _Optional[float] = ..., average_score: _Optional[float] = ..., created_in_period: _Optional[int] = ..., converted_in_period: _Optional[int] = ...) -> None: ...

class PipelineStats(_message.Message):
    __slots__ = ("open_deal_count", "open_value", "weighted_value", "won_count", "won_value", "lost_count", "win_rate")
    OPEN_DEAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    OPEN_VALUE_FIELD_NUMBER: _ClassVar[int]
    WEIGHTED_VALUE_FIELD_NUMBER: _ClassVar[int]
    WON_COUNT_FIELD_NUMBER: _ClassVar[int]
    WON_VALUE_FIELD_NUMBER: _ClassVar[int]
    LOST_COUNT_FIELD_NUMBER: _ClassVar[int]
    WIN_RATE_FIELD_NUMBER: _ClassVar[int]
    open_deal_count: int
    open_value: _money_pb2.Money
    weighted_value: _money_pb2.Money
    won_count: int
    won_value: _money_pb2.Money
    lost_count: int
    win_rate: float
    def __init__(self, open_deal_count: _Optional[int] = ..., open_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., weighted_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., won_count: _Optional[int] = ..., won_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., lost_count: _Optional[int] = ..., win_rate: _Optional[float] = ...) -> None: ...

class RiskStats(_message.Message):
    __slots__ = ("held_orders", "flagged_orders", "by_risk_level", "average_risk_score")
    class LevelCount(_message.Message):
        __slots__ = ("risk_level", "count")
        RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
        COUNT_FIELD_NUMBER: _ClassVar[int]
        risk_level: _order_service_pb2.RiskLevel
        count: int
        def __init__(self, risk_level: _Optional[_Union[_order_service_pb2.RiskLevel, str]] = ..., count: _Optional[int] = ...) -> None: ...
    HELD_ORDERS_FIELD_NUMBER: _ClassVar[int]
    FLAGGED_ORDERS_FIELD_NUMBER: _ClassVar[int]
    BY_RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_RISK_SCORE_FIELD_NUMBER: _ClassVar[int]
    held_orders: int
    flagged_orders: int
    by_risk_level: _containers.RepeatedCompositeFieldContainer[RiskStats.LevelCount]
    average_risk_score: float
    def __init__(self, held_orders: _Optional[int] = ..., flagged_orders: _Optional[int] = ..., by_risk_level: _Optional[_Iterable[_Union[RiskStats.LevelCount, _Mapping]]] = ..., average_risk_score: _Optional[float] = ...) -> None: ...

class TopProduct(_message.Message):
    __slots__ = ("product_id", "sku", "title", "units_sold", "revenue", "order_count")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    UNITS_SOLD_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    ORDER_COUNT_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    units_sold: int
    revenue: _money_pb2.Money
    order_count: int
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., units_sold: _Optional[int] = ..., revenue: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., order_count: _Optional[int] = ...) -> None: ...

class GetDashboardResponse(_message.Message):
    __slots__ = ("start_time", "end_time", "days", "currency_code", "products", "orders", "inventory", "workflows", "leads", "pipeline", "risk", "top_products", "supply")
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    INVENTORY_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    LEADS_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    RISK_FIELD_NUMBER: _ClassVar[int]
    TOP_PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    SUPPLY_FIELD_NUMBER: _ClassVar[int]
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    days: int
    currency_code: str
    products: ProductStats
    orders: OrderStats
    inventory: InventoryStats
    workflows: WorkflowStats
    leads: LeadStats
    pipeline: PipelineStats
    risk: RiskStats
    top_products: _containers.RepeatedCompositeFieldContainer[TopProduct]
    supply: SupplyStats
    def __init__(self, start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., days: _Optional[int] = ..., currency_code: _Optional[str] = ..., products: _Optional[_Union[ProductStats, _Mapping]] = ..., orders: _Optional[_Union[OrderStats, _Mapping]] = ..., inventory: _Optional[_Union[InventoryStats, _Mapping]] = ..., workflows: _Optional[_Union[WorkflowStats, _Mapping]] = ..., leads: _Optional[_Union[LeadStats, _Mapping]] = ..., pipeline: _Optional[_Union[PipelineStats, _Mapping]] = ..., risk: _Optional[_Union[RiskStats, _Mapping]] = ..., top_products: _Optional[_Iterable[_Union[TopProduct, _Mapping]]] = ..., supply: _Optional[_Union[SupplyStats, _Mapping]] = ...) -> None: ...

class PurchaseOrderStatusCount(_message.Message):
    __slots__ = ("status", "count", "total")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    status: _purchase_order_service_pb2.PurchaseOrderStatus
    count: int
    total: _money_pb2.Money
    def __init__(self, status: _Optional[_Union[_purchase_order_service_pb2.PurchaseOrderStatus, str]] = ..., count: _Optional[int] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class SupplyStats(_message.Message):
    __slots__ = ("revenue", "landed_cost", "gross_profit", "gross_margin", "open_purchase_orders", "margin_at_risk_products")
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    LANDED_COST_FIELD_NUMBER: _ClassVar[int]
    GROSS_PROFIT_FIELD_NUMBER: _ClassVar[int]
    GROSS_MARGIN_FIELD_NUMBER: _ClassVar[int]
    OPEN_PURCHASE_ORDERS_FIELD_NUMBER: _ClassVar[int]
    MARGIN_AT_RISK_PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    revenue: _money_pb2.Money
    landed_cost: _money_pb2.Money
    gross_profit: _money_pb2.Money
    gross_margin: float
    open_purchase_orders: _containers.RepeatedCompositeFieldContainer[PurchaseOrderStatusCount]
    margin_at_risk_products: int
    def __init__(self, revenue: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., landed_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., gross_profit: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., gross_margin: _Optional[float] = ..., open_purchase_orders: _Optional[_Iterable[_Union[PurchaseOrderStatusCount, _Mapping]]] = ..., margin_at_risk_products: _Optional[int] = ...) -> None: ...
