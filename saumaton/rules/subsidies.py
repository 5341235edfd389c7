"""Wage subsidy (*palkkatuki*) and the limits of other services (380/2023 ch. 6–10; 189/2001).

Why: the coach and the employer need the subsidy percentage and the longest period the law
allows for the case in hand, and the limits of work trials, the start-up grant and rehabilitative
work activity, before they agree anything. All values in force from 2025-01-01; the 916/2012
rules before that are not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from saumaton.rules.calendar import add_months
from saumaton.rules.errors import RuleInputError
from saumaton.rules.rulesets import ruleset_for

EMPLOYER_KINDS = (
    "company",
    "association",
    "foundation",
    "religious_community",
    "municipality",
    "joint_municipal_authority",
    "wellbeing_services_county",
    "state_agency",
)
_NON_BUSINESS = ("association", "foundation", "religious_community")  # 380/2023 §88
_MUNICIPAL = ("municipality", "joint_municipal_authority")  # 380/2023 §83(1) (1098/2024)


@dataclass(frozen=True)
class WageSubsidy:
    eligible: bool
    percent: int | None
    max_months: int | None
    extension_months: int | None
    pay_cost_multiplier: float | None
    section: str | None
    ruleset: date
    basis: tuple[str, ...]
    reason: str | None = None


def wage_subsidy(
    employer_kind: str,
    start: date,
    age: int,
    unemployed_months_in_last_14: int,
    reduced_work_ability: bool,
    *,
    unemployed_months_in_last_28: int | None = None,
) -> WageSubsidy:
    """Percentage and maximum duration; first matching case wins (RULES.md §14.1 lookup)."""
    if employer_kind not in EMPLOYER_KINDS:
        raise RuleInputError(
            f"unknown employer_kind; one of {', '.join(EMPLOYER_KINDS)}", "employer_kind"
        )
    if not 0 <= unemployed_months_in_last_14 <= 14:
        raise RuleInputError("must be within 0–14", "unemployed_months_in_last_14")
    if unemployed_months_in_last_28 is not None and not 0 <= unemployed_months_in_last_28 <= 28:
        raise RuleInputError("must be within 0–28", "unemployed_months_in_last_28")
    if not 15 <= age <= 120:
        raise RuleInputError("must be within 15–120", "age")
    rs = ruleset_for(start, "start")
    if not rs.wage_subsidy_in_scope.value:
        raise RuleInputError("wage subsidy before 2025 (916/2012 ch. 7) is not modelled", "start")
    base = rs.wage_subsidy_in_scope.basis

    def grant(percent, months, section, extension=None, multiplier=None) -> WageSubsidy:
        return WageSubsidy(
            True,
            percent,
            months,
            extension,
            multiplier,
            section,
            rs.effective,
            (f"380/2023 {section}", base),
        )

    def refuse(reason: str, section: str) -> WageSubsidy:
        return WageSubsidy(
            False,
            None,
            None,
            None,
            None,
            section,
            rs.effective,
            (f"380/2023 {section}", base),
            reason,
        )

    if employer_kind == "state_agency":
        return refuse("state agencies cannot receive wage subsidy", "§83")
    if reduced_work_ability:
        return grant(70, 10, "§87", extension=24)
    long_term_60 = age >= 60 and unemployed_months_in_last_14 >= 12
    if employer_kind in _MUNICIPAL and not long_term_60:
        return refuse("municipalities only under §87 or §89", "§83(1) (1098/2024)")
    if long_term_60:
        return grant(50, 24, "§89", extension=24)
    if (
        employer_kind in _NON_BUSINESS
        and unemployed_months_in_last_28 is not None
        and unemployed_months_in_last_28 >= 24
    ):
        return grant(100, 10, "§88", multiplier=1.23)
    return grant(50, 10 if unemployed_months_in_last_14 >= 12 else 5, "§86")


@dataclass(frozen=True)
class ServiceLimits:
    """Statutory limits of a service, each with its section."""

    service: str
    limits: dict[str, object]
    ruleset: date
    basis: tuple[str, ...]
    verified: bool


def service_limits(service: str, on: date, *, age: int | None = None) -> ServiceLimits:
    """Limits of the start-up grant, work trial or rehabilitative work activity on ``on``."""
    rs = ruleset_for(on, "on")
    if not rs.wage_subsidy_in_scope.value:
        raise RuleInputError("service limits before 2025 (916/2012) are not modelled", "on")
    if service == "start_up_grant":
        amount = rs.full_basic_daily_amount
        abolished = "basic_allowance" in rs.abolished_benefits.value
        return ServiceLimits(
            service,
            {"daily_amount_eur": amount.value, "days_per_week": 5, "months": 6, "max_months": 12},
            rs.effective,
            ("380/2023 §101(1)–(3)", amount.basis),
            not abolished,  # §101 refers to the basic allowance, abolished 2026-05-01
        )
    if service == "work_trial":
        reset = 3 if age is not None and age < 25 else 12
        return ServiceLimits(
            service,
            {
                "max_months": 6,
                "count_resets_after_unemployed_months": reset,
                "hours_per_day": [4, 8],
                "max_days_per_week": 5,
                "interrupt_after_absent_days": 5,
            },
            rs.effective,
            ("380/2023 §55", "380/2023 §57", "380/2023 §59"),
            True,
        )
    if service == "rehabilitative_work_activity":
        return ServiceLimits(
            service,
            {
                "period_months": [3, 24],
                "days_per_week": [1, 4],
                "min_hours_per_day": 4,
                "max_days_per_12_months": 178,
                "review_every_months": 3,
            },
            rs.effective,
            ("189/2001 §§13–14 (702/2020)", "189/2001 §9 (399/2023)"),
            True,
        )
    raise RuleInputError(
        "unknown service; one of start_up_grant, work_trial, rehabilitative_work_activity",
        "service",
    )


# ---- payment of the wage subsidy ------------------------------------------------------------

PAYMENT_PERIOD_MONTHS = (1, 2, 3)
CLAIM_WINDOW_MONTHS = 2
PAYMENT_BASIS = (
    "KEHA payment guidance 'Palkkatuen maksatushakemus': paid afterwards per payment period of "
    "1, 2 or 3 months; claim within 2 months of the end of the calendar month in which the "
    "period ends (VNA 1073/2012 §16 as applied; the 380/2023-era section not yet verified)",
)


@dataclass(frozen=True)
class PaymentPeriod:
    start: date
    end: date
    claim_deadline: date


def wage_subsidy_payment_schedule(
    start: date, end: date, period_months: int
) -> tuple[PaymentPeriod, ...]:
    """The subsidy's payment periods from ``start`` to ``end`` (inclusive), each with the last
    day its payment claim can be made; a claim made later has lapsed (basis: PAYMENT_BASIS)."""
    if period_months not in PAYMENT_PERIOD_MONTHS:
        raise RuleInputError("payment period is 1, 2 or 3 months", "period_months")
    if end < start:
        raise RuleInputError("the subsidy ends before it starts", "end")
    periods, begin, step = [], start, 1
    while begin <= end:
        finish = min(add_months(start, step * period_months) - timedelta(days=1), end)
        month_end = add_months(finish.replace(day=1), 1) - timedelta(days=1)
        deadline = add_months(month_end.replace(day=1), CLAIM_WINDOW_MONTHS + 1) - timedelta(days=1)
        periods.append(PaymentPeriod(begin, finish, deadline))
        begin, step = finish + timedelta(days=1), step + 1
    return tuple(periods)
