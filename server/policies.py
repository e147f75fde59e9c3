"""Engine policies from configuration: the one place where Settings become the tuning of the engines.
Every threshold the SPEC names is a setting; the rest keep the engines' documented defaults."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

from domain.catalog import Categories
from engines.classification import Classification, ClassificationPolicy
from engines.cross_sell import CrossSellPolicy
from engines.fraud import FraudPolicy
from engines.inventory import OptimizerPolicy
from engines.lead_scoring import LeadScoringPolicy
from engines.offer_choice import OfferPolicy
from engines.pricing import PricingPolicy
from server.config import Settings
from server.intelligence.ports import IntelligencePolicies
from server.orders.risk import FraudReviewOnHold
from server.workflows.enqueue import MarketingOnCreate


def lead_scoring_policy(settings: Settings) -> LeadScoringPolicy:
    return LeadScoringPolicy(
        urgent_at=settings.LEAD_PRIORITY_URGENT_AT,
        high_at=settings.LEAD_PRIORITY_HIGH_AT,
        medium_at=settings.LEAD_PRIORITY_MEDIUM_AT,
        learning_min_closed=settings.LEAD_LEARNING_MIN_CLOSED,
        learning_max_weight=settings.LEAD_LEARNING_MAX_WEIGHT,
    )


def classification_policy(settings: Settings) -> ClassificationPolicy:
    """The configured margin, HERO premium, thresholds and category demand indexes (CATEGORY_DEMAND adds to
    or overrides the built-in table); the other premiums and the weights keep their documented defaults."""
    defaults = ClassificationPolicy()
    premiums = dict(defaults.premiums)
    premiums[Classification.HERO] = Decimal(str(settings.CLASSIFICATION_PREMIUM))
    return replace(
        defaults,
        category_demand=MappingProxyType({**defaults.category_demand, **settings.category_demand}),
        default_margin=Decimal(str(settings.DEFAULT_MARGIN)),
        premiums=MappingProxyType(premiums),
        hero_at=settings.CLASSIFICATION_HERO_AT,
        good_at=settings.CLASSIFICATION_GOOD_AT,
        moderate_at=settings.CLASSIFICATION_MODERATE_AT,
    )


def categories(settings: Settings) -> Categories:
    """The categories a product (or a sourcing candidate) may have in this deployment."""
    return Categories(
        known=frozenset(classification_policy(settings).category_demand), closed=settings.STRICT_CATEGORIES
    )


def fraud_policy(settings: Settings) -> FraudPolicy:
    return FraudPolicy(
        medium_at=settings.FRAUD_MEDIUM_AT,
        high_at=settings.FRAUD_HIGH_AT,
        critical_at=settings.FRAUD_CRITICAL_AT,
    )


def fraud_review_on_hold(settings: Settings) -> FraudReviewOnHold:
    """Held orders get the fraud crew's review where the crews are deployed (CREWAI_HOST)."""
    return FraudReviewOnHold(
        enabled=settings.crewai_base_url is not None, max_attempts=settings.AI_RETRY_COUNT + 1
    )


def optimizer_policy(settings: Settings) -> OptimizerPolicy:
    return OptimizerPolicy(
        history_days=settings.INVENTORY_HISTORY_DAYS,
        lead_time_days=settings.INVENTORY_LEAD_TIME_DAYS,
        service_level=settings.INVENTORY_SERVICE_LEVEL,
        order_cost=Decimal(str(settings.INVENTORY_ORDER_COST)),
        holding_cost_rate=settings.INVENTORY_HOLDING_COST_RATE,
    )


def offer_policy(settings: Settings) -> OfferPolicy:
    return OfferPolicy(
        weights=MappingProxyType(dict(settings.OFFER_CHOICE_WEIGHTS)),
        max_lead_time_days=settings.OFFER_MAX_LEAD_TIME_DAYS,
    )


def marketing_on_create(settings: Settings) -> MarketingOnCreate:
    setting = settings.MARKETING_WORKFLOW_ON_CREATE
    enabled = setting == "always" or (setting == "auto" and settings.crewai_base_url is not None)
    return MarketingOnCreate(enabled=enabled, max_attempts=settings.AI_RETRY_COUNT + 1)


def pricing_policy(settings: Settings) -> PricingPolicy:
    """The configured margins, price-change cap and HERO multiplier; the margin guardrail of the catalog
    and the supply side uses its floor."""
    pricing = PricingPolicy()
    multipliers = dict(pricing.classification_multipliers)
    multipliers[Classification.HERO] = 1 + Decimal(str(settings.CLASSIFICATION_PREMIUM))
    return replace(
        pricing,
        default_margin=Decimal(str(settings.DEFAULT_MARGIN)),
        min_margin=Decimal(str(settings.MIN_MARGIN)),
        max_price_change=Decimal(str(settings.MAX_PRICE_CHANGE)),
        classification_multipliers=MappingProxyType(multipliers),
    )


def intelligence_policies(settings: Settings) -> IntelligencePolicies:
    return IntelligencePolicies(
        cross_sell=CrossSellPolicy(
            upsell_range=settings.UPSELL_RANGE,
            cross_sell_range=settings.CROSS_SELL_RANGE,
            complement_range=settings.COMPLEMENT_RANGE,
        ),
        pricing=pricing_policy(settings),
        classification=classification_policy(settings),
        max_attempts=settings.AI_RETRY_COUNT + 1,
    )
