import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import common_pb2 as _common_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
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

class ProductClassification(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRODUCT_CLASSIFICATION_UNSPECIFIED: _ClassVar[ProductClassification]
    PRODUCT_CLASSIFICATION_HERO: _ClassVar[ProductClassification]
    PRODUCT_CLASSIFICATION_GOOD: _ClassVar[ProductClassification]
    PRODUCT_CLASSIFICATION_MODERATE: _ClassVar[ProductClassification]
    PRODUCT_CLASSIFICATION_POOR: _ClassVar[ProductClassification]

class ProductStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRODUCT_STATUS_UNSPECIFIED: _ClassVar[ProductStatus]
    PRODUCT_STATUS_DRAFT: _ClassVar[ProductStatus]
    PRODUCT_STATUS_ACTIVE: _ClassVar[ProductStatus]
    PRODUCT_STATUS_INACTIVE: _ClassVar[ProductStatus]
    PRODUCT_STATUS_DISCONTINUED: _ClassVar[ProductStatus]

class FulfilmentMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FULFILMENT_MODE_UNSPECIFIED: _ClassVar[FulfilmentMode]
    FULFILMENT_MODE_STOCKED: _ClassVar[FulfilmentMode]
    FULFILMENT_MODE_DROPSHIP: _ClassVar[FulfilmentMode]
PRODUCT_CLASSIFICATION_UNSPECIFIED: ProductClassification
PRODUCT_CLASSIFICATION_HERO: ProductClassification
PRODUCT_CLASSIFICATION_GOOD: ProductClassification
PRODUCT_CLASSIFICATION_MODERATE: ProductClassification
PRODUCT_CLASSIFICATION_POOR: ProductClassification
PRODUCT_STATUS_UNSPECIFIED: ProductStatus
PRODUCT_STATUS_DRAFT: ProductStatus
PRODUCT_STATUS_ACTIVE: ProductStatus
PRODUCT_STATUS_INACTIVE: ProductStatus
PRODUCT_STATUS_DISCONTINUED: ProductStatus
FULFILMENT_MODE_UNSPECIFIED: FulfilmentMode
FULFILMENT_MODE_STOCKED: FulfilmentMode
FULFILMENT_MODE_DROPSHIP: FulfilmentMode

class ProductPricing(_message.Message):
    __slots__ = ("source_price", "recommended_price", "current_selling_price")
    SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_SELLING_PRICE_FIELD_NUMBER: _ClassVar[int]
    source_price: _money_pb2.Money
    recommended_price: _money_pb2.Money
    current_selling_price: _money_pb2.Money
    def __init__(self, source_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., recommended_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., current_selling_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class DropshipAnalysis(_message.Message):
    __slots__ = ("dropship_score", "classification", "profit_margin_estimate", "factors", "analyze_time", "source")
    DROPSHIP_SCORE_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    PROFIT_MARGIN_ESTIMATE_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    ANALYZE_TIME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    dropship_score: float
    classification: ProductClassification
    profit_margin_estimate: float
    factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    analyze_time: _timestamp_pb2.Timestamp
    source: _common_pb2.ResultSource
    def __init__(self, dropship_score: _Optional[float] = ..., classification: _Optional[_Union[ProductClassification, str]] = ..., profit_margin_estimate: _Optional[float] = ..., factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ..., analyze_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ...) -> None: ...

class PackageDimensions(_message.Message):
    __slots__ = ("length_mm", "width_mm", "height_mm")
    LENGTH_MM_FIELD_NUMBER: _ClassVar[int]
    WIDTH_MM_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_MM_FIELD_NUMBER: _ClassVar[int]
    length_mm: int
    width_mm: int
    height_mm: int
    def __init__(self, length_mm: _Optional[int] = ..., width_mm: _Optional[int] = ..., height_mm: _Optional[int] = ...) -> None: ...

class Product(_message.Message):
    __slots__ = ("id", "tenant_id", "asin", "sku", "title", "description", "category", "status", "pricing", "analysis", "supplier_id", "competitor_count", "review_rating", "review_count", "initial_stock", "stock_available", "stock_reserved", "weight_grams", "dimensions", "image_urls", "tags", "create_time", "update_time", "fulfilment_mode", "margin_at_risk", "chosen_offer_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ASIN_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRICING_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    COMPETITOR_COUNT_FIELD_NUMBER: _ClassVar[int]
    REVIEW_RATING_FIELD_NUMBER: _ClassVar[int]
    REVIEW_COUNT_FIELD_NUMBER: _ClassVar[int]
    INITIAL_STOCK_FIELD_NUMBER: _ClassVar[int]
    STOCK_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    STOCK_RESERVED_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_GRAMS_FIELD_NUMBER: _ClassVar[int]
    DIMENSIONS_FIELD_NUMBER: _ClassVar[int]
    IMAGE_URLS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    FULFILMENT_MODE_FIELD_NUMBER: _ClassVar[int]
    MARGIN_AT_RISK_FIELD_NUMBER: _ClassVar[int]
    CHOSEN_OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: int
    asin: str
    sku: str
    title: str
    description: str
    category: str
    status: ProductStatus
    pricing: ProductPricing
    analysis: DropshipAnalysis
    supplier_id: str
    competitor_count: int
    review_rating: float
    review_count: int
    initial_stock: int
    stock_available: int
    stock_reserved: int
    weight_grams: int
    dimensions: PackageDimensions
    image_urls: _containers.RepeatedScalarFieldContainer[str]
    tags: _containers.RepeatedScalarFieldContainer[str]
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    fulfilment_mode: FulfilmentMode
    margin_at_risk: bool
    chosen_offer_id: str
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[int] = ..., asin: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., status: _Optional[_Union[ProductStatus, str]] = ..., pricing: _Optional[_Union[ProductPricing, _Mapping]] = ..., analysis: _Optional[_Union[DropshipAnalysis, _Mapping]] = ..., supplier_id: _Optional[str] = ..., competitor_count: _Optional[int] = ..., review_rating: _Optional[float] = ..., review_count: _Optional[int] = ..., initial_stock: _Optional[int] = ..., stock_available: _Optional[int] = ..., stock_reserved: _Optional[int] = ..., weight_grams: _Optional[int] = ..., dimensions: _Optional[_Union[PackageDimensions, _Mapping]] = ..., image_urls: _Optional[_Iterable[str]] = ..., tags: _Optional[_Iterable[str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., fulfilment_mode: _Optional[_Union[FulfilmentMode, str]] = ..., margin_at_risk: _Optional[bool] = ..., chosen_offer_id: _Optional[str] = ...) -> None: ...

class CreateProductRequest(_message.Message):
    __slots__ = ("tenant_id", "product", "request_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product: Product
    request_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product: _Optional[_Union[Product, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetProductRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ...) -> None: ...

class ListProductsRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "category", "classification", "status", "supplier_id", "query", "min_price", "max_price", "show_discontinued", "margin_at_risk_only", "fulfilment_mode")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    MIN_PRICE_FIELD_NUMBER: _ClassVar[int]
    MAX_PRICE_FIELD_NUMBER: _ClassVar[int]
    SHOW_DISCONTINUED_FIELD_NUMBER: _ClassVar[int]
    MARGIN_AT_RISK_ONLY_FIELD_NUMBER: _ClassVar[int]
    FULFILMENT_MODE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    page_size: int
    page_token: str
    category: str
    classification: ProductClassification
    status: ProductStatus
    supplier_id: str
    query: str
    min_price: _money_pb2.Money
    max_price: _money_pb2.Money
    show_discontinued: bool
    margin_at_risk_only: bool
    fulfilment_mode: FulfilmentMode
    def __init__(self, tenant_id: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., category: _Optional[str] = ..., classification: _Optional[_Union[ProductClassification, str]] = ..., status: _Optional[_Union[ProductStatus, str]] = ..., supplier_id: _Optional[str] = ..., query: _Optional[str] = ..., min_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., max_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., show_discontinued: _Optional[bool] = ..., margin_at_risk_only: _Optional[bool] = ..., fulfilment_mode: _Optional[_Union[FulfilmentMode, str]] = ...) -> None: ...

class ListProductsResponse(_message.Message):
    __slots__ = ("products", "next_page_token", "total_size")
    PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    products: _containers.RepeatedCompositeFieldContainer[Product]
    next_page_token: str
    total_size: int
    def __init__(self, products: _Optional[_Iterable[_Union[Product, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateProductRequest(_message.Message):
    __slots__ = ("tenant_id", "product", "update_mask")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product: Product
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, tenant_id: _Optional[int] = ..., product: _Optional[_Union[Product, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class DeleteProductRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ...) -> None: ...

class ProductFilter(_message.Message):
    __slots__ = ("category", "classification", "status", "supplier_id", "query", "min_price", "max_price", "show_discontinued")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    MIN_PRICE_FIELD_NUMBER: _ClassVar[int]
    MAX_PRICE_FIELD_NUMBER: _ClassVar[int]
    SHOW_DISCONTINUED_FIELD_NUMBER: _ClassVar[int]
    category: str
    classification: ProductClassification
    status: ProductStatus
    supplier_id: str
    query: str
    min_price: _money_pb2.Money
    max_price: _money_pb2.Money
    show_discontinued: bool
    def __init__(self, category: _Optional[str] = ..., classification: _Optional[_Union[ProductClassification, str]] = ..., status: _Optional[_Union[ProductStatus, str]] = ..., supplier_id: _Optional[str] = ..., query: _Optional[str] = ..., min_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., max_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., show_discontinued: _Optional[bool] = ...) -> None: ...

class PriceChange(_message.Message):
    __slots__ = ("percent", "amount", "set_price")
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    SET_PRICE_FIELD_NUMBER: _ClassVar[int]
    percent: float
    amount: _money_pb2.Money
    set_price: _money_pb2.Money
    def __init__(self, percent: _Optional[float] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., set_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class ProductChanges(_message.Message):
    __slots__ = ("status", "category", "supplier_id", "price_change", "add_tags", "remove_tags")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_CHANGE_FIELD_NUMBER: _ClassVar[int]
    ADD_TAGS_FIELD_NUMBER: _ClassVar[int]
    REMOVE_TAGS_FIELD_NUMBER: _ClassVar[int]
    status: ProductStatus
    category: str
    supplier_id: str
    price_change: PriceChange
    add_tags: _containers.RepeatedScalarFieldContainer[str]
    remove_tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, status: _Optional[_Union[ProductStatus, str]] = ..., category: _Optional[str] = ..., supplier_id: _Optional[str] = ..., price_change: _Optional[_Union[PriceChange, _Mapping]] = ..., add_tags: _Optional[_Iterable[str]] = ..., remove_tags: _Optional[_Iterable[str]] = ...) -> None: ...

class BulkUpdateProductsRequest(_message.Message):
    __slots__ = ("tenant_id", "product_ids", "filter", "changes", "update_mask", "validate_only")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_ids: _containers.RepeatedScalarFieldContainer[str]
    filter: ProductFilter
    changes: ProductChanges
    update_mask: _field_mask_pb2.FieldMask
    validate_only: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_ids: _Optional[_Iterable[str]] = ..., filter: _Optional[_Union[ProductFilter, _Mapping]] = ..., changes: _Optional[_Union[ProductChanges, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class BulkUpdateResult(_message.Message):
    __slots__ = ("product_id", "updated", "error")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATED_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    updated: bool
    error: _status_pb2.Status
    def __init__(self, product_id: _Optional[str] = ..., updated: _Optional[bool] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ...) -> None: ...

class BulkUpdateProductsResponse(_message.Message):
    __slots__ = ("results", "matched_count", "updated_count", "failed_count", "validate_only")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    MATCHED_COUNT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[BulkUpdateResult]
    matched_count: int
    updated_count: int
    failed_count: int
    validate_only: bool
    def __init__(self, results: _Optional[_Iterable[_Union[BulkUpdateResult, _Mapping]]] = ..., matched_count: _Optional[int] = ..., updated_count: _Optional[int] = ..., failed_count: _Optional[int] = ..., validate_only: _Optional[bool] = ...) -> None: ...
