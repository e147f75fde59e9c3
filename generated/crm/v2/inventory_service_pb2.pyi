import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MovementType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MOVEMENT_TYPE_UNSPECIFIED: _ClassVar[MovementType]
    MOVEMENT_TYPE_RECEIPT: _ClassVar[MovementType]
    MOVEMENT_TYPE_ADJUSTMENT: _ClassVar[MovementType]
    MOVEMENT_TYPE_RESERVATION: _ClassVar[MovementType]
    MOVEMENT_TYPE_RELEASE: _ClassVar[MovementType]
    MOVEMENT_TYPE_SHIPMENT: _ClassVar[MovementType]

class InventoryAlertType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INVENTORY_ALERT_TYPE_UNSPECIFIED: _ClassVar[InventoryAlertType]
    INVENTORY_ALERT_TYPE_LOW_STOCK: _ClassVar[InventoryAlertType]
    INVENTORY_ALERT_TYPE_OUT_OF_STOCK: _ClassVar[InventoryAlertType]
    INVENTORY_ALERT_TYPE_BACKORDERED: _ClassVar[InventoryAlertType]
    INVENTORY_ALERT_TYPE_OVERSTOCK: _ClassVar[InventoryAlertType]

class InventoryAlertFilter(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INVENTORY_ALERT_FILTER_UNSPECIFIED: _ClassVar[InventoryAlertFilter]
    INVENTORY_ALERT_FILTER_LOW_STOCK: _ClassVar[InventoryAlertFilter]
    INVENTORY_ALERT_FILTER_OUT_OF_STOCK: _ClassVar[InventoryAlertFilter]
    INVENTORY_ALERT_FILTER_REORDER: _ClassVar[InventoryAlertFilter]
    INVENTORY_ALERT_FILTER_OVERSTOCK: _ClassVar[InventoryAlertFilter]
    INVENTORY_ALERT_FILTER_BACKORDERED: _ClassVar[InventoryAlertFilter]

class AlertSeverity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ALERT_SEVERITY_UNSPECIFIED: _ClassVar[AlertSeverity]
    ALERT_SEVERITY_INFO: _ClassVar[AlertSeverity]
    ALERT_SEVERITY_WARNING: _ClassVar[AlertSeverity]
    ALERT_SEVERITY_CRITICAL: _ClassVar[AlertSeverity]

class SalesHistorySource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SALES_HISTORY_SOURCE_UNSPECIFIED: _ClassVar[SalesHistorySource]
    SALES_HISTORY_SOURCE_ORDERS: _ClassVar[SalesHistorySource]
    SALES_HISTORY_SOURCE_CALLER: _ClassVar[SalesHistorySource]
    SALES_HISTORY_SOURCE_NONE: _ClassVar[SalesHistorySource]
MOVEMENT_TYPE_UNSPECIFIED: MovementType
MOVEMENT_TYPE_RECEIPT: MovementType
MOVEMENT_TYPE_ADJUSTMENT: MovementType
MOVEMENT_TYPE_RESERVATION: MovementType
MOVEMENT_TYPE_RELEASE: MovementType
MOVEMENT_TYPE_SHIPMENT: MovementType
INVENTORY_ALERT_TYPE_UNSPECIFIED: InventoryAlertType
INVENTORY_ALERT_TYPE_LOW_STOCK: InventoryAlertType
INVENTORY_ALERT_TYPE_OUT_OF_STOCK: InventoryAlertType
INVENTORY_ALERT_TYPE_BACKORDERED: InventoryAlertType
INVENTORY_ALERT_TYPE_OVERSTOCK: InventoryAlertType
INVENTORY_ALERT_FILTER_UNSPECIFIED: InventoryAlertFilter
INVENTORY_ALERT_FILTER_LOW_STOCK: InventoryAlertFilter
INVENTORY_ALERT_FILTER_OUT_OF_STOCK: InventoryAlertFilter
INVENTORY_ALERT_FILTER_REORDER: InventoryAlertFilter
INVENTORY_ALERT_FILTER_OVERSTOCK: InventoryAlertFilter
INVENTORY_ALERT_FILTER_BACKORDERED: InventoryAlertFilter
ALERT_SEVERITY_UNSPECIFIED: AlertSeverity
ALERT_SEVERITY_INFO: AlertSeverity
ALERT_SEVERITY_WARNING: AlertSeverity
ALERT_SEVERITY_CRITICAL: AlertSeverity
SALES_HISTORY_SOURCE_UNSPECIFIED: SalesHistorySource
SALES_HISTORY_SOURCE_ORDERS: SalesHistorySource
SALES_HISTORY_SOURCE_CALLER: SalesHistorySource
SALES_HISTORY_SOURCE_NONE: SalesHistorySource

class InventoryAlert(_message.Message):
    __slots__ = ("product_id", "sku", "title", "type", "severity", "message", "available", "reserved", "reorder_point", "recommended_order_quantity", "estimated_reorder_cost", "days_of_cover")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    RESERVED_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_ORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_REORDER_COST_FIELD_NUMBER: _ClassVar[int]
    DAYS_OF_COVER_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    type: InventoryAlertType
    severity: AlertSeverity
    message: str
    available: int
    reserved: int
    reorder_point: int
    recommended_order_quantity: int
    estimated_reorder_cost: _money_pb2.Money
    days_of_cover: float
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., type: _Optional[_Union[InventoryAlertType, str]] = ..., severity: _Optional[_Union[AlertSeverity, str]] = ..., message: _Optional[str] = ..., available: _Optional[int] = ..., reserved: _Optional[int] = ..., reorder_point: _Optional[int] = ..., recommended_order_quantity: _Optional[int] = ..., estimated_reorder_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., days_of_cover: _Optional[float] = ...) -> None: ...

