from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from crm.v2 import common_pb2 as _common_pb2
from crm.v2 import product_service_pb2 as _product_service_pb2
from crm.v2 import workflow_service_pb2 as _workflow_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CrossSellType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CROSS_SELL_TYPE_UNSPECIFIED: _ClassVar[CrossSellType]
    CROSS_SELL_TYPE_UPSELL: _ClassVar[CrossSellType]
    CROSS_SELL_TYPE_CROSS_SELL: _ClassVar[CrossSellType]
    CROSS_SELL_TYPE_COMPLEMENT: _ClassVar[CrossSellType]

class DemandLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEMAND_LEVEL_UNSPECIFIED: _ClassVar[DemandLevel]
    DEMAND_LEVEL_LOW: _ClassVar[DemandLevel]
    DEMAND_LEVEL_MEDIUM: _ClassVar[DemandLevel]
    DEMAND_LEVEL_HIGH: _ClassVar[DemandLevel]

class PricingConstraint(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRICING_CONSTRAINT_UNSPECIFIED: _ClassVar[PricingConstraint]
    PRICING_CONSTRAINT_MIN_MARGIN: _ClassVar[PricingConstraint]
    PRICING_CONSTRAINT_MAX_CHANGE: _ClassVar[PricingConstraint]
    PRICING_CONSTRAINT_COMPETITOR_CLAMP: _ClassVar[PricingConstraint]
    PRICING_CONSTRAINT_CHARM_ENDING: _ClassVar[PricingConstraint]
CROSS_SELL_TYPE_UNSPECIFIED: CrossSellType
CROSS_SELL_TYPE_UPSELL: CrossSellType
CROSS_SELL_TYPE_CROSS_SELL: CrossSellType
CROSS_SELL_TYPE_COMPLEMENT: CrossSellType
DEMAND_LEVEL_UNSPECIFIED: DemandLevel
DEMAND_LEVEL_LOW: DemandLevel
DEMAND_LEVEL_MEDIUM: DemandLevel
DEMAND_LEVEL_HIGH: DemandLevel
PRICING_CONSTRAINT_UNSPECIFIED: PricingConstraint
PRICING_CONSTRAINT_MIN_MARGIN: PricingConstraint
PRICING_CONSTRAINT_MAX_CHANGE: PricingConstraint
PRICING_CONSTRAINT_COMPETITOR_CLAMP: PricingConstraint
PRICING_CONSTRAINT_CHARM_ENDING: PricingConstraint

class RecommendCrossSellRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "type", "limit")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    type: CrossSellType
    limit: int
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., type: _Optional[_Union[CrossSellType, str]] = ..., limit: _Optional[int] = ...) -> None: ...

class CrossSellRecommendation(_message.Message):
    __slots__ = ("product_id", "sku", "title", "category", "price", "price_ratio", "classification", "confidence", "co_purchase_strength", "co_purchase_count", "factors", "reasons")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    PRICE_RATIO_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    CO_PURCHASE_STRENGTH_FIELD_NUMBER: _ClassVar[int]
    CO_PURCHASE_COUNT_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    category: str
    price: _money_pb2.Money
    price_ratio: float
    classification: _product_service_pb2.ProductClassification
    confidence: float
    co_purchase_strength: float
    co_purchase_count: int
    factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    reasons: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., price_ratio: _Optional[float] = ..., classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ..., confidence: _Optional[float] = ..., co_purchase_strength: _Optional[float] = ..., co_purchase_count: _Optional[int] = ..., factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ..., reasons: _Optional[_Iterable[str]] = ...) -> None: ...

class RecommendCrossSellResponse(_message.Message):
    __slots__ = ("product_id", "type", "recommendations", "candidate_count", "source")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATIONS_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_COUNT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    type: CrossSellType
    recommendations: _containers.RepeatedCompositeFieldContainer[CrossSellRecommendation]
    candidate_count: int
    source: _common_pb2.ResultSource
    def __init__(self, product_id: _Optional[str] = ..., type: _Optional[_Union[CrossSellType, str]] = ..., recommendations: _Optional[_Iterable[_Union[CrossSellRecommendation, _Mapping]]] = ..., candidate_count: _Optional[int] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ...) -> None: ...

