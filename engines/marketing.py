"""Marketing strategy (SPEC section 4): positioning, audiences, channel split, messaging, price strategy,
launch phases and KPIs from a product's classification, category, price and margin. Deterministic: the
same product and budget give the same strategy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from types import MappingProxyType

from engines.classification import Classification

CENT = Decimal("0.01")

# Channel shares per classification (each row adds up to 1): premium products lean on influencers and
# search, weak ones on marketplace ads and email.
DEFAULT_CHANNELS: Mapping[Classification, tuple[tuple[str, float, str], ...]] = MappingProxyType(
    {
        Classification.HERO: (
            ("paid_social", 0.35, "strong margin pays for reach on visual feeds"),
            ("influencers", 0.25, "premium products convert on trusted demonstrations"),
            ("search_ads", 0.25, "captures buyers already searching the category"),
            ("email", 0.15, "retention and repeat purchase at almost no cost"),
        ),
        Classification.GOOD: (
            ("paid_social", 0.35, "reach at a cost the margin covers"),
            ("search_ads", 0.30, "intent traffic with measurable returns"),
            ("marketplace_ads", 0.20, "visibility where buyers compare"),
            ("email", 0.15, "cheap retention"),
        ),
        Classification.MODERATE: (
            ("search_ads", 0.35, "only pay for buyers with intent while the product is tested"),
            ("marketplace_ads", 0.35, "low-risk exposure next to competitors"),
            ("email", 0.20, "existing customers first"),
            ("paid_social", 0.10, "small creative tests"),
        ),
        Classification.POOR: (
            ("marketplace_ads", 0.50, "clear stock where buyers already are"),
            ("email", 0.40, "bundle offers to existing customers"),
            ("search_ads", 0.10, "exact-match only"),
        ),
    }
)
PRICE_STRATEGIES: Mapping[Classification, tuple[str, str]] = MappingProxyType(
    {
        Classification.HERO: ("premium", "a strong product sells on value; hold the price above competitors"),
        Classification.GOOD: ("competitive", "price with the market and win on presentation"),
        Classification.MODERATE: ("penetration", "enter at a low price to earn reviews, then raise it"),
        Classification.POOR: ("clearance", "sell through at the floor and do not restock"),
    }
)
# Category -> (audience name, who they are, pain points); categories not listed use `other`.
DEFAULT_AUDIENCES: Mapping[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = MappingProxyType(
    {
        "fitness": (
            (
                "home gym builders",
                "adults training at home to save time and gym fees",
                ("no time for the gym", "small space"),
            ),
            (
                "new year starters",
                "beginners forming a habit",
                ("unsure where to start", "losing motivation"),
            ),
        ),
        "electronics": (
            (
                "tech early adopters",
                "buyers who want the newest gadget first",
                ("outdated devices", "poor battery life"),
            ),
            ("gift shoppers", "people looking for a safe, useful present", ("finding a gift that is used",)),
        ),
        "beauty": (
            (
                "self-care enthusiasts",
                "people building a daily routine",
                ("dull skin", "expensive salon visits"),
            ),
        ),
        "kitchen": (("home cooks", "people cooking most days", ("cluttered counters", "slow prep")),),
        "pet_supplies": (("pet parents", "owners treating pets as family", ("bored pets", "mess at home")),),
        "other": (
            ("value seekers", "buyers comparing on price and reviews", ("overpaying", "unreliable quality")),
        ),
    }
)
PHASES: tuple[tuple[str, int, float, tuple[str, ...], str], ...] = (
    (
        "test",
        14,
        0.2,
        ("launch 3-5 creatives per channel", "measure click-through and cost per purchase"),
        "ROAS >= {roas} for 7 days",
    ),
    (
        "scale",
        30,
        0.5,
        ("move budget to the winning creatives", "add lookalike audiences"),
        "CAC stays under {cac} while spend doubles",
    ),
    (
        "optimise",
        46,
        0.3,
        ("refresh creatives", "email and retargeting for repeat buyers"),
        "gross margin after ads >= {margin}%",
    ),
)


@dataclass(frozen=True, slots=True)
class MarketingPolicy:
    channels: Mapping[Classification, tuple[tuple[str, float, str], ...]] = field(
        default_factory=lambda: DEFAULT_CHANNELS
    )
    audiences: Mapping[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = field(
        default_factory=lambda: DEFAULT_AUDIENCES
    )
    # Share of the unit margin one may spend to acquire a customer.
    cac_share: Decimal = Decimal("0.40")
    target_conversion_rate: float = 0.02


@dataclass(frozen=True, slots=True)
class StrategyInput:
    product_id: str
    title: str
    category: str
    classification: Classification
    source_price: Decimal
    selling_price: Decimal
    floor_price: Decimal
    currency: str
    monthly_budget: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Audience:
    name: str
    description: str
    pain_points: tuple[str, ...]
    priority: int


@dataclass(frozen=True, slots=True)
class Channel:
    channel: str
    budget_share: float
    budget: Decimal | None
    rationale: str


@dataclass(frozen=True, slots=True)
class Angle:
    headline: str
    description: str
    audience: str


@dataclass(frozen=True, slots=True)
class PricePlan:
    name: str
    recommended_price: Decimal
    floor_price: Decimal
    rationale: str


@dataclass(frozen=True, slots=True)
class Phase:
    name: str
    duration_days: int
    activities: tuple[str, ...]
    budget_share: float
    exit_criteria: str


@dataclass(frozen=True, slots=True)
class Kpi:
    name: str
    target: float
    unit: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Strategy:
    product_id: str
    classification: Classification
    positioning: str
    audiences: tuple[Audience, ...]
    channels: tuple[Channel, ...]
    angles: tuple[Angle, ...]
    price: PricePlan
    phases: tuple[Phase, ...]
    kpis: tuple[Kpi, ...]
    cac_ceiling: Decimal
    unit_margin: Decimal
    monthly_budget: Decimal | None
    currency: str


def build_strategy(inp: StrategyInput, policy: MarketingPolicy) -> Strategy:
    unit_margin = max(Decimal(0), inp.selling_price - inp.source_price)
    cac = (unit_margin * policy.cac_share).quantize(CENT, rounding=ROUND_FLOOR)
    margin_pct = float(unit_margin / inp.selling_price * 100) if inp.selling_price > 0 else 0.0
    roas = round(float(inp.selling_price / cac), 2) if cac > 0 else 0.0
    audiences = tuple(
        Audience(name, who, pains, rank)
        for rank, (name, who, pains) in enumerate(
            policy.audiences.get(inp.category, policy.audiences["other"]), 1
        )
    )
    channels = tuple(
        Channel(name, share, _share_of(inp.monthly_budget, share), why)
        for name, share, why in policy.channels[inp.classification]
    )
    price_name, price_why = PRICE_STRATEGIES[inp.classification]
    label = inp.category.replace("_", " ")
    values = {"roas": f"{roas:g}", "cac": f"{cac} {inp.currency}", "margin": f"{margin_pct / 2:.0f}"}
    return Strategy(
        product_id=inp.product_id,
        classification=inp.classification,
        positioning=(
            f"{inp.title} for {audiences[0].name}: a {inp.classification.value}-rated {label} product "
            f"at {inp.selling_price} {inp.currency} that solves {audiences[0].pain_points[0]}."
        ),
        audiences=audiences,
        channels=channels,
        angles=tuple(
            Angle(
                f"{inp.title}: no more {a.pain_points[0]}"[:200],
                f"lead with the pain point of {a.name}",
                a.name,
            )
            for a in audiences
        ),
        price=PricePlan(price_name, inp.selling_price, inp.floor_price, price_why),
        phases=tuple(
            Phase(name, days, activities, share, exit_text.format(**values))
            for name, days, share, activities, exit_text in PHASES
        ),
        kpis=(
            Kpi("cac", float(cac), inp.currency, f"{policy.cac_share:.0%} of the unit margin {unit_margin}"),
            Kpi("roas", roas, "ratio", "selling price / CAC ceiling: the return that breaks even on the CAC"),
            Kpi(
                "conversion_rate",
                policy.target_conversion_rate * 100,
                "percent",
                "category benchmark for paid traffic",
            ),
            Kpi(
                "gross_margin",
                round(margin_pct, 2),
                "percent",
                "(selling price - source price) / selling price",
            ),
        ),
        cac_ceiling=cac,
        unit_margin=unit_margin,
        monthly_budget=inp.monthly_budget,
        currency=inp.currency,
    )


def _share_of(budget: Decimal | None, share: float) -> Decimal | None:
    if budget is None:
        return None
    return (budget * Decimal(str(share))).quantize(CENT, rounding=ROUND_HALF_UP)
