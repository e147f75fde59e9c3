import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import common_pb2 as _common_pb2
from crm.v2 import contact_service_pb2 as _contact_service_pb2
from crm.v2 import deal_service_pb2 as _deal_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
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

class LeadStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEAD_STATUS_UNSPECIFIED: _ClassVar[LeadStatus]
    LEAD_STATUS_NEW: _ClassVar[LeadStatus]
    LEAD_STATUS_CONTACTED: _ClassVar[LeadStatus]
    LEAD_STATUS_QUALIFIED: _ClassVar[LeadStatus]
    LEAD_STATUS_PROPOSAL: _ClassVar[LeadStatus]
    LEAD_STATUS_NEGOTIATION: _ClassVar[LeadStatus]
    LEAD_STATUS_CLOSED_WON: _ClassVar[LeadStatus]
    LEAD_STATUS_CLOSED_LOST: _ClassVar[LeadStatus]

class LeadSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEAD_SOURCE_UNSPECIFIED: _ClassVar[LeadSource]
    LEAD_SOURCE_WEBSITE: _ClassVar[LeadSource]
    LEAD_SOURCE_REFERRAL: _ClassVar[LeadSource]
    LEAD_SOURCE_SOCIAL_MEDIA: _ClassVar[LeadSource]
    LEAD_SOURCE_EMAIL_CAMPAIGN: _ClassVar[LeadSource]
    LEAD_SOURCE_COLD_CALL: _ClassVar[LeadSource]
    LEAD_SOURCE_TRADE_SHOW: _ClassVar[LeadSource]
    LEAD_SOURCE_OTHER: _ClassVar[LeadSource]

class LeadPriority(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEAD_PRIORITY_UNSPECIFIED: _ClassVar[LeadPriority]
    LEAD_PRIORITY_LOW: _ClassVar[LeadPriority]
    LEAD_PRIORITY_MEDIUM: _ClassVar[LeadPriority]
    LEAD_PRIORITY_HIGH: _ClassVar[LeadPriority]
    LEAD_PRIORITY_URGENT: _ClassVar[LeadPriority]
LEAD_STATUS_UNSPECIFIED: LeadStatus
LEAD_STATUS_NEW: LeadStatus
LEAD_STATUS_CONTACTED: LeadStatus
LEAD_STATUS_QUALIFIED: LeadStatus
LEAD_STATUS_PROPOSAL: LeadStatus
LEAD_STATUS_NEGOTIATION: LeadStatus
LEAD_STATUS_CLOSED_WON: LeadStatus
LEAD_STATUS_CLOSED_LOST: LeadStatus
LEAD_SOURCE_UNSPECIFIED: LeadSource
LEAD_SOURCE_WEBSITE: LeadSource
LEAD_SOURCE_REFERRAL: LeadSource
LEAD_SOURCE_SOCIAL_MEDIA: LeadSource
LEAD_SOURCE_EMAIL_CAMPAIGN: LeadSource
LEAD_SOURCE_COLD_CALL: LeadSource
LEAD_SOURCE_TRADE_SHOW: LeadSource
LEAD_SOURCE_OTHER: LeadSource
LEAD_PRIORITY_UNSPECIFIED: LeadPriority
LEAD_PRIORITY_LOW: LeadPriority
LEAD_PRIORITY_MEDIUM: LeadPriority
LEAD_PRIORITY_HIGH: LeadPriority
LEAD_PRIORITY_URGENT: LeadPriority

class Lead(_message.Message):
    __slots__ = ("id", "tenant_id", "first_name", "last_name", "email", "phone", "company", "job_title", "status", "source", "priority", "score", "score_factors", "notes", "tags", "assigned_to", "converted_contact_id", "converted_deal_id", "convert_time", "create_time", "update_time", "converted")
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
    CONVERTED_CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_DEAL_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERT_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    company: str
    job_title: str
    status: LeadStatus
    source: LeadSource
    priority: LeadPriority
    score: float
    score_factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    notes: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    assigned_to: str
    converted_contact_id: str
    converted_deal_id: str
    convert_time: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    converted: bool
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., company: _Optional[str] = ..., job_title: _Optional[str] = ..., status: _Optional[_Union[LeadStatus, str]] = ..., source: _Optional[_Union[LeadSource, str]] = ..., priority: _Optional[_Union[LeadPriority, str]] = ..., score: _Optional[float] = ..., score_factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ..., notes: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., assigned_to: _Optional[str] = ..., converted_contact_id: _Optional[str] = ..., converted_deal_id: _Optional[str] = ..., convert_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., converted: _Optional[bool] = ...) -> None: ...