class ReorderRecommendation(_message.Message):
    __slots__ = ("recommended_quantity", "estimated_cost", "lead_time_days", "predicted_stockout_date", "reason")
    RECOMMENDED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_COST_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_STOCKOUT_DATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    recommended_quantity: int
    estimated_cost: _money_pb2.Money
    lead_time_days: int
    predicted_stockout_date: _date_pb2.Date
    reason: str
    def __init__(self, recommended_quantity: _Optional[int] = ..., estimated_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., lead_time_days: _Optional[int] = ..., predicted_stockout_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class InventoryLevel(_message.Message):
    __slots__ = ("product_id", "tenant_id", "sku", "title", "available", "reserved", "on_hand", "backordered", "reorder_point", "reorder_quantity", "max_stock", "unit_cost", "alerts", "update_time", "on_order")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    RESERVED_FIELD_NUMBER: _ClassVar[int]
    ON_HAND_FIELD_NUMBER: _ClassVar[int]
    BACKORDERED_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    REORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAX_STOCK_FIELD_NUMBER: _ClassVar[int]
    UNIT_COST_FIELD_NUMBER: _ClassVar[int]
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ON_ORDER_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    tenant_id: int
    sku: str
    title: str
    available: int
    reserved: int
    on_hand: int
    backordered: int
    reorder_point: int
    reorder_quantity: int
    max_stock: int
    unit_cost: _money_pb2.Money
    alerts: _containers.RepeatedCompositeFieldContainer[InventoryAlert]
    update_time: _timestamp_pb2.Timestamp
    on_order: int
    def __init__(self, product_id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., available: _Optional[int] = ..., reserved: _Optional[int] = ..., on_hand: _Optional[int] = ..., backordered: _Optional[int] = ..., reorder_point: _Optional[int] = ..., reorder_quantity: _Optional[int] = ..., max_stock: _Optional[int] = ..., unit_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., alerts: _Optional[_Iterable[_Union[InventoryAlert, _Mapping]]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., on_order: _Optional[int] = ...) -> None: ...

class InventoryMovement(_message.Message):
    __slots__ = ("id", "product_id", "type", "available_delta", "reserved_delta", "available_after", "reserved_after", "reason", "order_id", "actor", "create_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_DELTA_FIELD_NUMBER: _ClassVar[int]
    RESERVED_DELTA_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_AFTER_FIELD_NUMBER: _ClassVar[int]
    RESERVED_AFTER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    product_id: str
    type: MovementType
    available_delta: int
    reserved_delta: int
    available_after: int
    reserved_after: int
    reason: str
    order_id: str
    actor: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., product_id: _Optional[str] = ..., type: _Optional[_Union[MovementType, str]] = ..., available_delta: _Optional[int] = ..., reserved_delta: _Optional[int] = ..., available_after: _Optional[int] = ..., reserved_after: _Optional[int] = ..., reason: _Optional[str] = ..., order_id: _Optional[str] = ..., actor: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "low_stock_only", "out_of_stock_only", "query")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    LOW_STOCK_ONLY_FIELD_NUMBER: _ClassVar[int]
    OUT_OF_STOCK_ONLY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    low_stock_only: bool
    out_of_stock_only: bool
    query: str
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., low_stock_only: _Optional[bool] = ..., out_of_stock_only: _Optional[bool] = ..., query: _Optional[str] = ...) -> None: ...

class ListInventoryResponse(_message.Message):
    __slots__ = ("inventory_levels", "next_page_token", "total_size")
    INVENTORY_LEVELS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    inventory_levels: _containers.RepeatedCompositeFieldContainer[InventoryLevel]
    next_page_token: str
    total_size: int
    def __init__(self, inventory_levels: _Optional[_Iterable[_Union[InventoryLevel, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class GetInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "movement_limit")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    MOVEMENT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    movement_limit: int
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., movement_limit: _Optional[int] = ...) -> None: ...

class GetInventoryResponse(_message.Message):
    __slots__ = ("inventory_level", "movements", "total_movements")
    INVENTORY_LEVEL_FIELD_NUMBER: _ClassVar[int]
    MOVEMENTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_MOVEMENTS_FIELD_NUMBER: _ClassVar[int]
    inventory_level: InventoryLevel
    movements: _containers.RepeatedCompositeFieldContainer[InventoryMovement]
    total_movements: int
    def __init__(self, inventory_level: _Optional[_Union[InventoryLevel, _Mapping]] = ..., movements: _Optional[_Iterable[_Union[InventoryMovement, _Mapping]]] = ..., total_movements: _Optional[int] = ...) -> None: ...

class UpdateInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "set_available", "adjust_by", "reason", "movement_type", "reorder_point", "reorder_quantity", "max_stock")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SET_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    ADJUST_BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    MOVEMENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    REORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAX_STOCK_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    set_available: int
    adjust_by: int
    reason: str
    movement_type: MovementType
    reorder_point: int
    reorder_quantity: int
    max_stock: int
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., set_available: _Optional[int] = ..., adjust_by: _Optional[int] = ..., reason: _Optional[str] = ..., movement_type: _Optional[_Union[MovementType, str]] = ..., reorder_point: _Optional[int] = ..., reorder_quantity: _Optional[int] = ..., max_stock: _Optional[int] = ...) -> None: ...

class UpdateInventoryResponse(_message.Message):
    __slots__ = ("inventory_level", "movement", "reorder_recommendation")
    INVENTORY_LEVEL_FIELD_NUMBER: _ClassVar[int]
    MOVEMENT_FIELD_NUMBER: _ClassVar[int]
    REORDER_RECOMMENDATION_FIELD_NUMBER: _ClassVar[int]
    inventory_level: InventoryLevel
    movement: InventoryMovement
    reorder_recommendation: ReorderRecommendation
    def __init__(self, inventory_level: _Optional[_Union[InventoryLevel, _Mapping]] = ..., movement: _Optional[_Union[InventoryMovement, _Mapping]] = ..., reorder_recommendation: _Optional[_Union[ReorderRecommendation, _Mapping]] = ...) -> None: ...

class DailySales(_message.Message):
    __slots__ = ("date", "units")
    DATE_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    date: _date_pb2.Date
    units: float
    def __init__(self, date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., units: _Optional[float] = ...) -> None: ...

class OptimizeInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "daily_sales", "history_days", "lead_time_days", "service_level", "order_cost", "holding_cost_rate", "apply")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    DAILY_SALES_FIELD_NUMBER: _ClassVar[int]
    HISTORY_DAYS_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    ORDER_COST_FIELD_NUMBER: _ClassVar[int]
    HOLDING_COST_RATE_FIELD_NUMBER: _ClassVar[int]
    APPLY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    daily_sales: _containers.RepeatedCompositeFieldContainer[DailySales]
    history_days: int
    lead_time_days: int
    service_level: float
    order_cost: _money_pb2.Money
    holding_cost_rate: float
    apply: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., daily_sales: _Optional[_Iterable[_Union[DailySales, _Mapping]]] = ..., history_days: _Optional[int] = ..., lead_time_days: _Optional[int] = ..., service_level: _Optional[float] = ..., order_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., holding_cost_rate: _Optional[float] = ..., apply: _Optional[bool] = ...) -> None: ...

