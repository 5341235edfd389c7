"""Municipal financing of unemployment benefits (*kunnan rahoitusosuus työttömyysetuuksista*).

Why: from 2025 the home municipality pays a share of every benefit day that rises with the
person's cumulative paid days, so each long unemployment costs the municipality more every
hundred days. The municipality must know the share of a day, the cost of a month and the dates
on which the share steps up.

Sources: TTL 14:3a–3d (385/2023) and Act 555/1998 §4 (387/2023), in force 2025-01-01; the old
TMT-only model (state 100 % to day 300, 50/50 to day 1,000, then 30/70) before that. The payer is
the home municipality recorded in VTJ on the payment day (TTL 14:3d(3)), invoiced monthly in
arrears by Kela (TTL 14:3d(1)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from saumaton.rules.calendar import weekdays_between
from saumaton.rules.errors import RuleInputError
from saumaton.rules.rulesets import (
    FINANCING_HISTORY,
    RULE_SETS,
    RuleSet,
    ShareStep,
    financing_ruleset_for,
)

BENEFITS = (
    "labour_market_subsidy",  # työmarkkinatuki (TMT), Kela, until 2026-04-30
    "basic_allowance",  # peruspäiväraha (PPR), Kela, until 2026-04-30
    "earnings_related_allowance",  # ansiopäiväraha (APR), unemployment funds
    "general_support",  # yleistuki, Kela, from 2026-05-01
)
COUNTER_RESETTING = ("basic_allowance", "earnings_related_allowance")  # TTL 14:3b(4)
PAYER = "home municipality in VTJ on the payment day (TTL 14:3d(3))"

_BASIS_LAY_OFF = "555/1998 §4(4): no state or municipal share for lay-off or extra days"
_BASIS_INTEGRATION = "TTL 14:3a(4) (325/2024, 962/2024): integration window, state-funded"
_BASIS_SERVICES_OLD = "TTL 14:3a (old model): no municipal share during services"
_BASIS_APR_COMPONENT = "555/1998 §4: share of the basic-allowance component of APR"


@dataclass(frozen=True)
class Share:
    """The municipal share of one paid benefit day and why."""

    share: float
    ruleset: date
    basis: tuple[str, ...]
    verified: bool


def _ladder_share(steps: tuple[ShareStep, ...], day_number: int) -> float:
    for step in steps:
        if step.upto is None or day_number <= step.upto:
            return step.share
    raise AssertionError("a share ladder ends with an unbounded step")


def _check_benefit(benefit: str, rs: RuleSet) -> None:
    if benefit not in BENEFITS:
        raise RuleInputError(
            f"unknown benefit {benefit!r}; one of {', '.join(BENEFITS)}", "benefit"
        )
    if benefit in rs.abolished_benefits.value:
        raise RuleInputError(
            f"{benefit} is not paid on this date: {rs.abolished_benefits.basis}", "benefit"
        )


def municipal_share(
    benefit: str,
    paid_day_number: int,
    payment_date: date,
    *,
    lay_off_day: bool = False,
    extra_day: bool = False,
    integration_window: bool = False,
    during_service: bool = False,
) -> Share:
    """The home municipality's share (0..1) of the ``paid_day_number``-th paid benefit day.

    ``paid_day_number`` is the cumulative count including this day (TTL 14:3a–3b: counted
    across TMT and preceding PPR/APR days, from 2015-01-01). The rule set is the one in force on
    ``payment_date`` (TTL 14:3d). For APR the share applies to its basic-allowance component only.
    """
    if paid_day_number < 1:
        raise RuleInputError("paid_day_number must be 1 or more", "paid_day_number")
    rs = financing_ruleset_for(payment_date)
    _check_benefit(benefit, rs)
    ladders = rs.share_ladders
    basis = [ladders.basis]
    verified = ladders.verified

    if benefit == "earnings_related_allowance":
        basis.append(_BASIS_APR_COMPONENT)
        if lay_off_day or extra_day:
            return Share(0.0, rs.effective, (_BASIS_LAY_OFF,), True)
    if integration_window:
        if benefit not in ("labour_market_subsidy", "general_support"):
            raise RuleInputError(
                "the integration window concerns labour market subsidy only", "integration_window"
            )
        return Share(0.0, rs.effective, (_BASIS_INTEGRATION,), benefit != "general_support")
    if during_service and rs.share_stops_during_services.value:
        return Share(0.0, rs.effective, (_BASIS_SERVICES_OLD,), True)

    if benefit == "general_support":
        steps = rs.general_support_share.value
        basis = [rs.general_support_share.basis]
        verified = rs.general_support_share.verified
    elif benefit in ladders.value:
        steps = ladders.value[benefit]
    else:  # the old model financed only TMT
        return Share(0.0, rs.effective, (f"{ladders.basis}; only TMT carried a share",), True)
    if steps is None:
        raise RuleInputError(rs.general_support_share.basis, "benefit")
    return Share(_ladder_share(steps, paid_day_number), rs.effective, tuple(basis), verified)


# ---- a person's benefit-day history ---------------------------------------------------------


@dataclass(frozen=True)
class BenefitSpell:
    """A continuous run of paid benefit (five days a week, Monday–Friday)."""

    start: date
    end: date
    benefit: str
    daily_amount: float | None = None  # € per day on which the share is taken; None = full basic
    lay_off: bool = False
    new_entitlement: bool = False  # a new maximum period started: the counter restarts


@dataclass(frozen=True)
class StepUp:
    """A date from which the municipal share of the person's days rises."""

    date: date
    paid_day_number: int
    share: float


