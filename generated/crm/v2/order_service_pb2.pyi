import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import common_pb2 as _common_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import money_pb2 as _money_pb2
from google.type import postal_address_pb2 as _postal_address_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORDER_STATUS_UNSPECIFIED: _ClassVar[OrderStatus]
    ORDER_STATUS_PENDING: _ClassVar[OrderStatus]
    ORDER_STATUS_CONFIRMED: _ClassVar[OrderStatus]
    ORDER_STATUS_PROCESSING: _ClassVar[OrderStatus]
    ORDER_STATUS_SHIPPED: _ClassVar[OrderStatus]
    ORDER_STATUS_DELIVERED: _ClassVar[OrderStatus]
    ORDER_STATUS_CANCELLED: _ClassVar[OrderStatus]
    ORDER_STATUS_REFUNDED: _ClassVar[OrderStatus]
    ORDER_STATUS_ON_HOLD: _ClassVar[OrderStatus]

class FinancialStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FINANCIAL_STATUS_UNSPECIFIED: _ClassVar[FinancialStatus]
    FINANCIAL_STATUS_PENDING: _ClassVar[FinancialStatus]
    FINANCIAL_STATUS_AUTHORIZED: _ClassVar[FinancialStatus]
    FINANCIAL_STATUS_PAID: _ClassVar[FinancialStatus]
    FINANCIAL_STATUS_PARTIALLY_REFUNDED: _ClassVar[FinancialStatus]
    FINANCIAL_STATUS_REFUNDED: _ClassVar[FinancialStatus]
    FINANCIAL_STATUS_VOIDED: _ClassVar[FinancialStatus]
    FINANCIAL_STATUS_CHARGED_BACK: _ClassVar[FinancialStatus]

class FraudRecommendation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FRAUD_RECOMMENDATION_UNSPECIFIED: _ClassVar[FraudRecommendation]
    FRAUD_RECOMMENDATION_APPROVE: _ClassVar[FraudRecommendation]
    FRAUD_RECOMMENDATION_VERIFY: _ClassVar[FraudRecommendation]
    FRAUD_RECOMMENDATION_CANCEL: _ClassVar[FraudRecommendation]

class RiskList(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RISK_LIST_UNSPECIFIED: _ClassVar[RiskList]
    RISK_LIST_ALLOW: _ClassVar[RiskList]
    RISK_LIST_BLOCK: _ClassVar[RiskList]

class RiskListKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RISK_LIST_KIND_UNSPECIFIED: _ClassVar[RiskListKind]
    RISK_LIST_KIND_EMAIL: _ClassVar[RiskListKind]
    RISK_LIST_KIND_DOMAIN: _ClassVar[RiskListKind]
    RISK_LIST_KIND_COUNTRY: _ClassVar[RiskListKind]

class RiskLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RISK_LEVEL_UNSPECIFIED: _ClassVar[RiskLevel]
    RISK_LEVEL_LOW: _ClassVar[RiskLevel]
    RISK_LEVEL_MEDIUM: _ClassVar[RiskLevel]
    RISK_LEVEL_HIGH: _ClassVar[RiskLevel]
    RISK_LEVEL_CRITICAL: _ClassVar[RiskLevel]

class FraudAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FRAUD_ACTION_UNSPECIFIED: _ClassVar[FraudAction]
    FRAUD_ACTION_STANDARD_PROCESSING: _ClassVar[FraudAction]
    FRAUD_ACTION_ENHANCED_MONITORING: _ClassVar[FraudAction]
    FRAUD_ACTION_MANUAL_REVIEW: _ClassVar[FraudAction]
    FRAUD_ACTION_HOLD_FOR_INVESTIGATION: _ClassVar[FraudAction]
ORDER_STATUS_UNSPECIFIED: OrderStatus
ORDER_STATUS_PENDING: OrderStatus
ORDER_STATUS_CONFIRMED: OrderStatus
ORDER_STATUS_PROCESSING: OrderStatus
ORDER_STATUS_SHIPPED: OrderStatus
ORDER_STATUS_DELIVERED: OrderStatus
ORDER_STATUS_CANCELLED: OrderStatus
ORDER_STATUS_REFUNDED: OrderStatus
ORDER_STATUS_ON_HOLD: OrderStatus
FINANCIAL_STATUS_UNSPECIFIED: FinancialStatus
FINANCIAL_STATUS_PENDING: FinancialStatus
FINANCIAL_STATUS_AUTHORIZED: FinancialStatus
FINANCIAL_STATUS_PAID: FinancialStatus
FINANCIAL_STATUS_PARTIALLY_REFUNDED: FinancialStatus
FINANCIAL_STATUS_REFUNDED: FinancialStatus
FINANCIAL_STATUS_VOIDED: FinancialStatus
FINANCIAL_STATUS_CHARGED_BACK: FinancialStatus
FRAUD_RECOMMENDATION_UNSPECIFIED: FraudRecommendation
FRAUD_RECOMMENDATION_APPROVE: FraudRecommendation
FRAUD_RECOMMENDATION_VERIFY: FraudRecommendation
FRAUD_RECOMMENDATION_CANCEL: FraudRecommendation
RISK_LIST_UNSPECIFIED: RiskList
RISK_LIST_ALLOW: RiskList
RISK_LIST_BLOCK: RiskList
RISK_LIST_KIND_UNSPECIFIED: RiskListKind
RISK_LIST_KIND_EMAIL: RiskListKind
RISK_LIST_KIND_DOMAIN: RiskListKind
RISK_LIST_KIND_COUNTRY: RiskListKind
RISK_LEVEL_UNSPECIFIED: RiskLevel
RISK_LEVEL_LOW: RiskLevel
RISK_LEVEL_MEDIUM: RiskLevel
RISK_LEVEL_HIGH: RiskLevel
RISK_LEVEL_CRITICAL: RiskLevel
FRAUD_ACTION_UNSPECIFIED: FraudAction
FRAUD_ACTION_STANDARD_PROCESSING: FraudAction
FRAUD_ACTION_ENHANCED_MONITORING: FraudAction
FRAUD_ACTION_MANUAL_REVIEW: FraudAction
FRAUD_ACTION_HOLD_FOR_INVESTIGATION: FraudAction

class OrderItem(_message.Message):
    __slots__ = ("product_id", "sku", "title", "quantity", "unit_price", "total_price", "backordered", "dropship")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    BACKORDERED_FIELD_NUMBER: _ClassVar[int]
    DROPSHIP_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    quantity: int
    unit_price: _money_pb2.Money
    total_price: _money_pb2.Money
    backordered: bool
    dropship: bool
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., quantity: _Optional[int] = ..., unit_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., total_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., backordered: _Optional[bool] = ..., dropship: _Optional[bool] = ...) -> None: ...