class OptimizerInputs(_message.Message):
    __slots__ = ("history_source", "history_days", "units_sold", "lead_time_days", "lead_time_source", "service_level", "z_score", "annual_demand", "order_cost", "holding_cost_rate", "unit_cost", "holding_cost", "category", "month", "available")
    HISTORY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    HISTORY_DAYS_FIELD_NUMBER: _ClassVar[int]
    UNITS_SOLD_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_SOURCE_FIELD_NUMBER: _ClassVar[int]
    SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    Z_SCORE_FIELD_NUMBER: _ClassVar[int]
    ANNUAL_DEMAND_FIELD_NUMBER: _ClassVar[int]
    ORDER_COST_FIELD_NUMBER: _ClassVar[int]
    HOLDING_COST_RATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_COST_FIELD_NUMBER: _ClassVar[int]
    HOLDING_COST_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    history_source: SalesHistorySource
    history_days: int
    units_sold: float
    lead_time_days: int
    lead_time_source: str
    service_level: float
    z_score: float
    annual_demand: float
    order_cost: _money_pb2.Money
    holding_cost_rate: float
    unit_cost: _money_pb2.Money
    holding_cost: _money_pb2.Money
    category: str
    month: int
    available: int
    def __init__(self, history_source: _Optional[_Union[SalesHistorySource, str]] = ..., history_days: _Optional[int] = ..., units_sold: _Optional[float] = ..., lead_time_days: _Optional[int] = ..., lead_time_source: _Optional[str] = ..., service_level: _Optional[float] = ..., z_score: _Optional[float] = ..., annual_demand: _Optional[float] = ..., order_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., holding_cost_rate: _Optional[float] = ..., unit_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., holding_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., category: _Optional[str] = ..., month: _Optional[int] = ..., available: _Optional[int] = ...) -> None: ...

