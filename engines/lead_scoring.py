"""Lead score: profile fit, source quality and completeness, weighted into a 0-100 score with its factors.

Once a tenant has closed enough leads, the score also learns: a naive Bayes estimate of the tenant's own
win rate for leads of this source and job-title bucket is blended in as the `learned_win_rate` factor,
with a weight that grows with the amount of history; the other factors' weights shrink to make room, so
the weights still add up to 1 and the contributions to the score.

Every weight, table and threshold comes in through `LeadScoringPolicy`, whose defaults are the service's
documented defaults; configuration may replace them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from engines.factors import Factor, total, weighted

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "source_quality": 0.35,
        "company": 0.15,
        "title_seniority": 0.15,
        "email_domain": 0.15,
        "completeness": 0.20,
    }
)

# referral > trade show > website > email/social > cold call/other (SPEC section 4).
DEFAULT_SOURCE_QUALITY: Mapping[str, float] = MappingProxyType(
    {
        "referral": 100.0,
        "trade_show": 85.0,
        "website": 70.0,
        "email_campaign": 55.0,
        "social_media": 50.0,
        "cold_call": 30.0,
        "other": 30.0,
    }
)

# Ordered from most to least senior: the first pattern that matches a title decides its rating.
DEFAULT_SENIORITY: tuple[tuple[str, float, str], ...] = (
    (r"\b(ceo|cto|cfo|coo|cmo|cio|chief|founder|co-founder|owner|president|partner)\b", 100.0, "executive"),
    (r"\b(vp|vice president|head|director)\b", 85.0, "senior leadership"),
    (r"\b(manager|lead|principal)\b", 65.0, "management"),
    (r"\b(senior|specialist|consultant|buyer|purchasing)\b", 50.0, "senior individual contributor"),
)

DEFAULT_FREE_EMAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "mail.com",
        "yandex.com",
        "zoho.com",
        "web.de",
    }
)

DEFAULT_DISPOSABLE_EMAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "mailinator.com",
        "guerrillamail.com",
        "10minutemail.com",
        "tempmail.com",
        "trashmail.com",
        "yopmail.com",
        "sharklasers.com",
        "getnada.com",
        "dispostable.com",
        "throwawaymail.com",
    }
)


@dataclass(frozen=True, slots=True)
class LeadScoringPolicy:
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    source_quality: Mapping[str, float] = field(default_factory=lambda: DEFAULT_SOURCE_QUALITY)
    seniority: tuple[tuple[str, float, str], ...] = DEFAULT_SENIORITY
    free_email_domains: frozenset[str] = DEFAULT_FREE_EMAIL_DOMAINS
    disposable_email_domains: frozenset[str] = DEFAULT_DISPOSABLE_EMAIL_DOMAINS
    # Priority thresholds on the score: at or above each bound, that priority.
    urgent_at: float = 80.0
    high_at: float = 60.0
    medium_at: float = 40.0
    # Learning from the tenant's closed leads: none below `learning_min_closed`; above, the learned factor
    # weighs learning_max_weight x n / (n + learning_half_weight_at) for n closed leads.
    learning_min_closed: int = 30
    learning_max_weight: float = 0.5
    learning_half_weight_at: int = 100
    # Laplace smoothing of the naive Bayes counts.
    learning_smoothing: float = 1.0

    def __post_init__(self) -> None:
        if abs(sum(self.weights.values()) - 1.0) > 1e-9:
            raise ValueError(f"lead score weights must add up to 1, got {sum(self.weights.values())}")


@dataclass(frozen=True, slots=True)
class LeadProfile:
    """The inputs of a lead's score."""

    email: str
    source: str
    company: str = ""
    job_title: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Outcomes:
    won: int = 0
    lost: int = 0


@dataclass(frozen=True, slots=True)
class ClosedLeadHistory:
    """A tenant's closed leads counted by source and by job-title bucket (see `title_bucket`)."""

    by_source: Mapping[str, Outcomes] = field(default_factory=dict)
    by_title_bucket: Mapping[str, Outcomes] = field(default_factory=dict)

    @property
    def won(self) -> int:
        return sum(o.won for o in self.by_source.values())

    @property
    def lost(self) -> int:
        return sum(o.lost for o in self.by_source.values())

    @property
    def closed(self) -> int:
        return self.won + self.lost


NO_HISTORY = ClosedLeadHistory()


def history_from_counts(
    counts: Iterable[tuple[str, str, int, int]], policy: LeadScoringPolicy
) -> ClosedLeadHistory:
    """Fold (source, job title, won, lost) counts into per-source and per-title-bucket outcomes."""
    by_source: dict[str, Outcomes] = {}
    by_bucket: dict[str, Outcomes] = {}
    for source, job_title, won, lost in counts:
        bucket = title_bucket(job_title, policy)[1]
        for table, key in ((by_source, source), (by_bucket, bucket)):
            seen = table.get(key, Outcomes())
            table[key] = Outcomes(seen.won + won, seen.lost + lost)
    return ClosedLeadHistory(by_source=by_source, by_title_bucket=by_bucket)


@dataclass(frozen=True, slots=True)
class LeadScore:
    score: float
    factors: tuple[Factor, ...]
    suggested_priority: str


