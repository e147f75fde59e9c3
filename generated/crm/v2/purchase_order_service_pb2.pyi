import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PurchaseOrderKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PURCHASE_ORDER_KIND_UNSPECIFIED: _ClassVar[PurchaseOrderKind]
    PURCHASE_ORDER_KIND_DROPSHIP: _ClassVar[PurchaseOrderKind]
    PURCHASE_ORDER_KIND_REPLENISHMENT: _ClassVar[PurchaseOrderKind]

class PurchaseOrderStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PURCHASE_ORDER_STATUS_UNSPECIFIED: _ClassVar[PurchaseOrderStatus]
    PURCHASE_ORDER_STATUS_DRAFT: _ClassVar[PurchaseOrderStatus]
    PURCHASE_ORDER_STATUS_SUBMITTED: _ClassVar[PurchaseOrderStatus]
    PURCHASE_ORDER_STATUS_ACCEPTED: _ClassVar[PurchaseOrderStatus]
    PURCHASE_ORDER_STATUS_SHIPPED: _ClassVar[PurchaseOrderStatus]
    PURCHASE_ORDER_STATUS_RECEIVED: _ClassVar[PurchaseOrderStatus]
    PURCHASE_ORDER_STATUS_CANCELLED: _ClassVar[PurchaseOrderStatus]
    PURCHASE_ORDER_STATUS_REJECTED: _ClassVar[PurchaseOrderStatus]
PURCHASE_ORDER_KIND_UNSPECIFIED: PurchaseOrderKind
PURCHASE_ORDER_KIND_DROPSHIP: PurchaseOrderKind
PURCHASE_ORDER_KIND_REPLENISHMENT: PurchaseOrderKind
PURCHASE_ORDER_STATUS_UNSPECIFIED: PurchaseOrderStatus
PURCHASE_ORDER_STATUS_DRAFT: PurchaseOrderStatus
PURCHASE_ORDER_STATUS_SUBMITTED: PurchaseOrderStatus
PURCHASE_ORDER_STATUS_ACCEPTED: PurchaseOrderStatus
PURCHASE_ORDER_STATUS_SHIPPED: PurchaseOrderStatus
PURCHASE_ORDER_STATUS_RECEIVED: PurchaseOrderStatus
PURCHASE_ORDER_STATUS_CANCELLED: PurchaseOrderStatus
PURCHASE_ORDER_STATUS_REJECTED: PurchaseOrderStatus

class PurchaseOrderLine(_message.Message):
    __slots__ = ("product_id", "offer_id", "sku", "supplier_sku", "quantity", "received_quantity", "unit_cost", "shipping_cost", "line_total", "order_id")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_COST_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_COST_FIELD_NUMBER: _ClassVar[int]
    LINE_TOTAL_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    offer_id: str
    sku: str
    supplier_sku: str
    quantity: int
    received_quantity: int
    unit_cost: _money_pb2.Money
    shipping_cost: _money_pb2.Money
    line_total: _money_pb2.Money
    order_id: str
    def __init__(self, product_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., sku: _Optional[str] = ..., supplier_sku: _Optional[str] = ..., quantity: _Optional[int] = ..., received_quantity: _Optional[int] = ..., unit_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., line_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., order_id: _Optional[str] = ...) -> None: ...

class PurchaseOrder(_message.Message):
    __slots__ = ("id", "tenant_id", "kind", "status", "supplier_id", "order_id", "lines", "currency_code", "subtotal", "shipping_total", "total", "supplier_order_id", "carrier", "tracking_numbers", "notes", "cancel_reason", "create_time", "update_time", "submit_time", "ship_time", "receive_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_TOTAL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    SUBMIT_TIME_FIELD_NUMBER: _ClassVar[int]
    SHIP_TIME_FIELD_NUMBER: _ClassVar[int]
    RECEIVE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    kind: PurchaseOrderKind
    status: PurchaseOrderStatus
    supplier_id: str
    order_id: str
    lines: _containers.RepeatedCompositeFieldContainer[PurchaseOrderLine]
    currency_code: str
    subtotal: _money_pb2.Money
    shipping_total: _money_pb2.Money
    total: _money_pb2.Money
    supplier_order_id: str
    carrier: str
    tracking_numbers: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    cancel_reason: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    submit_time: _timestamp_pb2.Timestamp
    ship_time: _timestamp_pb2.Timestamp
    receive_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., kind: _Optional[_Union[PurchaseOrderKind, str]] = ..., status: _Optional[_Union[PurchaseOrderStatus, str]] = ..., supplier_id: _Optional[str] = ..., order_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[PurchaseOrderLine, _Mapping]]] = ..., currency_code: _Optional[str] = ..., subtotal: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., supplier_order_id: _Optional[str] = ..., carrier: _Optional[str] = ..., tracking_numbers: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ..., cancel_reason: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., submit_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., ship_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., receive_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatePurchaseOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "purchase_order", "request_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: PurchaseOrder
    request_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[PurchaseOrder, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetPurchaseOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "purchase_order_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order_id: _Optional[str] = ...) -> None: ...

class ListPurchaseOrdersRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "supplier_id", "status", "kind", "order_id", "created_from", "created_before")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_FROM_FIELD_NUMBER: _ClassVar[int]
    CREATED_BEFORE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    supplier_id: str
    status: PurchaseOrderStatus
    kind: PurchaseOrderKind
    order_id: str
    created_from: _timestamp_pb2.Timestamp
    created_before: _timestamp_pb2.Timestamp
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., supplier_id: _Optional[str] = ..., status: _Optional[_Union[PurchaseOrderStatus, str]] = ..., kind: _Optional[_Union[PurchaseOrderKind, str]] = ..., order_id: _Optional[str] = ..., created_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_before: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListPurchaseOrdersResponse(_message.Message):
    __slots__ = ("purchase_orders", "next_page_token", "total_size")
    PURCHASE_ORDERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    purchase_orders: _containers.RepeatedCompositeFieldContainer[PurchaseOrder]
    next_page_token: str
    total_size: int
    def __init__(self, purchase_orders: _Optional[_Iterable[_Union[PurchaseOrder, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdatePurchaseOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "purchase_order", "update_mask", "reason")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order: PurchaseOrder
    update_mask: _field_mask_pb2.FieldMask
    reason: str
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order: _Optional[_Union[PurchaseOrder, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class CancelPurchaseOrderRequest(_message.Message):
    __slots__ = ("tenant_id", "purchase_order_id", "reason")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    purchase_order_id: str
    reason: str
    def __init__(self, tenant_id: _Optional[int] = ..., purchase_order_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...
