import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import common_pb2 as _common_pb2
from crm.v2 import order_service_pb2 as _order_service_pb2
from crm.v2 import product_service_pb2 as _product_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.rpc import status_pb2 as _status_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WorkflowType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WORKFLOW_TYPE_UNSPECIFIED: _ClassVar[WorkflowType]
    WORKFLOW_TYPE_PRODUCT_CLASSIFICATION: _ClassVar[WorkflowType]
    WORKFLOW_TYPE_MARKETING_STRATEGY: _ClassVar[WorkflowType]
    WORKFLOW_TYPE_BULK_PRICING: _ClassVar[WorkflowType]
    WORKFLOW_TYPE_FRAUD_REVIEW: _ClassVar[WorkflowType]
    WORKFLOW_TYPE_SOURCING_DISCOVERY: _ClassVar[WorkflowType]

class WorkflowState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WORKFLOW_STATE_UNSPECIFIED: _ClassVar[WorkflowState]
    WORKFLOW_STATE_PENDING: _ClassVar[WorkflowState]
    WORKFLOW_STATE_RUNNING: _ClassVar[WorkflowState]
    WORKFLOW_STATE_SUCCEEDED: _ClassVar[WorkflowState]
    WORKFLOW_STATE_FAILED: _ClassVar[WorkflowState]
    WORKFLOW_STATE_CANCELLED: _ClassVar[WorkflowState]
WORKFLOW_TYPE_UNSPECIFIED: WorkflowType
WORKFLOW_TYPE_PRODUCT_CLASSIFICATION: WorkflowType
WORKFLOW_TYPE_MARKETING_STRATEGY: WorkflowType
WORKFLOW_TYPE_BULK_PRICING: WorkflowType
WORKFLOW_TYPE_FRAUD_REVIEW: WorkflowType
WORKFLOW_TYPE_SOURCING_DISCOVERY: WorkflowType
WORKFLOW_STATE_UNSPECIFIED: WorkflowState
WORKFLOW_STATE_PENDING: WorkflowState
WORKFLOW_STATE_RUNNING: WorkflowState
WORKFLOW_STATE_SUCCEEDED: WorkflowState
WORKFLOW_STATE_FAILED: WorkflowState
WORKFLOW_STATE_CANCELLED: WorkflowState

class ProductClassificationResult(_message.Message):
    __slots__ = ("product_id", "analysis", "previous_classification", "product_updated", "agent_analysis", "classification_disagrees", "score_difference", "agent_rationale")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_UPDATED_FIELD_NUMBER: _ClassVar[int]
    AGENT_ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_DISAGREES_FIELD_NUMBER: _ClassVar[int]
    SCORE_DIFFERENCE_FIELD_NUMBER: _ClassVar[int]
    AGENT_RATIONALE_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    analysis: _product_service_pb2.DropshipAnalysis
    previous_classification: _product_service_pb2.ProductClassification
    product_updated: bool
    agent_analysis: _product_service_pb2.DropshipAnalysis
    classification_disagrees: bool
    score_difference: float
    agent_rationale: str
    def __init__(self, product_id: _Optional[str] = ..., analysis: _Optional[_Union[_product_service_pb2.DropshipAnalysis, _Mapping]] = ..., previous_classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ..., product_updated: _Optional[bool] = ..., agent_analysis: _Optional[_Union[_product_service_pb2.DropshipAnalysis, _Mapping]] = ..., classification_disagrees: _Optional[bool] = ..., score_difference: _Optional[float] = ..., agent_rationale: _Optional[str] = ...) -> None: ...

class SourcingDiscoveryResult(_message.Message):
    __slots__ = ("candidate_ids", "suggested_count", "duplicate_count", "discarded_count")
    CANDIDATE_IDS_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_COUNT_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_COUNT_FIELD_NUMBER: _ClassVar[int]
    DISCARDED_COUNT_FIELD_NUMBER: _ClassVar[int]
    candidate_ids: _containers.RepeatedScalarFieldContainer[str]
    suggested_count: int
    duplicate_count: int
    discarded_count: int
    def __init__(self, candidate_ids: _Optional[_Iterable[str]] = ..., suggested_count: _Optional[int] = ..., duplicate_count: _Optional[int] = ..., discarded_count: _Optional[int] = ...) -> None: ...

