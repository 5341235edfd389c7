"""Which unemployment benefit a synthetic jobseeker receives on ``today``, and its day counter.

Follows the law in force on ``today`` (RULES.md §11–12): until 2026-04-30 the earnings-related
allowance (fund members), the basic allowance (others meeting the employment condition) or the
labour market subsidy; from 2026-05-01 general support replaces the last two. An allowance ends
at its maximum days and the person moves on to the subsidy or general support.

``paid_days_to_date`` is the cumulative day count of the current entitlement as the financing
ladder counts it (R§12.2: subsidy days are added to the preceding allowance days). Simplified:
5 benefit days a week since the job search started, minus the 7-day waiting period, times a
drawn paid share (gaps, sanctions); the long-term also carry days from earlier spells; part-time
workers' adjusted benefit counts in proportion. Whether pre-May-2026 days carry into general
support is UNCONFIRMED (R§12.3); the generator carries them.
"""

from __future__ import annotations

import random
from datetime import date

from saumaton.synth import calibration as cal

EARNINGS_RELATED = "earnings_related_allowance"
BASIC_ALLOWANCE = "basic_allowance"
LABOUR_MARKET_SUBSIDY = "labour_market_subsidy"
GENERAL_SUPPORT = "general_support"
DAYS_PER_YEAR = 365.25


def draw_benefit(
    rng: random.Random,
    *,
    today: date,
    job_search_start: date,
    age: int,
    foreign: bool,
    employment_status: str,
) -> tuple[str | None, int]:
    """(benefit, paid_days_to_date) for one person; (None, 0) when nothing is paid."""
    if rng.random() < cal.NO_BENEFIT_SHARE:
        return None, 0
    elapsed = (today - job_search_start).days
    paid = _days_paid(rng, elapsed, employment_status)
    without_allowance = (
        GENERAL_SUPPORT if today >= cal.GENERAL_SUPPORT_FROM else LABOUR_MARKET_SUBSIDY
    )
    if rng.random() < _fund_member_share(age, foreign):
        allowance = EARNINGS_RELATED
    elif (
        today < cal.GENERAL_SUPPORT_FROM
        and rng.random() < cal.EMPLOYMENT_CONDITION_SHARE_NON_MEMBERS
    ):
        allowance = BASIC_ALLOWANCE
    else:
        return without_allowance, paid
    if paid <= _maximum_days(rng, age - elapsed / DAYS_PER_YEAR):
        return allowance, paid
    return without_allowance, paid


def _days_paid(rng: random.Random, elapsed: int, employment_status: str) -> int:
    share = rng.uniform(*cal.PAID_SHARE_OF_ELAPSED_DAYS)
    weekdays = elapsed * cal.BENEFIT_DAYS_PER_WEEK / 7
    days = max(0, int(weekdays * share) - cal.WAITING_PERIOD_DAYS)
    if employment_status == "part_time":
        days = int(days * cal.PART_TIME_DAY_FRACTION)
    if elapsed >= 365:
        days += rng.randint(*cal.EARLIER_HISTORY_DAYS_LONG_TERM)
    return days


def _fund_member_share(age: int, foreign: bool) -> float:
    if age < 25:
        return cal.FUND_MEMBER_SHARE["under_25"]
    if foreign:
        return cal.FUND_MEMBER_SHARE["foreign"]
    return cal.FUND_MEMBER_SHARE["other"]


def _maximum_days(rng: random.Random, age_at_start: float) -> int:
    """Maximum allowance days (R§11): 500 if the condition was met at 58+, 300 with a short
    work history, otherwise 400."""
    if age_at_start >= cal.AGE_FOR_LONGER_MAXIMUM:
        return cal.MAX_ALLOWANCE_DAYS_AGED
    if rng.random() < cal.SHORT_WORK_HISTORY_SHARE:
        return cal.MAX_ALLOWANCE_DAYS_SHORT_HISTORY
    return cal.MAX_ALLOWANCE_DAYS