class MarketConditions(_message.Message):
    __slots__ = ("demand_level", "competitor_prices", "seasonality_factor")
    DEMAND_LEVEL_FIELD_NUMBER: _ClassVar[int]
    COMPETITOR_PRICES_FIELD_NUMBER: _ClassVar[int]
    SEASONALITY_FACTOR_FIELD_NUMBER: _ClassVar[int]
    demand_level: DemandLevel
    competitor_prices: _containers.RepeatedCompositeFieldContainer[_money_pb2.Money]
    seasonality_factor: float
    def __init__(self, demand_level: _Optional[_Union[DemandLevel, str]] = ..., competitor_prices: _Optional[_Iterable[_Union[_money_pb2.Money, _Mapping]]] = ..., seasonality_factor: _Optional[float] = ...) -> None: ...

class OptimizePricingRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "market_conditions", "charm_pricing")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    MARKET_CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    CHARM_PRICING_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    market_conditions: MarketConditions
    charm_pricing: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., market_conditions: _Optional[_Union[MarketConditions, _Mapping]] = ..., charm_pricing: _Optional[bool] = ...) -> None: ...

class PricingFactor(_message.Message):
    __slots__ = ("name", "multiplier", "price_after", "explanation")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MULTIPLIER_FIELD_NUMBER: _ClassVar[int]
    PRICE_AFTER_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    multiplier: float
    price_after: _money_pb2.Money
    explanation: str
    def __init__(self, name: _Optional[str] = ..., multiplier: _Optional[float] = ..., price_after: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., explanation: _Optional[str] = ...) -> None: ...

class PriceRecommendation(_message.Message):
    __slots__ = ("product_id", "sku", "title", "source_price", "current_price", "recommended_price", "expected_margin", "change_percent", "demand_level", "demand_derived", "factors", "constraints", "confidence", "source")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PRICE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_PRICE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_MARGIN_FIELD_NUMBER: _ClassVar[int]
    CHANGE_PERCENT_FIELD_NUMBER: _ClassVar[int]
    DEMAND_LEVEL_FIELD_NUMBER: _ClassVar[int]
    DEMAND_DERIVED_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    CONSTRAINTS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    source_price: _money_pb2.Money
    current_price: _money_pb2.Money
    recommended_price: _money_pb2.Money
    expected_margin: float
    change_percent: float
    demand_level: DemandLevel
    demand_derived: bool
    factors: _containers.RepeatedCompositeFieldContainer[PricingFactor]
    constraints: _containers.RepeatedScalarFieldContainer[PricingConstraint]
    confidence: float
    source: _common_pb2.ResultSource
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., source_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., current_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., recommended_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., expected_margin: _Optional[float] = ..., change_percent: _Optional[float] = ..., demand_level: _Optional[_Union[DemandLevel, str]] = ..., demand_derived: _Optional[bool] = ..., factors: _Optional[_Iterable[_Union[PricingFactor, _Mapping]]] = ..., constraints: _Optional[_Iterable[_Union[PricingConstraint, str]]] = ..., confidence: _Optional[float] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ...) -> None: ...

class OptimizePricingResponse(_message.Message):
    __slots__ = ("recommendation",)
    RECOMMENDATION_FIELD_NUMBER: _ClassVar[int]
    recommendation: PriceRecommendation
    def __init__(self, recommendation: _Optional[_Union[PriceRecommendation, _Mapping]] = ...) -> None: ...

class BulkOptimizePricingRequest(_message.Message):
    __slots__ = ("tenant_id", "product_ids", "category", "classification", "all_products", "market_conditions", "charm_pricing", "apply", "result_limit")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    ALL_PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    MARKET_CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    CHARM_PRICING_FIELD_NUMBER: _ClassVar[int]
    APPLY_FIELD_NUMBER: _ClassVar[int]
    RESULT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_ids: _containers.RepeatedScalarFieldContainer[str]
    category: str
    classification: _product_service_pb2.ProductClassification
    all_products: bool
    market_conditions: MarketConditions
    charm_pricing: bool
    apply: bool
    result_limit: int
    def __init__(self, tenant_id: _Optional[int] = ..., product_ids: _Optional[_Iterable[str]] = ..., category: _Optional[str] = ..., classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ..., all_products: _Optional[bool] = ..., market_conditions: _Optional[_Union[MarketConditions, _Mapping]] = ..., charm_pricing: _Optional[bool] = ..., apply: _Optional[bool] = ..., result_limit: _Optional[int] = ...) -> None: ...