class MarketingStrategy(_message.Message):
    __slots__ = ("product_id", "classification", "positioning", "target_audiences", "channels", "messaging_angles", "price_strategy", "launch_phases", "kpis", "cac_ceiling", "unit_margin", "monthly_budget", "source", "generate_time")
    class TargetAudience(_message.Message):
        __slots__ = ("name", "description", "pain_points", "priority")
        NAME_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        PAIN_POINTS_FIELD_NUMBER: _ClassVar[int]
        PRIORITY_FIELD_NUMBER: _ClassVar[int]
        name: str
        description: str
        pain_points: _containers.RepeatedScalarFieldContainer[str]
        priority: int
        def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., pain_points: _Optional[_Iterable[str]] = ..., priority: _Optional[int] = ...) -> None: ...
    class ChannelAllocation(_message.Message):
        __slots__ = ("channel", "budget_share", "budget", "rationale")
        CHANNEL_FIELD_NUMBER: _ClassVar[int]
        BUDGET_SHARE_FIELD_NUMBER: _ClassVar[int]
        BUDGET_FIELD_NUMBER: _ClassVar[int]
        RATIONALE_FIELD_NUMBER: _ClassVar[int]
        channel: str
        budget_share: float
        budget: _money_pb2.Money
        rationale: str
        def __init__(self, channel: _Optional[str] = ..., budget_share: _Optional[float] = ..., budget: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., rationale: _Optional[str] = ...) -> None: ...
    class MessagingAngle(_message.Message):
        __slots__ = ("headline", "description", "audience")
        HEADLINE_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        AUDIENCE_FIELD_NUMBER: _ClassVar[int]
        headline: str
        description: str
        audience: str
        def __init__(self, headline: _Optional[str] = ..., description: _Optional[str] = ..., audience: _Optional[str] = ...) -> None: ...
    class PriceStrategy(_message.Message):
        __slots__ = ("name", "recommended_price", "floor_price", "rationale")
        NAME_FIELD_NUMBER: _ClassVar[int]
        RECOMMENDED_PRICE_FIELD_NUMBER: _ClassVar[int]
        FLOOR_PRICE_FIELD_NUMBER: _ClassVar[int]
        RATIONALE_FIELD_NUMBER: _ClassVar[int]
        name: str
        recommended_price: _money_pb2.Money
        floor_price: _money_pb2.Money
        rationale: str
        def __init__(self, name: _Optional[str] = ..., recommended_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., floor_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., rationale: _Optional[str] = ...) -> None: ...
    class LaunchPhase(_message.Message):
        __slots__ = ("name", "duration_days", "activities", "budget_share", "exit_criteria")
        NAME_FIELD_NUMBER: _ClassVar[int]
        DURATION_DAYS_FIELD_NUMBER: _ClassVar[int]
        ACTIVITIES_FIELD_NUMBER: _ClassVar[int]
        BUDGET_SHARE_FIELD_NUMBER: _ClassVar[int]
        EXIT_CRITERIA_FIELD_NUMBER: _ClassVar[int]
        name: str
        duration_days: int
        activities: _containers.RepeatedScalarFieldContainer[str]
        budget_share: float
        exit_criteria: str
        def __init__(self, name: _Optional[str] = ..., duration_days: _Optional[int] = ..., activities: _Optional[_Iterable[str]] = ..., budget_share: _Optional[float] = ..., exit_criteria: _Optional[str] = ...) -> None: ...
    class Kpi(_message.Message):
        __slots__ = ("name", "target", "unit", "explanation")
        NAME_FIELD_NUMBER: _ClassVar[int]
        TARGET_FIELD_NUMBER: _ClassVar[int]
        UNIT_FIELD_NUMBER: _ClassVar[int]
        EXPLANATION_FIELD_NUMBER: _ClassVar[int]
        name: str
        target: float
        unit: str
        explanation: str
        def __init__(self, name: _Optional[str] = ..., target: _Optional[float] = ..., unit: _Optional[str] = ..., explanation: _Optional[str] = ...) -> None: ...
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    POSITIONING_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCES_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    MESSAGING_ANGLES_FIELD_NUMBER: _ClassVar[int]
    PRICE_STRATEGY_FIELD_NUMBER: _ClassVar[int]
    LAUNCH_PHASES_FIELD_NUMBER: _ClassVar[int]
    KPIS_FIELD_NUMBER: _ClassVar[int]
    CAC_CEILING_FIELD_NUMBER: _ClassVar[int]
    UNIT_MARGIN_FIELD_NUMBER: _ClassVar[int]
    MONTHLY_BUDGET_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    GENERATE_TIME_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    classification: _product_service_pb2.ProductClassification
    positioning: str
    target_audiences: _containers.RepeatedCompositeFieldContainer[MarketingStrategy.TargetAudience]
    channels: _containers.RepeatedCompositeFieldContainer[MarketingStrategy.ChannelAllocation]
    messaging_angles: _containers.RepeatedCompositeFieldContainer[MarketingStrategy.MessagingAngle]
    price_strategy: MarketingStrategy.PriceStrategy
    launch_phases: _containers.RepeatedCompositeFieldContainer[MarketingStrategy.LaunchPhase]
    kpis: _containers.RepeatedCompositeFieldContainer[MarketingStrategy.Kpi]
    cac_ceiling: _money_pb2.Money
    unit_margin: _money_pb2.Money
    monthly_budget: _money_pb2.Money
    source: _common_pb2.ResultSource
    generate_time: _timestamp_pb2.Timestamp
    def __init__(self, product_id: _Optional[str] = ..., classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ..., positioning: _Optional[str] = ..., target_audiences: _Optional[_Iterable[_Union[MarketingStrategy.TargetAudience, _Mapping]]] = ..., channels: _Optional[_Iterable[_Union[MarketingStrategy.ChannelAllocation, _Mapping]]] = ..., messaging_angles: _Optional[_Iterable[_Union[MarketingStrategy.MessagingAngle, _Mapping]]] = ..., price_strategy: _Optional[_Union[MarketingStrategy.PriceStrategy, _Mapping]] = ..., launch_phases: _Optional[_Iterable[_Union[MarketingStrategy.LaunchPhase, _Mapping]]] = ..., kpis: _Optional[_Iterable[_Union[MarketingStrategy.Kpi, _Mapping]]] = ..., cac_ceiling: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., unit_margin: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., monthly_budget: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ..., generate_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class BulkPricingSummary(_message.Message):
    __slots__ = ("product_count", "changed_count", "skipped_count", "average_change_percent", "estimated_revenue_impact", "applied", "applied_count")
    PRODUCT_COUNT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_COUNT_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_COUNT_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_CHANGE_PERCENT_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_REVENUE_IMPACT_FIELD_NUMBER: _ClassVar[int]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    APPLIED_COUNT_FIELD_NUMBER: _ClassVar[int]
    product_count: int
    changed_count: int
    skipped_count: int
    average_change_percent: float
    estimated_revenue_impact: _money_pb2.Money
    applied: bool
    applied_count: int
    def __init__(self, product_count: _Optional[int] = ..., changed_count: _Optional[int] = ..., skipped_count: _Optional[int] = ..., average_change_percent: _Optional[float] = ..., estimated_revenue_impact: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., applied: _Optional[bool] = ..., applied_count: _Optional[int] = ...) -> None: ...

class Workflow(_message.Message):
    __slots__ = ("id", "tenant_id", "type", "state", "progress", "product_id", "classification", "marketing_strategy", "bulk_pricing", "fraud_review", "sourcing_discovery", "error", "attempts", "max_attempts", "source", "step", "create_time", "start_time", "end_time", "update_time", "order_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    MARKETING_STRATEGY_FIELD_NUMBER: _ClassVar[int]
    BULK_PRICING_FIELD_NUMBER: _ClassVar[int]
    FRAUD_REVIEW_FIELD_NUMBER: _ClassVar[int]
    SOURCING_DISCOVERY_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    MAX_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    type: WorkflowType
    state: WorkflowState
    progress: float
    product_id: str
    classification: ProductClassificationResult
    marketing_strategy: MarketingStrategy
    bulk_pricing: BulkPricingSummary
    fraud_review: _order_service_pb2.FraudReview
    sourcing_discovery: SourcingDiscoveryResult
    error: _status_pb2.Status
    attempts: int
    max_attempts: int
    source: _common_pb2.ResultSource
    step: str
    create_time: _timestamp_pb2.Timestamp
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    order_id: str
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., type: _Optional[_Union[WorkflowType, str]] = ..., state: _Optional[_Union[WorkflowState, str]] = ..., progress: _Optional[float] = ..., product_id: _Optional[str] = ..., classification: _Optional[_Union[ProductClassificationResult, _Mapping]] = ..., marketing_strategy: _Optional[_Union[MarketingStrategy, _Mapping]] = ..., bulk_pricing: _Optional[_Union[BulkPricingSummary, _Mapping]] = ..., fraud_review: _Optional[_Union[_order_service_pb2.FraudReview, _Mapping]] = ..., sourcing_discovery: _Optional[_Union[SourcingDiscoveryResult, _Mapping]] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ..., attempts: _Optional[int] = ..., max_attempts: _Optional[int] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ..., step: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., order_id: _Optional[str] = ...) -> None: ...

class StartProductClassificationRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ...) -> None: ...

class GetWorkflowRequest(_message.Message):
    __slots__ = ("tenant_id", "workflow_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    workflow_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., workflow_id: _Optional[str] = ...) -> None: ...

class ListWorkflowsRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "type", "states", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATES_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    type: WorkflowType
    states: _containers.RepeatedScalarFieldContainer[WorkflowState]
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., type: _Optional[_Union[WorkflowType, str]] = ..., states: _Optional[_Iterable[_Union[WorkflowState, str]]] = ..., product_id: _Optional[str] = ...) -> None: ...

class ListWorkflowsResponse(_message.Message):
    __slots__ = ("workflows", "next_page_token", "total_size")
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    workflows: _containers.RepeatedCompositeFieldContainer[Workflow]
    next_page_token: str
    total_size: int
    def __init__(self, workflows: _Optional[_Iterable[_Union[Workflow, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class CancelWorkflowRequest(_message.Message):
    __slots__ = ("tenant_id", "workflow_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    workflow_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., workflow_id: _Optional[str] = ...) -> None: ...
