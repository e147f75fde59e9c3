"""The learned part of the lead score: bounded, explained, history-weighted and monotone in wins."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engines.lead_scoring import (
    DEFAULT_SOURCE_QUALITY,
    NO_HISTORY,
    ClosedLeadHistory,
    LeadProfile,
    LeadScoringPolicy,
    history_from_counts,
    learned_weight,
    score_lead,
    title_bucket,
    win_probability,
)

POLICY = LeadScoringPolicy()
SOURCES = sorted(DEFAULT_SOURCE_QUALITY)
TITLES = ["", "CEO", "VP Sales", "Engineering Manager", "Senior Buyer", "Engineer", "Intern"]

counts = st.lists(
    st.tuples(
        st.sampled_from(SOURCES),
        st.sampled_from(TITLES),
        st.integers(min_value=0, max_value=60),
        st.integers(min_value=0, max_value=60),
    ),
    max_size=12,
)
histories = counts.map(lambda rows: history_from_counts(rows, POLICY))
profiles = st.builds(
    LeadProfile,
    email=st.emails(),
    source=st.sampled_from(SOURCES),
    company=st.sampled_from(["", "Acme"]),
    job_title=st.sampled_from(TITLES),
    phone=st.sampled_from(["", "+1 555"]),
    notes=st.sampled_from(["", "met at expo"]),
)


def history(*rows: tuple[str, str, int, int]) -> ClosedLeadHistory:
    return history_from_counts(rows, POLICY)


@given(profiles, histories)
def test_a_learning_score_stays_in_range_and_its_factors_add_up(profile, past):
    scored = score_lead(profile, POLICY, past)
    assert 0 <= scored.score <= 100
    assert sum(f.contribution for f in scored.factors) == pytest.approx(scored.score, abs=0.011)
    assert sum(f.weight for f in scored.factors) == pytest.approx(1.0)


@given(profiles, histories)
def test_below_the_minimum_history_the_score_is_the_profile_score(profile, past):
    scored = score_lead(profile, POLICY, past)
    if past.closed < POLICY.learning_min_closed:
        assert scored == score_lead(profile, POLICY, NO_HISTORY)
    else:
        assert scored.factors[-1].name == "learned_win_rate"


@given(st.integers(min_value=0, max_value=100_000), st.integers(min_value=1, max_value=1000))
def test_more_history_never_weighs_less_and_never_more_than_the_maximum(closed, more):
    assert (
        learned_weight(closed, POLICY) <= learned_weight(closed + more, POLICY) < POLICY.learning_max_weight
    )


@given(counts, st.sampled_from(SOURCES), st.sampled_from(TITLES), st.integers(min_value=1, max_value=50))
def test_more_wins_like_this_lead_never_lower_its_chance(rows, source, title, wins):
    bucket = title_bucket(title, POLICY)[1]
    before = win_probability(source, bucket, history_from_counts(rows, POLICY), POLICY)
    after = win_probability(
        source, bucket, history_from_counts([*rows, (source, title, wins, 0)], POLICY), POLICY
    )
    assert 0 < before < 1 and 0 < after < 1
    assert after >= before - 1e-12


@given(counts, st.sampled_from(SOURCES), st.sampled_from(TITLES), st.integers(min_value=1, max_value=50))
def test_more_losses_like_this_lead_never_raise_its_chance(rows, source, title, losses):
    bucket = title_bucket(title, POLICY)[1]
    before = win_probability(source, bucket, history_from_counts(rows, POLICY), POLICY)
    after = win_probability(
        source, bucket, history_from_counts([*rows, (source, title, 0, losses)], POLICY), POLICY
    )
    assert after <= before + 1e-12


@given(counts)
def test_folding_counts_keeps_every_closed_lead(rows):
    folded = history_from_counts(rows, POLICY)
    assert folded.won == sum(r[2] for r in rows) and folded.lost == sum(r[3] for r in rows)
    assert sum(o.won + o.lost for o in folded.by_title_bucket.values()) == folded.closed


def test_a_tenant_whose_referrals_always_win_learns_to_favour_referrals():
    past = history(("referral", "Engineer", 40, 0), ("cold_call", "Engineer", 0, 40))
    referral = LeadProfile(email="a@acme.io", source="referral", job_title="Engineer")
    cold = LeadProfile(email="a@acme.io", source="cold_call", job_title="Engineer")

    assert score_lead(referral, POLICY, past).score > score_lead(referral, POLICY).score
    assert score_lead(cold, POLICY, past).score < score_lead(cold, POLICY).score
    learned = score_lead(referral, POLICY, past).factors[-1]
    assert learned.name == "learned_win_rate" and learned.value > 90
    assert learned.weight == pytest.approx(0.5 * 80 / 180)
    assert "80 closed leads" in learned.explanation


def test_the_learning_threshold_comes_from_the_policy():
    past = history(("referral", "CEO", 5, 5))
    profile = LeadProfile(email="a@acme.io", source="referral", job_title="CEO")
    assert score_lead(profile, POLICY, past) == score_lead(profile, POLICY)
    eager = LeadScoringPolicy(learning_min_closed=10)
    assert score_lead(profile, eager, past).factors[-1].name == "learned_win_rate"


def test_titles_fall_into_the_seniority_buckets():
    assert title_bucket("Chief Revenue Officer", POLICY)[1] == "executive"
    assert title_bucket("  ", POLICY)[1] == "no title"
    assert title_bucket("Barista", POLICY)[1] == "other title"