class FraudAnalysis(_message.Message):
    __slots__ = ("risk_level", "risk_score", "verification_required", "recommended_action", "factors", "analyze_time", "trigger")
    RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RISK_SCORE_FIELD_NUMBER: _ClassVar[int]
    VERIFICATION_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_ACTION_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    ANALYZE_TIME_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    risk_level: RiskLevel
    risk_score: float
    verification_required: bool
    recommended_action: FraudAction
    factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    analyze_time: _timestamp_pb2.Timestamp
    trigger: str
    def __init__(self, risk_level: _Optional[_Union[RiskLevel, str]] = ..., risk_score: _Optional[float] = ..., verification_required: _Optional[bool] = ..., recommended_action: _Optional[_Union[FraudAction, str]] = ..., factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ..., analyze_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., trigger: _Optional[str] = ...) -> None: ...

class FraudReview(_message.Message):
    __slots__ = ("workflow_id", "request_time", "recommendation", "risk_score", "summary", "signals", "source", "review_time")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TIME_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATION_FIELD_NUMBER: _ClassVar[int]
    RISK_SCORE_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    SIGNALS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    REVIEW_TIME_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    request_time: _timestamp_pb2.Timestamp
    recommendation: FraudRecommendation
    risk_score: float
    summary: str
    signals: _containers.RepeatedScalarFieldContainer[str]
    source: _common_pb2.ResultSource
    review_time: _timestamp_pb2.Timestamp
    def __init__(self, workflow_id: _Optional[str] = ..., request_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., recommendation: _Optional[_Union[FraudRecommendation, str]] = ..., risk_score: _Optional[float] = ..., summary: _Optional[str] = ..., signals: _Optional[_Iterable[str]] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ..., review_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StatusChange(_message.Message):
    __slots__ = ("from_status", "to_status", "reason", "changed_by", "change_time")
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    from_status: OrderStatus
    to_status: OrderStatus
    reason: str
    changed_by: str
    change_time: _timestamp_pb2.Timestamp
    def __init__(self, from_status: _Optional[_Union[OrderStatus, str]] = ..., to_status: _Optional[_Union[OrderStatus, str]] = ..., reason: _Optional[str] = ..., changed_by: _Optional[str] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Order(_message.Message):
    __slots__ = ("id", "tenant_id", "order_number", "customer_email", "customer_name", "billing_address", "shipping_address", "items", "currency_code", "subtotal", "tax", "shipping", "discount", "total", "status", "financial_status", "fraud_analysis", "status_history", "notes", "tracking_number", "carrier", "request_id", "cancel_reason", "create_time", "update_time", "flagged", "fraud_review")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    BILLING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    TAX_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    FRAUD_ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    STATUS_HISTORY_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    FLAGGED_FIELD_NUMBER: _ClassVar[int]
    FRAUD_REVIEW_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    order_number: str
    customer_email: str
    customer_name: str
    billing_address: _postal_address_pb2.PostalAddress
    shipping_address: _postal_address_pb2.PostalAddress
    items: _containers.RepeatedCompositeFieldContainer[OrderItem]
    currency_code: str
    subtotal: _money_pb2.Money
    tax: _money_pb2.Money
    shipping: _money_pb2.Money
    discount: _money_pb2.Money
    total: _money_pb2.Money
    status: OrderStatus
    financial_status: FinancialStatus
    fraud_analysis: FraudAnalysis
    status_history: _containers.RepeatedCompositeFieldContainer[StatusChange]
    notes: str
    tracking_number: str
    carrier: str
    request_id: str
    cancel_reason: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    flagged: bool
    fraud_review: FraudReview
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., order_number: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ..., billing_address: _Optional[_Union[_postal_address_pb2.PostalAddress, _Mapping]] = ..., shipping_address: _Optional[_Union[_postal_address_pb2.PostalAddress, _Mapping]] = ..., items: _Optional[_Iterable[_Union[OrderItem, _Mapping]]] = ..., currency_code: _Optional[str] = ..., subtotal: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., discount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., status: _Optional[_Union[OrderStatus, str]] = ..., financial_status: _Optional[_Union[FinancialStatus, str]] = ..., fraud_analysis: _Optional[_Union[FraudAnalysis, _Mapping]] = ..., status_history: _Optional[_Iterable[_Union[StatusChange, _Mapping]]] = ..., notes: _Optional[str] = ..., tracking_number: _Optional[str] = ..., carrier: _Optional[str] = ..., request_id: _Optional[str] = ..., cancel_reason: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., flagged: _Optional[bool] = ..., fraud_review: _Optional[_Union[FraudReview, _Mapping]] = ...) -> None: ...

class CreateOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "order", "request_id", "allow_backorder")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ALLOW_BACKORDER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order: Order
    request_id: str
    allow_backorder: bool
    def __init__(self, tenant_id: _Optional[int] = ..., order: _Optional[_Union[Order, _Mapping]] = ..., request_id: _Optional[str] = ..., allow_backorder: _Optional[bool] = ...) -> None: ...

class GetOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "order_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ...) -> None: ...

class ListOrdersRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "status", "financial_status", "customer_email", "start_time", "end_time", "risk_level", "flagged")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
    FLAGGED_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    status: OrderStatus
    financial_status: FinancialStatus
    customer_email: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    risk_level: RiskLevel
    flagged: bool
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., status: _Optional[_Union[OrderStatus, str]] = ..., financial_status: _Optional[_Union[FinancialStatus, str]] = ..., customer_email: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., risk_level: _Optional[_Union[RiskLevel, str]] = ..., flagged: _Optional[bool] = ...) -> None: ...

class ListOrdersResponse(_message.Message):
    __slots__ = ("orders", "next_page_token", "total_size")
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    orders: _containers.RepeatedCompositeFieldContainer[Order]
    next_page_token: str
    total_size: int
    def __init__(self, orders: _Optional[_Iterable[_Union[Order, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "order", "update_mask", "reason")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order: Order
    update_mask: _field_mask_pb2.FieldMask
    reason: str
    def __init__(self, tenant_id: _Optional[int] = ..., order: _Optional[_Union[Order, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class CancelOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "order_id", "reason")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    order_id: str
    reason: str
    def __init__(self, tenant_id: _Optional[int] = ..., order_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RiskListEntry(_message.Message):
    __slots__ = ("id", "tenant_id", "list", "kind", "value", "reason", "created_by", "create_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LIST_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    list: RiskList
    kind: RiskListKind
    value: str
    reason: str
    created_by: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., list: _Optional[_Union[RiskList, str]] = ..., kind: _Optional[_Union[RiskListKind, str]] = ..., value: _Optional[str] = ..., reason: _Optional[str] = ..., created_by: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateRiskListEntryRequest(_message.Message):
    __slots__ = ("tenant_id", "entry")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    entry: RiskListEntry
    def __init__(self, tenant_id: _Optional[int] = ..., entry: _Optional[_Union[RiskListEntry, _Mapping]] = ...) -> None: ...

class ListRiskListEntriesRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "list", "kind")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    LIST_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    list: RiskList
    kind: RiskListKind
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., list: _Optional[_Union[RiskList, str]] = ..., kind: _Optional[_Union[RiskListKind, str]] = ...) -> None: ...

class ListRiskListEntriesResponse(_message.Message):
    __slots__ = ("entries", "next_page_token", "total_size")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[RiskListEntry]
    next_page_token: str
    total_size: int
    def __init__(self, entries: _Optional[_Iterable[_Union[RiskListEntry, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class DeleteRiskListEntryRequest(_message.Message):
    __slots__ = ("tenant_id", "entry_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    entry_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., entry_id: _Optional[str] = ...) -> None: ...
