"""Wage subsidy payment periods: they tile the subsidy exactly, and each claim deadline is two
months from the end of the calendar month in which its period ends."""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saumaton.rules.errors import RuleInputError
from saumaton.rules.subsidies import wage_subsidy_payment_schedule


def test_a_known_schedule():
    periods = wage_subsidy_payment_schedule(date(2026, 1, 15), date(2026, 7, 14), 2)
    assert [(p.start, p.end, p.claim_deadline) for p in periods] == [
        (date(2026, 1, 15), date(2026, 3, 14), date(2026, 5, 31)),
        (date(2026, 3, 15), date(2026, 5, 14), date(2026, 7, 31)),
        (date(2026, 5, 15), date(2026, 7, 14), date(2026, 9, 30)),
    ]


def test_bad_input_is_refused():
    with pytest.raises(RuleInputError):
        wage_subsidy_payment_schedule(date(2026, 1, 1), date(2026, 2, 1), 4)
    with pytest.raises(RuleInputError):
        wage_subsidy_payment_schedule(date(2026, 2, 1), date(2026, 1, 1), 1)


@given(
    start=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
    days=st.integers(0, 800),
    months=st.sampled_from((1, 2, 3)),
)
def test_periods_tile_the_subsidy(start, days, months):
    end = start + timedelta(days=days)
    periods = wage_subsidy_payment_schedule(start, end, months)
    assert periods[0].start == start and periods[-1].end == end
    for before, after in pairwise(periods):
        assert after.start == before.end + timedelta(days=1)
    for p in periods:
        assert p.start <= p.end
        assert date(p.end.year, p.end.month, 1) + timedelta(days=59) <= p.claim_deadline
        assert p.claim_deadline < date(p.end.year, p.end.month, 1) + timedelta(days=95)
