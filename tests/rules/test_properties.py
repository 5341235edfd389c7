"""Hypothesis properties of the rules (no time limits: deadlines=None)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.rules.calendar import (
    add_working_days,
    calendar_deadline,
    is_working_day,
    working_days_between,
)
from saumaton.rules.errors import RuleInputError
from saumaton.rules.financing import BENEFITS, municipal_share
from saumaton.rules.process import STATUSES, History, meetings_due
from saumaton.rules.sanctions import EarlierFailure, failure_consequence

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
rule_days = st.dates(min_value=date(2022, 5, 2), max_value=date(2030, 12, 31))
no_deadline = settings(deadline=None)


@no_deadline
@given(days, st.integers(min_value=0, max_value=400))
def test_a_deadline_is_a_working_day(start, n):
    assert is_working_day(calendar_deadline(start, n))
    if n:
        assert is_working_day(add_working_days(start, n))


@no_deadline
@given(days, st.integers(min_value=-300, max_value=300), st.integers(min_value=0, max_value=300))
def test_adding_working_days_is_monotonic(start, n, extra):
    assert add_working_days(start, n) <= add_working_days(start, n + extra)
    assert working_days_between(start, add_working_days(start, n)) == n


@no_deadline
@given(days, days, st.integers(min_value=0, max_value=30))
def test_adding_working_days_keeps_order(a, b, n):
    first, second = sorted((a, b))
    assert add_working_days(first, n) <= add_working_days(second, n)


@no_deadline
@given(st.sampled_from(BENEFITS), days, st.integers(min_value=1, max_value=2000))
def test_shares_never_decrease_with_days(benefit, payment, day):
    try:
        shares = [municipal_share(benefit, n, payment).share for n in (day, day + 1, day + 100)]
    except RuleInputError:
        return  # benefit not paid on that date
    assert shares == sorted(shares)
    assert all(0.0 <= s <= 1.0 for s in shares)


_ORDER = ("reminder", "benefit_loss", "work_requirement")


@no_deadline
@given(rule_days, st.lists(st.integers(min_value=1, max_value=200), min_size=1, max_size=8))
def test_the_ladder_never_skips_a_step(first, gaps):
    earlier: list[EarlierFailure] = []
    previous_step = 0
    day = first
    for gap in gaps:
        result = failure_consequence("missed_meeting", day, earlier)
        assert result.step is not None and result.step <= previous_step + 1
        if result.step > 1:
            assert result.step == previous_step + 1
        previous_step = result.step
        earlier.append(EarlierFailure("missed_meeting", day, result.consequence))
        day += timedelta(days=gap)


_meeting_days = st.lists(st.integers(min_value=0, max_value=900), max_size=14)


@settings(deadline=None, max_examples=400)
@given(
    rule_days,
    st.sampled_from(STATUSES),
    st.one_of(st.none(), st.integers(min_value=0, max_value=60)),
    _meeting_days,
    _meeting_days,
    st.booleans(),
    st.integers(min_value=0, max_value=1000),
    st.randoms(use_true_random=False),
)
def test_only_the_latest_job_search_conversation_and_no_order_matters(
    start, status, interview_after, jsc, supplementary, before_interview, on_after, rng
):
    """What the sweep relies on when it reads one conversation date per person."""
    interview = None if interview_after is None else start + timedelta(days=interview_after)
    conversations = [start + timedelta(days=d) for d in jsc]
    history = History(
        job_search_start=start,
        status=status,
        initial_interview=interview,
        supplementary_before_interview=before_interview,
        job_search_conversations=tuple(conversations),
        supplementary_conversations=tuple(start + timedelta(days=d) for d in supplementary),
    )
    on = start + timedelta(days=on_after)
    try:
        full = meetings_due(history, on)
    except RuleInputError:
        return
    shuffled = list(history.supplementary_conversations)
    rng.shuffle(shuffled)
    summary = History(
        job_search_start=start,
        status=status,
        initial_interview=interview,
        supplementary_before_interview=before_interview,
        job_search_conversations=tuple(sorted(conversations)[-1:]),
        supplementary_conversations=tuple(shuffled),
    )
    assert meetings_due(summary, on) == full
