import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Marketplace(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MARKETPLACE_UNSPECIFIED: _ClassVar[Marketplace]
    MARKETPLACE_AMAZON: _ClassVar[Marketplace]
    MARKETPLACE_ALIEXPRESS: _ClassVar[Marketplace]
    MARKETPLACE_ALIBABA: _ClassVar[Marketplace]
    MARKETPLACE_EBAY: _ClassVar[Marketplace]
    MARKETPLACE_WALMART: _ClassVar[Marketplace]
    MARKETPLACE_SHOPIFY: _ClassVar[Marketplace]
    MARKETPLACE_OTHER: _ClassVar[Marketplace]
MARKETPLACE_UNSPECIFIED: Marketplace
MARKETPLACE_AMAZON: Marketplace
MARKETPLACE_ALIEXPRESS: Marketplace
MARKETPLACE_ALIBABA: Marketplace
MARKETPLACE_EBAY: Marketplace
MARKETPLACE_WALMART: Marketplace
MARKETPLACE_SHOPIFY: Marketplace
MARKETPLACE_OTHER: Marketplace

class Supplier(_message.Message):
    __slots__ = ("id", "tenant_id", "name", "marketplace", "contact_email", "contact_phone", "website", "rating", "lead_time_days", "is_active", "notes", "create_time", "update_time")
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
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    name: str
    marketplace: Marketplace
    contact_email: str
    contact_phone: str
    website: str
    rating: float
    lead_time_days: int
    is_active: bool
    notes: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., name: _Optional[str] = ..., marketplace: _Optional[_Union[Marketplace, str]] = ..., contact_email: _Optional[str] = ..., contact_phone: _Optional[str] = ..., website: _Optional[str] = ..., rating: _Optional[float] = ..., lead_time_days: _Optional[int] = ..., is_active: _Optional[bool] = ..., notes: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateSupplierRequest(_message.Message):
    __slots__ = ("tenant_id", "supplier")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    supplier: Supplier
    def __init__(self, tenant_id: _Optional[int] = ..., supplier: _Optional[_Union[Supplier, _Mapping]] = ...) -> None: ...

class GetSupplierRequest(_message.Message):
    __slots__ = ("tenant_id", "supplier_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    supplier_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., supplier_id: _Optional[str] = ...) -> None: ...

class ListSuppliersRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "marketplace", "active_only", "query")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_ONLY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    marketplace: Marketplace
    active_only: bool
    query: str
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., marketplace: _Optional[_Union[Marketplace, str]] = ..., active_only: _Optional[bool] = ..., query: _Optional[str] = ...) -> None: ...

class ListSuppliersResponse(_message.Message):
    __slots__ = ("suppliers", "next_page_token", "total_size")
    SUPPLIERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    suppliers: _containers.RepeatedCompositeFieldContainer[Supplier]
    next_page_token: str
    total_size: int
    def __init__(self, suppliers: _Optional[_Iterable[_Union[Supplier, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateSupplierRequest(_message.Message):
    __slots__ = ("tenant_id", "supplier", "update_mask")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    supplier: Supplier
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, tenant_id: _Optional[int] = ..., supplier: _Optional[_Union[Supplier, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...
