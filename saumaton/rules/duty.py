"""The job-search duty (*työnhakuvelvollisuus*, 380/2023 ch. 5 §§44–48).

Why: the employment plan must state how many job opportunities the jobseeker applies for in each
review period (*tarkastelujakso*), and the duty is then evaluated as a whole per period (TTL
2a:9(2), 2a:12). The count depends on the person's situation and on the rule set in force on the
first day of the periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from saumaton.rules.calendar import add_months
from saumaton.rules.errors import RuleInputError
from saumaton.rules.rulesets import Cited, Duty, ruleset_for

SITUATIONS = (
    "unemployed",  # §44(1): three 1-month periods of 4
    "part_time",  # §47(1): 1 per 3 months until 2025-12-31, full duty from 2026-01-01
    "laid_off",  # §46: starts 3 months after the lay-off starts
    "shortened_hours_layoff",  # §47(1)
    "self_study_no_vocational_qualification",  # §47(2): 3 per 3 months
)
_BASIS_REDUCTION = "380/2023 §44(3): fewer suitable opportunities, count reduced (reason recorded)"
_BASIS_NONE_SUITABLE = "380/2023 §44(3): no suitable opportunities, no duty"
_BASIS_SHORT = "380/2023 §44(4) (435/2024): only full 1-month periods before unemployment ends"
_BASIS_AFTER_WORK = "380/2023 §46 (435/2024): starts when work > 2 weeks at > 80 % ends"
_BASIS_AFTER_SERVICE = "380/2023 §46 (435/2024): from the conversation 1 month before the end"


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    required: int


@dataclass(frozen=True)
class DutyPlan:
    periods: tuple[Period, ...]
    exemption: str | None
    ruleset: date
    basis: tuple[str, ...]
    verified: bool


def job_search_duty(
    period_start: date,
    situation: str,
    *,
    lay_off_start: date | None = None,
    suitable_opportunities: int | None = None,
    exemption: str | None = None,
    expected_unemployment_end: date | None = None,
    work_end: date | None = None,
    service_end: date | None = None,
) -> DutyPlan:
    """The review periods and required counts, or the exemption that removes the duty."""
    if situation not in SITUATIONS:
        raise RuleInputError(f"unknown situation; one of {', '.join(SITUATIONS)}", "situation")
    rs = ruleset_for(period_start, "period_start")
    if exemption is not None:
        allowed = rs.duty_exemptions
        if exemption not in allowed.value:
            raise RuleInputError(
                f"unknown exemption; one of {', '.join(allowed.value)}", "exemption"
            )
        return DutyPlan((), exemption, rs.effective, (allowed.basis,), allowed.verified)

    rule: Cited[Duty] = {
        "unemployed": rs.duty_default,
        "laid_off": rs.duty_default,
        "part_time": rs.duty_part_time,
        "shortened_hours_layoff": rs.duty_shortened_hours_layoff,
        "self_study_no_vocational_qualification": rs.duty_self_study,
    }[situation]
    basis = [rule.basis]
    verified = rule.verified
    start = period_start
    if situation == "laid_off":
        if lay_off_start is None:
            raise RuleInputError("lay_off_start is required when laid off", "lay_off_start")
        start = max(start, add_months(lay_off_start, rs.duty_laid_off_start_months.value))
        basis.append(rs.duty_laid_off_start_months.basis)
        verified = verified and rs.duty_laid_off_start_months.verified
    if work_end is not None and work_end >= start:
        start = work_end + timedelta(days=1)
        basis.append(_BASIS_AFTER_WORK)
    if service_end is not None:
        start = max(start, add_months(service_end, -1))
        basis.append(_BASIS_AFTER_SERVICE)

    required = rule.value.required
    if suitable_opportunities is not None:
        if suitable_opportunities < 0:
            raise RuleInputError("must be 0 or more", "suitable_opportunities")
        if suitable_opportunities == 0:
            return DutyPlan(
                (), "no_suitable_opportunities", rs.effective, (_BASIS_NONE_SUITABLE,), True
            )
        if suitable_opportunities < required:
            required = suitable_opportunities
            basis.append(_BASIS_REDUCTION)

    periods = []
    for index in range(rule.value.periods):
        begin = add_months(start, index * rule.value.months)
        end = add_months(start, (index + 1) * rule.value.months) - timedelta(days=1)
        periods.append(Period(begin, end, required))
    if expected_unemployment_end is not None:
        periods = [p for p in periods if p.end <= expected_unemployment_end]
        basis.append(_BASIS_SHORT)
    return DutyPlan(tuple(periods), None, rs.effective, tuple(basis), verified)


# ---- evaluation of one review period ------------------------------------------------------

PERIOD_EXCUSES = {  # TTL 2a:12: valid reasons for not meeting the count
    "duty_not_per_law": "TTL 2a:12: the duty did not comply with 380/2023 §§44, 46–48",
    "hours_changed": "TTL 2a:12: working hours changed during the period",
    "full_time_work_two_weeks": "TTL 2a:12: ≥ 2 weeks of full-time unsubsidised work",
    "incapacity": "TTL 2a:12: incapacity for work",
}


@dataclass(frozen=True)
class Evaluation:
    fulfilled: bool
    counted: int
    required: int
    excuse: str | None
    basis: tuple[str, ...]


def evaluate_period(
    period: Period, applications: list[date] | tuple[date, ...], excuse: str | None = None
) -> Evaluation:
    """Evaluate a review period as a whole (TTL 2a:9(2)): applications inside it are counted."""
    if excuse is not None and excuse not in PERIOD_EXCUSES:
        raise RuleInputError(f"unknown excuse; one of {', '.join(PERIOD_EXCUSES)}", "excuse")
    counted = sum(1 for day in applications if period.start <= day <= period.end)
    met = counted >= period.required
    basis = ["TTL 2a:9(2) (1380/2021): evaluated as a whole per review period"]
    if not met and excuse is not None:
        basis.append(PERIOD_EXCUSES[excuse])
    return Evaluation(met or excuse is not None, counted, period.required, excuse, tuple(basis))
