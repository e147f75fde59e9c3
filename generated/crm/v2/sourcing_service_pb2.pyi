import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import product_service_pb2 as _product_service_pb2
from crm.v2 import supplier_service_pb2 as _supplier_service_pb2
from crm.v2 import workflow_service_pb2 as _workflow_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CandidateStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CANDIDATE_STATUS_UNSPECIFIED: _ClassVar[CandidateStatus]
    CANDIDATE_STATUS_PENDING: _ClassVar[CandidateStatus]
    CANDIDATE_STATUS_IMPORTED: _ClassVar[CandidateStatus]
    CANDIDATE_STATUS_REJECTED: _ClassVar[CandidateStatus]

class CandidateOrigin(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CANDIDATE_ORIGIN_UNSPECIFIED: _ClassVar[CandidateOrigin]
    CANDIDATE_ORIGIN_MANUAL: _ClassVar[CandidateOrigin]
    CANDIDATE_ORIGIN_CREW: _ClassVar[CandidateOrigin]

class CandidateOrderBy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CANDIDATE_ORDER_BY_UNSPECIFIED: _ClassVar[CandidateOrderBy]
    CANDIDATE_ORDER_BY_NEWEST: _ClassVar[CandidateOrderBy]
    CANDIDATE_ORDER_BY_SCORE: _ClassVar[CandidateOrderBy]
    CANDIDATE_ORDER_BY_MARGIN: _ClassVar[CandidateOrderBy]
CANDIDATE_STATUS_UNSPECIFIED: CandidateStatus
CANDIDATE_STATUS_PENDING: CandidateStatus
CANDIDATE_STATUS_IMPORTED: CandidateStatus
CANDIDATE_STATUS_REJECTED: CandidateStatus
CANDIDATE_ORIGIN_UNSPECIFIED: CandidateOrigin
CANDIDATE_ORIGIN_MANUAL: CandidateOrigin
CANDIDATE_ORIGIN_CREW: CandidateOrigin
CANDIDATE_ORDER_BY_UNSPECIFIED: CandidateOrderBy
CANDIDATE_ORDER_BY_NEWEST: CandidateOrderBy
CANDIDATE_ORDER_BY_SCORE: CandidateOrderBy
CANDIDATE_ORDER_BY_MARGIN: CandidateOrderBy

class Candidate(_message.Message):
    __slots__ = ("id", "tenant_id", "marketplace", "marketplace_id", "url", "title", "description", "category", "source_price", "supplier_id", "supplier_rating", "supplier_lead_time_days", "review_rating", "review_count", "competitor_count", "competitor_prices", "image_urls", "analysis", "recommended_price", "expected_selling_price", "status", "origin", "workflow_id", "product_id", "reject_reason", "decided_by", "decide_time", "request_id", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_RATING_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    REVIEW_RATING_FIELD_NUMBER: _ClassVar[int]
    REVIEW_COUNT_FIELD_NUMBER: _ClassVar[int]
    COMPETITOR_COUNT_FIELD_NUMBER: _ClassVar[int]
    COMPETITOR_PRICES_FIELD_NUMBER: _ClassVar[int]
    IMAGE_URLS_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_PRICE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_SELLING_PRICE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    REJECT_REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDE_TIME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    marketplace: _supplier_service_pb2.Marketplace
    marketplace_id: str
    url: str
    title: str
    description: str
    category: str
    source_price: _money_pb2.Money
    supplier_id: str
    supplier_rating: float
    supplier_lead_time_days: int
    review_rating: float
    review_count: int
    competitor_count: int
    competitor_prices: _containers.RepeatedCompositeFieldContainer[_money_pb2.Money]
    image_urls: _containers.RepeatedScalarFieldContainer[str]
    analysis: _product_service_pb2.DropshipAnalysis
    recommended_price: _money_pb2.Money
    expected_selling_price: _money_pb2.Money
    status: CandidateStatus
    origin: CandidateOrigin
    workflow_id: str
    product_id: str
    reject_reason: str
    decided_by: str
    decide_time: _timestamp_pb2.Timestamp
    request_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., marketplace: _Optional[_Union[_supplier_service_pb2.Marketplace, str]] = ..., marketplace_id: _Optional[str] = ..., url: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., source_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., supplier_id: _Optional[str] = ..., supplier_rating: _Optional[float] = ..., supplier_lead_time_days: _Optional[int] = ..., review_rating: _Optional[float] = ..., review_count: _Optional[int] = ..., competitor_count: _Optional[int] = ..., competitor_prices: _Optional[_Iterable[_Union[_money_pb2.Money, _Mapping]]] = ..., image_urls: _Optional[_Iterable[str]] = ..., analysis: _Optional[_Union[_product_service_pb2.DropshipAnalysis, _Mapping]] = ..., recommended_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., expected_selling_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., status: _Optional[_Union[CandidateStatus, str]] = ..., origin: _Optional[_Union[CandidateOrigin, str]] = ..., workflow_id: _Optional[str] = ..., product_id: _Optional[str] = ..., reject_reason: _Optional[str] = ..., decided_by: _Optional[str] = ..., decide_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., request_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateCandidateRequest(_message.Message):
    __slots__ = ("tenant_id", "candidate", "request_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidate: Candidate
    request_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., candidate: _Optional[_Union[Candidate, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class BatchCreateCandidatesRequest(_message.Message):
    __slots__ = ("tenant_id", "candidates")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidates: _containers.RepeatedCompositeFieldContainer[Candidate]
    def __init__(self, tenant_id: _Optional[int] = ..., candidates: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ...) -> None: ...

class SkippedCandidate(_message.Message):
    __slots__ = ("index", "existing_candidate_id", "reason")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    EXISTING_CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    index: int
    existing_candidate_id: str
    reason: str
    def __init__(self, index: _Optional[int] = ..., existing_candidate_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class BatchCreateCandidatesResponse(_message.Message):
    __slots__ = ("candidates", "skipped")
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    candidates: _containers.RepeatedCompositeFieldContainer[Candidate]
    skipped: _containers.RepeatedCompositeFieldContainer[SkippedCandidate]
    def __init__(self, candidates: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ..., skipped: _Optional[_Iterable[_Union[SkippedCandidate, _Mapping]]] = ...) -> None: ...

class GetCandidateRequest(_message.Message):
    __slots__ = ("tenant_id", "candidate_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidate_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., candidate_id: _Optional[str] = ...) -> None: ...

class ListCandidatesRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "status", "category", "classification", "min_score", "origin", "order_by")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    MIN_SCORE_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    status: CandidateStatus
    category: str
    classification: _product_service_pb2.ProductClassification
    min_score: float
    origin: CandidateOrigin
    order_by: CandidateOrderBy
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., status: _Optional[_Union[CandidateStatus, str]] = ..., category: _Optional[str] = ..., classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ..., min_score: _Optional[float] = ..., origin: _Optional[_Union[CandidateOrigin, str]] = ..., order_by: _Optional[_Union[CandidateOrderBy, str]] = ...) -> None: ...

class ListCandidatesResponse(_message.Message):
    __slots__ = ("candidates", "next_page_token", "total_size")
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    candidates: _containers.RepeatedCompositeFieldContainer[Candidate]
    next_page_token: str
    total_size: int
    def __init__(self, candidates: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class ApproveCandidateRequest(_message.Message):
    __slots__ = ("tenant_id", "candidate_id", "sku", "selling_price", "product_status", "initial_stock")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    SELLING_PRICE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_STATUS_FIELD_NUMBER: _ClassVar[int]
    INITIAL_STOCK_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidate_id: str
    sku: str
    selling_price: _money_pb2.Money
    product_status: _product_service_pb2.ProductStatus
    initial_stock: int
    def __init__(self, tenant_id: _Optional[int] = ..., candidate_id: _Optional[str] = ..., sku: _Optional[str] = ..., selling_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., product_status: _Optional[_Union[_product_service_pb2.ProductStatus, str]] = ..., initial_stock: _Optional[int] = ...) -> None: ...

class ApproveCandidateResponse(_message.Message):
    __slots__ = ("candidate", "product")
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    candidate: Candidate
    product: _product_service_pb2.Product
    def __init__(self, candidate: _Optional[_Union[Candidate, _Mapping]] = ..., product: _Optional[_Union[_product_service_pb2.Product, _Mapping]] = ...) -> None: ...

class RejectCandidateRequest(_message.Message):
    __slots__ = ("tenant_id", "candidate_id", "reason")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    candidate_id: str
    reason: str
    def __init__(self, tenant_id: _Optional[int] = ..., candidate_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class StartSourcingDiscoveryRequest(_message.Message):
    __slots__ = ("tenant_id", "category", "query", "max_results", "currency_code")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    category: str
    query: str
    max_results: int
    currency_code: str
    def __init__(self, tenant_id: _Optional[int] = ..., category: _Optional[str] = ..., query: _Optional[str] = ..., max_results: _Optional[int] = ..., currency_code: _Optional[str] = ...) -> None: ...