@dataclass(frozen=True)
class MonthCost:
    """The municipal cost of one calendar month of a person's benefit days."""

    year: int
    month: int
    paid_days: int
    cost_eur: float
    rulesets: tuple[date, ...]
    basis: tuple[str, ...]
    verified: bool
    step_ups: tuple[StepUp, ...]


def nth_weekday(start: date, n: int) -> date:
    """The ``n``-th Monday–Friday day counting ``start`` itself as the first if it is one."""
    while start.weekday() >= 5:
        start += timedelta(days=1)
    weeks, rest = divmod(n - 1, 5)
    day = start + timedelta(weeks=weeks)
    while rest:
        day += timedelta(days=1)
        if day.weekday() < 5:
            rest -= 1
    return day


def _daily_amount(spell: BenefitSpell, rs: RuleSet) -> float:
    if spell.daily_amount is not None:
        return spell.daily_amount
    if rs.full_basic_daily_amount.value is None:
        raise RuleInputError(rs.full_basic_daily_amount.basis, "daily_amount")
    return rs.full_basic_daily_amount.value


def _sorted_spells(spells: list[BenefitSpell] | tuple[BenefitSpell, ...]) -> list[BenefitSpell]:
    ordered = sorted(spells, key=lambda s: s.start)
    for earlier, later in pairwise(ordered):
        if later.start <= earlier.end:
            raise RuleInputError("benefit spells overlap", "spells")
    for spell in ordered:
        if spell.end < spell.start:
            raise RuleInputError("a spell ends before it starts", "spells")
    return ordered


def monthly_municipal_cost(
    spells: list[BenefitSpell] | tuple[BenefitSpell, ...],
    year: int,
    month: int,
    *,
    prior_paid_days: int = 0,
) -> MonthCost:
    """Municipal cost of ``year-month`` and every step-up date in the history.

    ``prior_paid_days`` are days paid before the first spell (counting from 2015-01-01). Each
    benefit day is treated as its own payment day (the rule set of that day applies); Kela's
    real payment days trail by up to a payment period (docs/rules.md, interpretation F3).
    """
    first = date(year, month, 1)
    last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    counter = prior_paid_days
    cost = 0.0
    paid = 0
    rulesets: set[date] = set()
    basis: list[str] = []
    verified = True
    step_ups: list[StepUp] = []
    for spell in _sorted_spells(spells):
        if spell.new_entitlement and spell.benefit in COUNTER_RESETTING:
            counter = 0
        previous_share = None
        # Walk only the crossings and the target month, never the whole history day by day.
        for number_in_spell, day in _interesting_days(spell, counter, first, last):
            number = counter + number_in_spell
            share = municipal_share(
                spell.benefit, number, day, lay_off_day=spell.lay_off and _is_apr(spell)
            )
            if previous_share is not None and share.share > previous_share:
                step_ups.append(StepUp(day, number, share.share))
            previous_share = share.share
            if first <= day <= last:
                paid += 1
                cost += share.share * _daily_amount(spell, financing_ruleset_for(day))
                rulesets.add(share.ruleset)
                basis.extend(b for b in share.basis if b not in basis)
                verified = verified and share.verified
        counter += weekdays_between(spell.start, spell.end)
    return MonthCost(
        year,
        month,
        paid,
        round(cost, 2),
        tuple(sorted(rulesets)),
        tuple(basis),
        verified,
        tuple(step_ups),
    )


def _ladder_bounds() -> tuple[int, ...]:
    """Every step boundary of every share ladder of every rule set."""
    bounds: set[int] = set()
    for rs in (FINANCING_HISTORY, *RULE_SETS):
        ladders = list(rs.share_ladders.value.values())
        if rs.general_support_share.value is not None:
            ladders.append(rs.general_support_share.value)
        bounds.update(step.upto for steps in ladders for step in steps if step.upto is not None)
    return tuple(sorted(bounds))


_THRESHOLDS = _ladder_bounds()


def _is_apr(spell: BenefitSpell) -> bool:
    return spell.benefit == "earnings_related_allowance"


def _interesting_days(spell: BenefitSpell, counter: int, first: date, last: date):
    """(number within the spell, day) for each threshold day and each day of the month."""
    total = weekdays_between(spell.start, spell.end)
    numbers: set[int] = {1}
    for threshold in _THRESHOLDS:
        for edge in (threshold, threshold + 1):
            if 1 <= edge - counter <= total:
                numbers.add(edge - counter)
    lo, hi = max(spell.start, first), min(spell.end, last)
    if lo <= hi:
        before = weekdays_between(spell.start, lo - timedelta(days=1))
        numbers.update(range(before + 1, before + weekdays_between(lo, hi) + 1))
    for number in sorted(numbers):
        if number <= total:
            yield number, nth_weekday(spell.start, number)