class CreateLeadRequest(_message.Message):
    __slots__ = ("tenant_id", "lead", "request_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead: Lead
    request_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., lead: _Optional[_Union[Lead, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetLeadRequest(_message.Message):
    __slots__ = ("tenant_id", "lead_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., lead_id: _Optional[str] = ...) -> None: ...

class ListLeadsRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "status", "source", "assigned_to", "converted")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    status: LeadStatus
    source: LeadSource
    assigned_to: str
    converted: bool
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., status: _Optional[_Union[LeadStatus, str]] = ..., source: _Optional[_Union[LeadSource, str]] = ..., assigned_to: _Optional[str] = ..., converted: _Optional[bool] = ...) -> None: ...

class ListLeadsResponse(_message.Message):
    __slots__ = ("leads", "next_page_token", "total_size")
    LEADS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    leads: _containers.RepeatedCompositeFieldContainer[Lead]
    next_page_token: str
    total_size: int
    def __init__(self, leads: _Optional[_Iterable[_Union[Lead, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateLeadRequest(_message.Message):
    __slots__ = ("tenant_id", "lead", "update_mask")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead: Lead
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, tenant_id: _Optional[int] = ..., lead: _Optional[_Union[Lead, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class DeleteLeadRequest(_message.Message):
    __slots__ = ("tenant_id", "lead_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., lead_id: _Optional[str] = ...) -> None: ...

class ConvertLeadRequest(_message.Message):
    __slots__ = ("tenant_id", "lead_id", "create_deal", "deal_title", "deal_amount", "deal_owner", "expected_close_date")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_DEAL_FIELD_NUMBER: _ClassVar[int]
    DEAL_TITLE_FIELD_NUMBER: _ClassVar[int]
    DEAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DEAL_OWNER_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    lead_id: str
    create_deal: bool
    deal_title: str
    deal_amount: _money_pb2.Money
    deal_owner: str
    expected_close_date: _date_pb2.Date
    def __init__(self, tenant_id: _Optional[int] = ..., lead_id: _Optional[str] = ..., create_deal: _Optional[bool] = ..., deal_title: _Optional[str] = ..., deal_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., deal_owner: _Optional[str] = ..., expected_close_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ...) -> None: ...

class ConvertLeadResponse(_message.Message):
    __slots__ = ("lead", "contact", "deal", "contact_reused")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    DEAL_FIELD_NUMBER: _ClassVar[int]
    CONTACT_REUSED_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    contact: _contact_service_pb2.Contact
    deal: _deal_service_pb2.Deal
    contact_reused: bool
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ..., contact: _Optional[_Union[_contact_service_pb2.Contact, _Mapping]] = ..., deal: _Optional[_Union[_deal_service_pb2.Deal, _Mapping]] = ..., contact_reused: _Optional[bool] = ...) -> None: ...

class GetLeadAnalyticsRequest(_message.Message):
    __slots__ = ("tenant_id",)
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    def __init__(self, tenant_id: _Optional[int] = ...) -> None: ...

class GetLeadAnalyticsResponse(_message.Message):
    __slots__ = ("total_leads", "by_status", "by_source", "average_score", "high_priority_count", "score_buckets", "win_rate", "conversion_rate")
    class StatusCount(_message.Message):
        __slots__ = ("status", "count")
        STATUS_FIELD_NUMBER: _ClassVar[int]
        COUNT_FIELD_NUMBER: _ClassVar[int]
        status: LeadStatus
        count: int
        def __init__(self, status: _Optional[_Union[LeadStatus, str]] = ..., count: _Optional[int] = ...) -> None: ...
    class SourceCount(_message.Message):
        __slots__ = ("source", "count")
        SOURCE_FIELD_NUMBER: _ClassVar[int]
        COUNT_FIELD_NUMBER: _ClassVar[int]
        source: LeadSource
        count: int
        def __init__(self, source: _Optional[_Union[LeadSource, str]] = ..., count: _Optional[int] = ...) -> None: ...
    TOTAL_LEADS_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    BY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_SCORE_FIELD_NUMBER: _ClassVar[int]
    HIGH_PRIORITY_COUNT_FIELD_NUMBER: _ClassVar[int]
    SCORE_BUCKETS_FIELD_NUMBER: _ClassVar[int]
    WIN_RATE_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    total_leads: int
    by_status: _containers.RepeatedCompositeFieldContainer[GetLeadAnalyticsResponse.StatusCount]
    by_source: _containers.RepeatedCompositeFieldContainer[GetLeadAnalyticsResponse.SourceCount]
    average_score: float
    high_priority_count: int
    score_buckets: _containers.RepeatedCompositeFieldContainer[_common_pb2.Bucket]
    win_rate: float
    conversion_rate: float
    def __init__(self, total_leads: _Optional[int] = ..., by_status: _Optional[_Iterable[_Union[GetLeadAnalyticsResponse.StatusCount, _Mapping]]] = ..., by_source: _Optional[_Iterable[_Union[GetLeadAnalyticsResponse.SourceCount, _Mapping]]] = ..., average_score: _Optional[float] = ..., high_priority_count: _Optional[int] = ..., score_buckets: _Optional[_Iterable[_Union[_common_pb2.Bucket, _Mapping]]] = ..., win_rate: _Optional[float] = ..., conversion_rate: _Optional[float] = ...) -> None: ...
