"""The ecosystem's statutory rules: data sharing, referral response time, TYP deadlines."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.rules.calendar import is_working_day, working_days_between
from saumaton.rules.ecosystem import (
    DATA_CATEGORIES,
    onward_sharing_allowed,
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


# --- onward referrals by a partner ------------------------------------------------------------
onward_bases = st.sampled_from(["consent", "380/2023 §116", "381/2023 §15", ""])
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@given(categories, onward_bases, st.booleans(), st.booleans(), days)
def test_a_partner_passes_data_on_only_with_a_naming_consent_or_within_an_open_case(
    cats, basis, consent_ok, parties, on
):
    answer = onward_sharing_allowed(
        cats,
        legal_basis=basis,
        consent_names_receiver_and_covers=consent_ok,
        both_parties_of_open_case=parties,
        on=on,
    )
    expected = (basis == "consent" and consent_ok) or (
        basis == "381/2023 §15" and parties and on >= date(2025, 1, 1)
    )
    assert answer.allowed is expected
    assert (answer.reason == "") is expected


def test_onward_sharing_cites_its_basis():
    by_consent = onward_sharing_allowed(
        ["health"],
        legal_basis="consent",
        consent_names_receiver_and_covers=True,
        both_parties_of_open_case=False,
        on=date(2026, 3, 2),
    )
    within_case = onward_sharing_allowed(
        ["health"],
        legal_basis="381/2023 §15",
        consent_names_receiver_and_covers=False,
        both_parties_of_open_case=True,
        on=date(2026, 3, 2),
    )
    assert "§116(4)" in by_consent.basis
    assert within_case.basis == "381/2023 §15"


def test_a_partner_cannot_use_the_authoritys_provider_basis():
    answer = onward_sharing_allowed(
        ["contact"],
        legal_basis="380/2023 §116",
        consent_names_receiver_and_covers=True,
        both_parties_of_open_case=True,
        on=date(2026, 3, 2),
    )
    assert not answer.allowed
