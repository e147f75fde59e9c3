import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import common_pb2 as _common_pb2
from crm.v2 import supplier_service_pb2 as _supplier_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SupplierOffer(_message.Message):
    __slots__ = ("id", "tenant_id", "product_id", "supplier_id", "supplier_sku", "marketplace", "listing_url", "unit_cost", "shipping_cost", "min_order_quantity", "lead_time_days", "supplier_stock", "is_active", "chosen", "landed_cost", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_SKU_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_FIELD_NUMBER: _ClassVar[int]
    LISTING_URL_FIELD_NUMBER: _ClassVar[int]
    UNIT_COST_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_COST_FIELD_NUMBER: _ClassVar[int]
    MIN_ORDER_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_STOCK_FIELD_NUMBER: _ClassVar[int]
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CHOSEN_FIELD_NUMBER: _ClassVar[int]
    LANDED_COST_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    product_id: str
    supplier_id: str
    supplier_sku: str
    marketplace: _supplier_service_pb2.Marketplace
    listing_url: str
    unit_cost: _money_pb2.Money
    shipping_cost: _money_pb2.Money
    min_order_quantity: int
    lead_time_days: int
    supplier_stock: int
    is_active: bool
    chosen: bool
    landed_cost: _money_pb2.Money
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., supplier_id: _Optional[str] = ..., supplier_sku: _Optional[str] = ..., marketplace: _Optional[_Union[_supplier_service_pb2.Marketplace, str]] = ..., listing_url: _Optional[str] = ..., unit_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., min_order_quantity: _Optional[int] = ..., lead_time_days: _Optional[int] = ..., supplier_stock: _Optional[int] = ..., is_active: _Optional[bool] = ..., chosen: _Optional[bool] = ..., landed_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateOfferRequest(_message.Message):
    __slots__ = ("tenant_id", "offer", "request_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    offer: SupplierOffer
    request_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., offer: _Optional[_Union[SupplierOffer, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetOfferRequest(_message.Message):
    __slots__ = ("tenant_id", "offer_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    offer_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., offer_id: _Optional[str] = ...) -> None: ...

class ListOffersRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "product_id", "supplier_id", "active_only")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_ONLY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    product_id: str
    supplier_id: str
    active_only: bool
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., product_id: _Optional[str] = ..., supplier_id: _Optional[str] = ..., active_only: _Optional[bool] = ...) -> None: ...

class ListOffersResponse(_message.Message):
    __slots__ = ("offers", "next_page_token", "total_size")
    OFFERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    offers: _containers.RepeatedCompositeFieldContainer[SupplierOffer]
    next_page_token: str
    total_size: int
    def __init__(self, offers: _Optional[_Iterable[_Union[SupplierOffer, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateOfferRequest(_message.Message):
    __slots__ = ("tenant_id", "offer", "update_mask")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    offer: SupplierOffer
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, tenant_id: _Optional[int] = ..., offer: _Optional[_Union[SupplierOffer, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class DeleteOfferRequest(_message.Message):
    __slots__ = ("tenant_id", "offer_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    offer_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., offer_id: _Optional[str] = ...) -> None: ...

class DeleteOfferResponse(_message.Message):
    __slots__ = ("offer_id", "chosen_offer_id")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    CHOSEN_OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    chosen_offer_id: str
    def __init__(self, offer_id: _Optional[str] = ..., chosen_offer_id: _Optional[str] = ...) -> None: ...

class RankOffersRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ...) -> None: ...

class RankedOffer(_message.Message):
    __slots__ = ("offer", "eligible", "score", "factors", "reason")
    OFFER_FIELD_NUMBER: _ClassVar[int]
    ELIGIBLE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    offer: SupplierOffer
    eligible: bool
    score: float
    factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    reason: str
    def __init__(self, offer: _Optional[_Union[SupplierOffer, _Mapping]] = ..., eligible: _Optional[bool] = ..., score: _Optional[float] = ..., factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ..., reason: _Optional[str] = ...) -> None: ...

class RankOffersResponse(_message.Message):
    __slots__ = ("product_id", "chosen_offer_id", "offers", "usual_quantity")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    CHOSEN_OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    OFFERS_FIELD_NUMBER: _ClassVar[int]
    USUAL_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    chosen_offer_id: str
    offers: _containers.RepeatedCompositeFieldContainer[RankedOffer]
    usual_quantity: int
    def __init__(self, product_id: _Optional[str] = ..., chosen_offer_id: _Optional[str] = ..., offers: _Optional[_Iterable[_Union[RankedOffer, _Mapping]]] = ..., usual_quantity: _Optional[int] = ...) -> None: ...