def score_lead(
    profile: LeadProfile, policy: LeadScoringPolicy, history: ClosedLeadHistory = NO_HISTORY
) -> LeadScore:
    """Score a lead 0-100 from its profile and its tenant's closed-lead history; the factors add up to
    the score."""
    learned = learned_weight(history.closed, policy)
    w = {name: weight * (1.0 - learned) for name, weight in policy.weights.items()}
    factors: tuple[Factor, ...] = (
        _source_quality(profile.source, w["source_quality"], policy),
        _company(profile.company, w["company"]),
        _title_seniority(profile.job_title, w["title_seniority"], policy),
        _email_domain(profile.email, profile.company, w["email_domain"], policy),
        _completeness(profile, w["completeness"]),
    )
    if learned > 0:
        factors = (*factors, _learned_win_rate(profile, history, learned, policy))
    score = total(factors)
    return LeadScore(score=score, factors=factors, suggested_priority=priority_for(score, policy))


def priority_for(score: float, policy: LeadScoringPolicy) -> str:
    """The default priority of a lead with this score."""
    if score >= policy.urgent_at:
        return "urgent"
    if score >= policy.high_at:
        return "high"
    if score >= policy.medium_at:
        return "medium"
    return "low"


def _source_quality(source: str, weight: float, policy: LeadScoringPolicy) -> Factor:
    value = policy.source_quality.get(source, 50.0)
    return weighted("source_quality", weight, value, f"{source.replace('_', ' ')} leads rate {value:g}/100")


def _company(company: str, weight: float) -> Factor:
    if company.strip():
        return weighted("company", weight, 100.0, "works for a named company")
    return weighted("company", weight, 20.0, "no company given")


def learned_weight(closed: int, policy: LeadScoringPolicy) -> float:
    """The weight of the learned factor for a tenant with `closed` closed leads (0 below the minimum)."""
    if closed < policy.learning_min_closed or closed <= 0:
        return 0.0
    return policy.learning_max_weight * closed / (closed + policy.learning_half_weight_at)


def win_probability(source: str, bucket: str, history: ClosedLeadHistory, policy: LeadScoringPolicy) -> float:
    """Naive Bayes P(won | source, title bucket) from the tenant's closed leads, Laplace-smoothed."""
    a = policy.learning_smoothing
    sources = len(set(policy.source_quality) | set(history.by_source) | {source})
    buckets = len(policy.seniority) + 2  # the patterns, plus "no title" and "other title"
    won, lost = history.won, history.lost
    of_source = history.by_source.get(source, Outcomes())
    of_bucket = history.by_title_bucket.get(bucket, Outcomes())
    likely_won = (
        (won + a) * (of_source.won + a) / (won + a * sources) * (of_bucket.won + a) / (won + a * buckets)
    )
    likely_lost = (
        (lost + a) * (of_source.lost + a) / (lost + a * sources) * (of_bucket.lost + a) / (lost + a * buckets)
    )
    return likely_won / (likely_won + likely_lost)


def title_bucket(job_title: str, policy: LeadScoringPolicy) -> tuple[float, str]:
    """The seniority rating of a job title and the name of its bucket."""
    title = job_title.strip().lower()
    if not title:
        return 25.0, "no title"
    for pattern, value, label in policy.seniority:
        if re.search(pattern, title):
            return value, label
    return 40.0, "other title"


def _title_seniority(job_title: str, weight: float, policy: LeadScoringPolicy) -> Factor:
    value, bucket = title_bucket(job_title, policy)
    if bucket == "no title":
        return weighted("title_seniority", weight, value, "no job title given")
    if bucket == "other title":
        return weighted("title_seniority", weight, value, "title shows no seniority")
    return weighted("title_seniority", weight, value, f"title suggests {bucket}")


def _learned_win_rate(
    profile: LeadProfile, history: ClosedLeadHistory, weight: float, policy: LeadScoringPolicy
) -> Factor:
    bucket = title_bucket(profile.job_title, policy)[1]
    chance = win_probability(profile.source, bucket, history, policy)
    explanation = (
        f"this tenant wins an estimated {chance:.0%} of {profile.source.replace('_', ' ')} leads with "
        f"{bucket} titles (naive Bayes over {history.closed} closed leads)"
    )
    return weighted("learned_win_rate", weight, 100.0 * chance, explanation)


def _email_domain(email: str, company: str, weight: float, policy: LeadScoringPolicy) -> Factor:
    domain = email.rpartition("@")[2].strip().lower()
    if domain in policy.disposable_email_domains:
        return weighted("email_domain", weight, 0.0, f"disposable email domain {domain}")
    if domain in policy.free_email_domains:
        return weighted("email_domain", weight, 40.0, f"free email domain {domain}")
    company_token = re.sub(r"[^a-z0-9]", "", company.lower())
    if company_token and company_token[:6] in domain.replace("-", ""):
        return weighted("email_domain", weight, 100.0, "corporate email matching the company")
    return weighted("email_domain", weight, 85.0, f"corporate email domain {domain}")


def _completeness(profile: LeadProfile, weight: float) -> Factor:
    optional = {
        "phone": profile.phone,
        "company": profile.company,
        "job_title": profile.job_title,
        "notes": profile.notes,
    }
    present = [name for name, value in optional.items() if value.strip()]
    value = 100.0 * len(present) / len(optional)
    missing = sorted(set(optional) - set(present))
    explanation = "all optional details given" if not missing else f"missing {', '.join(missing)}"
    return weighted("completeness", weight, value, explanation)
