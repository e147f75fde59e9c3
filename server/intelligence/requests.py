"""IntelligenceService and WorkflowService requests -> validated commands. Every violation at once."""

from __future__ import annotations

import uuid

from crm.v2 import intelligence_service_pb2 as pb
from crm.v2 import workflow_service_pb2 as wpb
from domain.intelligence import (
    DEFAULT_RESULT_LIMIT,
    MAX_BULK_IDS,
    MAX_RESULT_LIMIT,
    BulkPricingRequest,
    MarketConditions,
    PricingSelection,
)
from domain.money import Money
from domain.workflows import WorkflowFilter
from engines.cross_sell import CrossSellType
from engines.pricing import DemandLevel
from server.catalog.proto import CLASSIFICATION
from server.edge.convert import EnumMapping
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations
from server.workflows.proto import STATE, TYPE

CROSS_SELL_TYPE = EnumMapping(pb.CrossSellType, CrossSellType, "CROSS_SELL_TYPE")

DEMAND = EnumMapping(pb.DemandLevel, DemandLevel, "DEMAND_LEVEL")

MAX_CROSS_SELL = 20

DEFAULT_CROSS_SELL = 5

MAX_RELATED = 50

DEFAULT_RELATED = 10

MAX_COMPETITOR_PRICES = 50

SEASONALITY_RANGE = (0.5, 2.0)


def _limit(v: Violations, value: int, *, default: int, maximum: int, field: str = "limit") -> int:
    if not 0 <= value <= maximum:
        v.add(field, f"must be between 0 and {maximum} (0 means {default}), got {value}")
        return default
    return value or default


def cross_sell_command(request: pb.RecommendCrossSellRequest) -> tuple[uuid.UUID, CrossSellType, int]:
    v = Violations.of(request)
    pid = v.id("product_id", request.product_id)
    kind = v.enum("type", CROSS_SELL_TYPE, request.type, required=True)
    limit = _limit(v, request.limit, default=DEFAULT_CROSS_SELL, maximum=MAX_CROSS_SELL)
    v.raise_if_any()
    assert kind is not None
    return pid, kind, limit


def market_conditions(
    v: Violations, message: pb.MarketConditions, *, competitors_allowed: bool = True
) -> MarketConditions:
    field = "market_conditions"
    prices = tuple(
        v.money(f"{field}.competitor_prices[{i}]", m) for i, m in enumerate(message.competitor_prices)
    )
    if prices and not competitors_allowed:
        v.add(f"{field}.competitor_prices", "competitor prices are per product; not allowed in a bulk run")
    if len(prices) > MAX_COMPETITOR_PRICES:
        v.add(f"{field}.competitor_prices", f"at most {MAX_COMPETITOR_PRICES} prices, got {len(prices)}")
    if len({p.currency for p in prices}) > 1:
        v.add(f"{field}.competitor_prices", "all competitor prices must share one currency")
    seasonality = message.seasonality_factor if message.HasField("seasonality_factor") else None
    low, high = SEASONALITY_RANGE
    if seasonality is not None and not low <= seasonality <= high:
        v.add(f"{field}.seasonality_factor", f"must be between {low} and {high}, got {seasonality}")
    demand = v.enum(f"{field}.demand_level", DEMAND, message.demand_level, required=False)
    return MarketConditions(demand, prices, seasonality)


def pricing_command(request: pb.OptimizePricingRequest) -> tuple[uuid.UUID, MarketConditions]:
    v = Violations.of(request)
    pid = v.id("product_id", request.product_id)
    conditions = market_conditions(v, request.market_conditions)
    v.raise_if_any()
    return pid, conditions


def bulk_command(request: pb.BulkOptimizePricingRequest) -> BulkPricingRequest:
    v = Violations.of(request)
    ids = tuple(v.id(f"product_ids[{i}]", raw) for i, raw in enumerate(request.product_ids))
    if len(ids) > MAX_BULK_IDS:
        v.add("product_ids", f"at most {MAX_BULK_IDS:,} ids, got {len(ids):,}; use a filter instead")
    if len(set(ids)) != len(ids):
        v.add("product_ids", "ids must be unique")
    category = v.text("category", request.category, max_length=50)
    classification = v.enum("classification", CLASSIFICATION, request.classification, required=False)
    if not (ids or category or classification or request.all_products):
        v.add("product_ids", "set product_ids, category, classification or all_products to select products")
    conditions = market_conditions(v, request.market_conditions, competitors_allowed=False)
    limit = _limit(
        v, request.result_limit, default=DEFAULT_RESULT_LIMIT, maximum=MAX_RESULT_LIMIT, field="result_limit"
    )
    v.raise_if_any()
    return BulkPricingRequest(
        selection=PricingSelection(ids=ids or None, category=category or None, classification=classification),
        conditions=conditions,
        charm_pricing=request.charm_pricing,
        apply=request.apply,
        result_limit=limit,
    )


def related_command(request: pb.RecommendProductsRequest) -> tuple[uuid.UUID, int]:
    v = Violations.of(request)
    pid = v.id("product_id", request.product_id)
    limit = _limit(v, request.limit, default=DEFAULT_RELATED, maximum=MAX_RELATED)
    v.raise_if_any()
    return pid, limit


def strategy_command(request: pb.GenerateMarketingStrategyRequest) -> tuple[uuid.UUID, Money | None]:
    v = Violations.of(request)
    pid = v.id("product_id", request.product_id)
    budget = v.optional_money("monthly_budget", request, "monthly_budget")
    v.raise_if_any()
    return pid, budget


def list_workflows_query(request: wpb.ListWorkflowsRequest) -> ListQuery[WorkflowFilter]:
    v = Violations.of(request)
    states = []
    for i, number in enumerate(request.states):
        state = v.enum(f"states[{i}]", STATE, number, required=True)
        if state is not None and state not in states:
            states.append(state)
    product = v.id("product_id", request.product_id) if request.product_id.strip() else None
    criteria = WorkflowFilter(
        type=v.enum("type", TYPE, request.type, required=False),
        states=tuple(sorted(states)),
        product_id=product,
    )
    return page_query(v, request, criteria)