class OptimizeInventoryResponse(_message.Message):
    __slots__ = ("product_id", "sales_velocity", "velocity_std_dev", "seasonal_factor", "safety_stock", "reorder_point", "economic_order_quantity", "max_stock", "days_of_cover", "predicted_stockout_date", "recommended_order_quantity", "inputs", "applied", "inventory_level")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SALES_VELOCITY_FIELD_NUMBER: _ClassVar[int]
    VELOCITY_STD_DEV_FIELD_NUMBER: _ClassVar[int]
    SEASONAL_FACTOR_FIELD_NUMBER: _ClassVar[int]
    SAFETY_STOCK_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    ECONOMIC_ORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAX_STOCK_FIELD_NUMBER: _ClassVar[int]
    DAYS_OF_COVER_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_STOCKOUT_DATE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_ORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    INVENTORY_LEVEL_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sales_velocity: float
    velocity_std_dev: float
    seasonal_factor: float
    safety_stock: int
    reorder_point: int
    economic_order_quantity: int
    max_stock: int
    days_of_cover: float
    predicted_stockout_date: _date_pb2.Date
    recommended_order_quantity: int
    inputs: OptimizerInputs
    applied: bool
    inventory_level: InventoryLevel
    def __init__(self, product_id: _Optional[str] = ..., sales_velocity: _Optional[float] = ..., velocity_std_dev: _Optional[float] = ..., seasonal_factor: _Optional[float] = ..., safety_stock: _Optional[int] = ..., reorder_point: _Optional[int] = ..., economic_order_quantity: _Optional[int] = ..., max_stock: _Optional[int] = ..., days_of_cover: _Optional[float] = ..., predicted_stockout_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., recommended_order_quantity: _Optional[int] = ..., inputs: _Optional[_Union[OptimizerInputs, _Mapping]] = ..., applied: _Optional[bool] = ..., inventory_level: _Optional[_Union[InventoryLevel, _Mapping]] = ...) -> None: ...

