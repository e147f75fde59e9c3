import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.type import interval_pb2 as _interval_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DealStage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEAL_STAGE_UNSPECIFIED: _ClassVar[DealStage]
    DEAL_STAGE_PROSPECTING: _ClassVar[DealStage]
    DEAL_STAGE_QUALIFICATION: _ClassVar[DealStage]
    DEAL_STAGE_PROPOSAL: _ClassVar[DealStage]
    DEAL_STAGE_NEGOTIATION: _ClassVar[DealStage]
    DEAL_STAGE_CLOSED_WON: _ClassVar[DealStage]
    DEAL_STAGE_CLOSED_LOST: _ClassVar[DealStage]
DEAL_STAGE_UNSPECIFIED: DealStage
DEAL_STAGE_PROSPECTING: DealStage
DEAL_STAGE_QUALIFICATION: DealStage
DEAL_STAGE_PROPOSAL: DealStage
DEAL_STAGE_NEGOTIATION: DealStage
DEAL_STAGE_CLOSED_WON: DealStage
DEAL_STAGE_CLOSED_LOST: DealStage

class StageChange(_message.Message):
    __slots__ = ("from_stage", "to_stage", "changed_by", "change_time")
    FROM_STAGE_FIELD_NUMBER: _ClassVar[int]
    TO_STAGE_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    from_stage: DealStage
    to_stage: DealStage
    changed_by: str
    change_time: _timestamp_pb2.Timestamp
    def __init__(self, from_stage: _Optional[_Union[DealStage, str]] = ..., to_stage: _Optional[_Union[DealStage, str]] = ..., changed_by: _Optional[str] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Deal(_message.Message):
    __slots__ = ("id", "tenant_id", "title", "amount", "stage", "probability", "weighted_amount", "expected_close_date", "contact_id", "owner", "lead_id", "notes", "stage_history", "close_time", "close_reason", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    WEIGHTED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    STAGE_HISTORY_FIELD_NUMBER: _ClassVar[int]
    CLOSE_TIME_FIELD_NUMBER: _ClassVar[int]
    CLOSE_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    title: str
    amount: _money_pb2.Money
    stage: DealStage
    probability: float
    weighted_amount: _money_pb2.Money
    expected_close_date: _date_pb2.Date
    contact_id: str
    owner: str
    lead_id: str
    notes: str
    stage_history: _containers.RepeatedCompositeFieldContainer[StageChange]
    close_time: _timestamp_pb2.Timestamp
    close_reason: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., title: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., stage: _Optional[_Union[DealStage, str]] = ..., probability: _Optional[float] = ..., weighted_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., expected_close_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., contact_id: _Optional[str] = ..., owner: _Optional[str] = ..., lead_id: _Optional[str] = ..., notes: _Optional[str] = ..., stage_history: _Optional[_Iterable[_Union[StageChange, _Mapping]]] = ..., close_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., close_reason: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateDealRequest(_message.Message):
    __slots__ = ("tenant_id", "deal", "actor")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal: Deal
    actor: str
    def __init__(self, tenant_id: _Optional[int] = ..., deal: _Optional[_Union[Deal, _Mapping]] = ..., actor: _Optional[str] = ...) -> None: ...

class GetDealRequest(_message.Message):
    __slots__ = ("tenant_id", "deal_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., deal_id: _Optional[str] = ...) -> None: ...

class ListDealsRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "stages", "owner", "contact_id", "expected_close_start_date", "expected_close_end_date", "open_only")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STAGES_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLOSE_START_DATE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLOSE_END_DATE_FIELD_NUMBER: _ClassVar[int]
    OPEN_ONLY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    stages: _containers.RepeatedScalarFieldContainer[DealStage]
    owner: str
    contact_id: str
    expected_close_start_date: _date_pb2.Date
    expected_close_end_date: _date_pb2.Date
    open_only: bool
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., stages: _Optional[_Iterable[_Union[DealStage, str]]] = ..., owner: _Optional[str] = ..., contact_id: _Optional[str] = ..., expected_close_start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., expected_close_end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., open_only: _Optional[bool] = ...) -> None: ...

class ListDealsResponse(_message.Message):
    __slots__ = ("deals", "next_page_token", "total_size")
    DEALS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    deals: _containers.RepeatedCompositeFieldContainer[Deal]
    next_page_token: str
    total_size: int
    def __init__(self, deals: _Optional[_Iterable[_Union[Deal, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateDealRequest(_message.Message):
    __slots__ = ("tenant_id", "deal", "update_mask", "allow_reopen", "actor")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ALLOW_REOPEN_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal: Deal
    update_mask: _field_mask_pb2.FieldMask
    allow_reopen: bool
    actor: str
    def __init__(self, tenant_id: _Optional[int] = ..., deal: _Optional[_Union[Deal, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., allow_reopen: _Optional[bool] = ..., actor: _Optional[str] = ...) -> None: ...

class DeleteDealRequest(_message.Message):
    __slots__ = ("tenant_id", "deal_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    DEAL_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    deal_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., deal_id: _Optional[str] = ...) -> None: ...

class GetPipelineSummaryRequest(_message.Message):
    __slots__ = ("tenant_id", "period", "owner", "currency_code")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    period: _interval_pb2.Interval
    owner: str
    currency_code: str
    def __init__(self, tenant_id: _Optional[int] = ..., period: _Optional[_Union[_interval_pb2.Interval, _Mapping]] = ..., owner: _Optional[str] = ..., currency_code: _Optional[str] = ...) -> None: ...

class GetPipelineSummaryResponse(_message.Message):
    __slots__ = ("stages", "open_deal_count", "open_amount", "weighted_open_amount", "won_count", "won_amount", "lost_count", "lost_amount", "win_rate", "period", "currency_code", "excluded_deal_count")
    class StageSummary(_message.Message):
        __slots__ = ("stage", "deal_count", "amount", "weighted_amount", "average_probability")
        STAGE_FIELD_NUMBER: _ClassVar[int]
        DEAL_COUNT_FIELD_NUMBER: _ClassVar[int]
        AMOUNT_FIELD_NUMBER: _ClassVar[int]
        WEIGHTED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
        AVERAGE_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
        stage: DealStage
        deal_count: int
        amount: _money_pb2.Money
        weighted_amount: _money_pb2.Money
        average_probability: float
        def __init__(self, stage: _Optional[_Union[DealStage, str]] = ..., deal_count: _Optional[int] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., weighted_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., average_probability: _Optional[float] = ...) -> None: ...
    STAGES_FIELD_NUMBER: _ClassVar[int]
    OPEN_DEAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    OPEN_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    WEIGHTED_OPEN_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    WON_COUNT_FIELD_NUMBER: _ClassVar[int]
    WON_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    LOST_COUNT_FIELD_NUMBER: _ClassVar[int]
    LOST_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    WIN_RATE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_DEAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    stages: _containers.RepeatedCompositeFieldContainer[GetPipelineSummaryResponse.StageSummary]
    open_deal_count: int
    open_amount: _money_pb2.Money
    weighted_open_amount: _money_pb2.Money
    won_count: int
    won_amount: _money_pb2.Money
    lost_count: int
    lost_amount: _money_pb2.Money
    win_rate: float
    period: _interval_pb2.Interval
    currency_code: str
    excluded_deal_count: int
    def __init__(self, stages: _Optional[_Iterable[_Union[GetPipelineSummaryResponse.StageSummary, _Mapping]]] = ..., open_deal_count: _Optional[int] = ..., open_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., weighted_open_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., won_count: _Optional[int] = ..., won_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., lost_count: _Optional[int] = ..., lost_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., win_rate: _Optional[float] = ..., period: _Optional[_Union[_interval_pb2.Interval, _Mapping]] = ..., currency_code: _Optional[str] = ..., excluded_deal_count: _Optional[int] = ...) -> None: ...
