"""Lead score: profile fit, source quality and completeness, weighted into a 0-100 score with its factors.

Every weight, table and threshold comes in through `LeadScoringPolicy`, whose defaults are the service's
documented defaults; configuration may replace them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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
class LeadScore:
    score: float
    factors: tuple[Factor, ...]
    suggested_priority: str


def score_lead(profile: LeadProfile, policy: LeadScoringPolicy) -> LeadScore:
    """Score a lead 0-100 from its profile; the factors add up to the score."""
    w = policy.weights
    factors = (
        _source_quality(profile.source, w["source_quality"], policy),
        _company(profile.company, w["company"]),
        _title_seniority(profile.job_title, w["title_seniority"], policy),
        _email_domain(profile.email, profile.company, w["email_domain"], policy),
        _completeness(profile, w["completeness"]),
    )
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


def _title_seniority(job_title: str, weight: float, policy: LeadScoringPolicy) -> Factor:
    title = job_title.strip().lower()
    if not title:
        return weighted("title_seniority", weight, 25.0, "no job title given")
    for pattern, value, label in policy.seniority:
        if re.search(pattern, title):
            return weighted("title_seniority", weight, value, f"title suggests {label}")
    return weighted("title_seniority", weight, 40.0, "title shows no seniority")


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