class GetInventoryAlertsRequest(_message.Message):
    __slots__ = ("tenant_id", "alert_type", "page_size", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ALERT_TYPE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    alert_type: InventoryAlertFilter
    page_size: int
    page_token: str
    def __init__(self, tenant_id: _Optional[int] = ..., alert_type: _Optional[_Union[InventoryAlertFilter, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class InventoryAlertSummary(_message.Message):
    __slots__ = ("total_alerts", "critical_alerts", "warning_alerts", "info_alerts", "out_of_stock_count", "low_stock_count", "backordered_count", "overstock_count", "reorder_count", "total_estimated_reorder_cost", "other_currency_reorder_costs")
    TOTAL_ALERTS_FIELD_NUMBER: _ClassVar[int]
    CRITICAL_ALERTS_FIELD_NUMBER: _ClassVar[int]
    WARNING_ALERTS_FIELD_NUMBER: _ClassVar[int]
    INFO_ALERTS_FIELD_NUMBER: _ClassVar[int]
    OUT_OF_STOCK_COUNT_FIELD_NUMBER: _ClassVar[int]
    LOW_STOCK_COUNT_FIELD_NUMBER: _ClassVar[int]
    BACKORDERED_COUNT_FIELD_NUMBER: _ClassVar[int]
    OVERSTOCK_COUNT_FIELD_NUMBER: _ClassVar[int]
    REORDER_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ESTIMATED_REORDER_COST_FIELD_NUMBER: _ClassVar[int]
    OTHER_CURRENCY_REORDER_COSTS_FIELD_NUMBER: _ClassVar[int]
    total_alerts: int
    critical_alerts: int
    warning_alerts: int
    info_alerts: int
    out_of_stock_count: int
    low_stock_count: int
    backordered_count: int
    overstock_count: int
    reorder_count: int
    total_estimated_reorder_cost: _money_pb2.Money
    other_currency_reorder_costs: _containers.RepeatedCompositeFieldContainer[_money_pb2.Money]
    def __init__(self, total_alerts: _Optional[int] = ..., critical_alerts: _Optional[int] = ..., warning_alerts: _Optional[int] = ..., info_alerts: _Optional[int] = ..., out_of_stock_count: _Optional[int] = ..., low_stock_count: _Optional[int] = ..., backordered_count: _Optional[int] = ..., overstock_count: _Optional[int] = ..., reorder_count: _Optional[int] = ..., total_estimated_reorder_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., other_currency_reorder_costs: _Optional[_Iterable[_Union[_money_pb2.Money, _Mapping]]] = ...) -> None: ...

class GetInventoryAlertsResponse(_message.Message):
    __slots__ = ("alerts", "next_page_token", "total_size", "summary")
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    alerts: _containers.RepeatedCompositeFieldContainer[InventoryAlert]
    next_page_token: str
    total_size: int
    summary: InventoryAlertSummary
    def __init__(self, alerts: _Optional[_Iterable[_Union[InventoryAlert, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ..., summary: _Optional[_Union[InventoryAlertSummary, _Mapping]] = ...) -> None: ...
