"""The ecosystem's statutory rules: data sharing, referral response time, TYP deadlines."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.rules.calendar import is_working_day, working_days_between
from saumaton.rules.ecosystem import (
    DATA_CATEGORIES,
    pauses_job_search_duty,
    response_due,
    sharing_allowed,
    typ_next_review,
    typ_plan_deadline,
)

categories = st.sets(st.sampled_from(DATA_CATEGORIES), min_size=1)
bases = st.sampled_from(["consent", "380/2023 §116", "381/2023 §15"])


@given(categories, bases, st.booleans())
def test_health_data_go_only_on_written_consent_or_the_multisectoral_basis(cats, basis, written):
    answer = sharing_allowed(cats, legal_basis=basis, written_consent=written)
    if "health" not in cats:
        assert answer.allowed
    else:
        assert answer.allowed == (basis == "381/2023 §15" or (basis == "consent" and written))


def test_refusals_name_the_rule():
    answer = sharing_allowed({"health"}, legal_basis="380/2023 §116", written_consent=False)
    assert not answer.allowed and answer.basis == "380/2023 §116(4), §118"
    assert not sharing_allowed({"contact"}, legal_basis="", written_consent=True).allowed
    assert not sharing_allowed({"dna"}, legal_basis="consent", written_consent=True).allowed


@settings(deadline=None)
@given(st.dates(date(2025, 1, 1), date(2030, 12, 31)), st.integers(1, 30))
def test_response_due_is_the_nth_working_day(sent, days):
    due = response_due(sent, days)
    assert is_working_day(due)
    assert working_days_between(sent, due) == days


def test_response_due_skips_christmas():
    assert response_due(date(2026, 12, 23)) == date(2027, 1, 4)  # 24–26 Dec, 1 Jan, weekends


def test_typ_deadlines_are_three_months():
    assert typ_plan_deadline(date(2025, 11, 30)) == date(2026, 2, 28)
    assert typ_next_review(date(2026, 3, 15)) == date(2026, 6, 15)
    with pytest.raises(ValueError):
        typ_plan_deadline(date(2024, 12, 31))


def test_long_services_pause_the_duty():
    assert pauses_job_search_duty("work_trial", 60)
    assert not pauses_job_search_duty("work_trial", 31)
    assert not pauses_job_search_duty("health_check", 90)
