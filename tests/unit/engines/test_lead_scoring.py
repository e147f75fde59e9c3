"""The lead score: explainable, bounded, and ordered the way SPEC section 4 says."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engines.lead_scoring import (
    DEFAULT_SOURCE_QUALITY,
    LeadProfile,
    LeadScoringPolicy,
    priority_for,
    score_lead,
)

POLICY = LeadScoringPolicy()
SOURCES = sorted(DEFAULT_SOURCE_QUALITY)

profiles = st.builds(
    LeadProfile,
    email=st.emails(),
    source=st.sampled_from([*SOURCES, "unheard_of"]),
    company=st.text(max_size=40),
    job_title=st.text(max_size=40),
    phone=st.text(max_size=20),
    notes=st.text(max_size=40),
)


def profile(**overrides: str) -> LeadProfile:
    values = {
        "email": "ada@analytical.io",
        "source": "website",
        "company": "Analytical Engines",
        "job_title": "Engineer",
        "phone": "+44 1",
        "notes": "",
    }
    values.update(overrides)
    return LeadProfile(**values)


@given(profiles)
def test_the_score_stays_within_0_and_100(p):
    assert 0 <= score_lead(p, POLICY).score <= 100


@given(profiles)
def test_the_factors_add_up_to_the_score(p):
    result = score_lead(p, POLICY)
    assert sum(f.contribution for f in result.factors) == pytest.approx(result.score, abs=0.011)
    assert sum(f.weight for f in result.factors) == pytest.approx(1.0)
    for factor in result.factors:
        assert factor.contribution == pytest.approx(factor.weight * factor.value, abs=0.006)
        assert factor.explanation


@given(profiles)
def test_the_same_profile_always_scores_the_same(p):
    assert score_lead(p, POLICY) == score_lead(p, POLICY)


def test_sources_rank_referral_over_trade_show_over_website_over_campaigns_over_cold_calls():
    scores = {s: score_lead(profile(source=s), POLICY).score for s in SOURCES}
    assert scores["referral"] > scores["trade_show"] > scores["website"]
    assert scores["website"] > scores["email_campaign"] >= scores["social_media"] > scores["cold_call"]
    assert scores["cold_call"] == scores["other"]


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ({"job_title": "CEO"}, {"job_title": "Intern"}),
        ({"job_title": "VP Sales"}, {"job_title": "Sales manager"}),
        ({"company": "Acme"}, {"company": ""}),
        ({"email": "ada@analytical.io"}, {"email": "ada@gmail.com"}),
        ({"email": "ada@gmail.com"}, {"email": "ada@mailinator.com"}),
        ({"phone": "+1 555"}, {"phone": ""}),
    ],
)
def test_a_stronger_profile_scores_higher(better, worse):
    assert score_lead(profile(**better), POLICY).score > score_lead(profile(**worse), POLICY).score


def test_an_email_on_the_company_domain_is_the_best_email_signal():
    factor = {f.name: f for f in score_lead(profile(), POLICY).factors}["email_domain"]
    assert factor.value == 100
    assert "matching the company" in factor.explanation


@pytest.mark.parametrize(
    ("score", "priority"),
    [
        (100, "urgent"),
        (80, "urgent"),
        (79.99, "high"),
        (60, "high"),
        (59.99, "medium"),
        (40, "medium"),
        (39.99, "low"),
        (0, "low"),
    ],
)
def test_priority_follows_the_score_thresholds(score, priority):
    assert priority_for(score, POLICY) == priority


def test_weights_that_do_not_add_up_to_one_are_refused():
    with pytest.raises(ValueError, match="add up to 1"):
        LeadScoringPolicy(
            weights={
                "source_quality": 0.5,
                "company": 0.1,
                "title_seniority": 0.1,
                "email_domain": 0.1,
                "completeness": 0.1,
            }
        )