class BulkOptimizePricingResponse(_message.Message):
    __slots__ = ("summary", "results", "results_truncated", "workflow_id", "workflow")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    RESULTS_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    summary: _workflow_service_pb2.BulkPricingSummary
    results: _containers.RepeatedCompositeFieldContainer[PriceRecommendation]
    results_truncated: bool
    workflow_id: str
    workflow: _workflow_service_pb2.Workflow
    def __init__(self, summary: _Optional[_Union[_workflow_service_pb2.BulkPricingSummary, _Mapping]] = ..., results: _Optional[_Iterable[_Union[PriceRecommendation, _Mapping]]] = ..., results_truncated: _Optional[bool] = ..., workflow_id: _Optional[str] = ..., workflow: _Optional[_Union[_workflow_service_pb2.Workflow, _Mapping]] = ...) -> None: ...

class RecommendProductsRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "limit", "skip_sourcing")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    SKIP_SOURCING_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    limit: int
    skip_sourcing: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., limit: _Optional[int] = ..., skip_sourcing: _Optional[bool] = ...) -> None: ...

class RelatedProduct(_message.Message):
    __slots__ = ("product_id", "sku", "title", "category", "price", "dropship_score", "classification", "relevance_score", "factors")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    DROPSHIP_SCORE_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    RELEVANCE_SCORE_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    title: str
    category: str
    price: _money_pb2.Money
    dropship_score: float
    classification: _product_service_pb2.ProductClassification
    relevance_score: float
    factors: _containers.RepeatedCompositeFieldContainer[_common_pb2.ScoreFactor]
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., dropship_score: _Optional[float] = ..., classification: _Optional[_Union[_product_service_pb2.ProductClassification, str]] = ..., relevance_score: _Optional[float] = ..., factors: _Optional[_Iterable[_Union[_common_pb2.ScoreFactor, _Mapping]]] = ...) -> None: ...

class SourcingSuggestion(_message.Message):
    __slots__ = ("title", "marketplace", "url", "estimated_source_price", "suggested_price", "rationale", "confidence")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    MARKETPLACE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_SOURCE_PRICE_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_PRICE_FIELD_NUMBER: _ClassVar[int]
    RATIONALE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    title: str
    marketplace: str
    url: str
    estimated_source_price: _money_pb2.Money
    suggested_price: _money_pb2.Money
    rationale: str
    confidence: float
    def __init__(self, title: _Optional[str] = ..., marketplace: _Optional[str] = ..., url: _Optional[str] = ..., estimated_source_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., suggested_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., rationale: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

class RecommendProductsResponse(_message.Message):
    __slots__ = ("product_id", "related_products", "sourcing_suggestions", "source", "sourcing_note")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    RELATED_PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    SOURCING_SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCING_NOTE_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    related_products: _containers.RepeatedCompositeFieldContainer[RelatedProduct]
    sourcing_suggestions: _containers.RepeatedCompositeFieldContainer[SourcingSuggestion]
    source: _common_pb2.ResultSource
    sourcing_note: str
    def __init__(self, product_id: _Optional[str] = ..., related_products: _Optional[_Iterable[_Union[RelatedProduct, _Mapping]]] = ..., sourcing_suggestions: _Optional[_Iterable[_Union[SourcingSuggestion, _Mapping]]] = ..., source: _Optional[_Union[_common_pb2.ResultSource, str]] = ..., sourcing_note: _Optional[str] = ...) -> None: ...

class GenerateMarketingStrategyRequest(_message.Message):
    __slots__ = ("tenant_id", "product_id", "monthly_budget", "skip_agent")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    MONTHLY_BUDGET_FIELD_NUMBER: _ClassVar[int]
    SKIP_AGENT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    product_id: str
    monthly_budget: _money_pb2.Money
    skip_agent: bool
    def __init__(self, tenant_id: _Optional[int] = ..., product_id: _Optional[str] = ..., monthly_budget: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., skip_agent: _Optional[bool] = ...) -> None: ...

class GenerateMarketingStrategyResponse(_message.Message):
    __slots__ = ("strategy",)
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    strategy: _workflow_service_pb2.MarketingStrategy
    def __init__(self, strategy: _Optional[_Union[_workflow_service_pb2.MarketingStrategy, _Mapping]] = ...) -> None: ...
