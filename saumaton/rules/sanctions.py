"""Failures and their consequences (*työvoimapoliittisesti moitittava menettely*).

Why: a statement officer must know what a failure leads to, under the law in force on the date
of the failure, and who issues the labour-policy statement (*työvoimapoliittinen lausunto*) by
when. The ladder (*seuraamusporrastus*) counts failures within a 12-month memory window
(*tarkastelujakso*) that starts at the first failure (TTL 2a:9–2a:10; 380/2023 §41):

- 2022-05-02 → 2026-02-28: written reminder (*muistutus*), 7 days, 14 days, then a 12-week work
  requirement (*työssäolovelvoite*);
- 2026-03-01 →: 7 days, then a 6-week work requirement (HE 108/2025; TyVM 9/2025).

Resigning (TTL 2a:1) and refusing a job (TTL 2a:4) are outside the ladder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from saumaton.rules.calendar import (
    BASIS_COUNT_DAYS,
    BASIS_MOVE_DEADLINE,
    add_months,
    calendar_deadline,
)
from saumaton.rules.errors import RuleInputError
from saumaton.rules.rulesets import RULE_SETS, RuleSet, ruleset_for

LADDER_KINDS = (
    "missed_meeting",  # TTL 2a:9(1)(1), (1a), (2)
    "job_search_duty",  # TTL 2a:9(1)(5)
    "refused_plan",  # TTL 2a:9(1)(3), (4), (12)
    "refused_service",  # TTL 2a:9(1)(7), (9), (11)
    "interrupted_service",  # TTL 2a:9(1)(8), (10)
    "not_applied_assigned_job",  # TTL 2a:9(1)(6)
)
OTHER_KINDS = ("resigned", "refused_job")  # TTL 2a:1, 2a:4
KINDS = LADDER_KINDS + OTHER_KINDS
CONSEQUENCES = ("none", "reminder", "benefit_loss", "work_requirement")

_SERVICE_KINDS = ("refused_service", "interrupted_service")
# Valid reasons (*pätevä syy*): the reason, its section, and the kinds it can excuse.
VALID_REASONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "illness_or_accident": ("TTL 2a:11", LADDER_KINDS),
    "independent_reason": ("TTL 2a:11", LADDER_KINDS),
    "advance_notice_accepted": ("TTL 2a:11", LADDER_KINDS),
    "not_reached_by_phone": ("TTL 2a:11", ("missed_meeting",)),
    "duty_not_per_law": ("TTL 2a:12", ("job_search_duty",)),
    "hours_changed": ("TTL 2a:12", ("job_search_duty",)),
    "full_time_work_two_weeks": ("TTL 2a:12", ("job_search_duty",)),
    "incapacity": ("TTL 2a:12", ("job_search_duty",)),
    "unsuitable_for_health": ("TTL 2a:14", _SERVICE_KINDS),
    "daily_travel_over_3_hours": ("TTL 2a:14", _SERVICE_KINDS),
    "safety_failure": ("TTL 2a:14", _SERVICE_KINDS),
    "deviates_from_plan": ("TTL 2a:14", _SERVICE_KINDS),
    "costs_not_covered": ("TTL 2a:14a (385/2023)", _SERVICE_KINDS),
    "acceptable_reason_to_resign": ("TTL 2a:1", ("resigned",)),
    "acceptable_reason_to_refuse": ("TTL 2a:4", ("refused_job",)),
}
_NEW_LADDER = next(rs.effective for rs in RULE_SETS if rs.ladder.value[0].consequence != "reminder")


@dataclass(frozen=True)
class EarlierFailure:
    kind: str
    date: date
    consequence: str


@dataclass(frozen=True)
class Consequence:
    """What a failure leads to, who states it and by when."""

    consequence: str
    days: int | None
    work_requirement_weeks: int | None
    issuer: str
    statement_deadline: date | None
    ruleset: date
    basis: tuple[str, ...]
    verified: bool
    step: int | None = None  # 1-based position on the ladder within the memory window
    starts: date | None = None  # first day without benefit, where the act says
    needs_review: bool = False
    notes: tuple[str, ...] = ()


def ladder_position(
    failure_date: date, earlier: list[EarlierFailure] | tuple[EarlierFailure, ...], months: int
) -> tuple[int, list[date]]:
    """Position of a failure within its memory window, and the earlier failures counted.

    The window starts at the first counted failure and lasts ``months`` (its last day included,
    150/1930 §3); the first failure after it starts a new window (docs/rules.md, S2). Failures
    excused by a valid reason (consequence ``none``) and non-ladder sanctions do not count.
    """
    dates = sorted(f.date for f in earlier if f.kind in LADDER_KINDS and f.consequence != "none")
    window_start: date | None = None
    for day in dates:
        if window_start is None or day > add_months(window_start, months):
            window_start = day
    if window_start is None or failure_date > add_months(window_start, months):
        return 1, []
    counted = [d for d in dates if d >= window_start]
    return 1 + len(counted), counted


def _statement(
    rs: RuleSet, consequence: str, start: date
) -> tuple[str, date | None, list[str], bool]:
    """Issuer and deadline of the labour-policy statement (TTL 11:4, 11:4a; decree 512/2024)."""
    if consequence == "reminder":
        return "employment_authority", None, ["380/2023 §41 (691/2023): reminder by the TVA"], True
    issuer = rs.statement_issuer
    days = rs.statement_deadline_days
    if days.value is None:
        return issuer.value, None, [issuer.basis, days.basis], issuer.verified
    return (
        issuer.value,
        calendar_deadline(start, days.value),
        [issuer.basis, days.basis, BASIS_COUNT_DAYS, BASIS_MOVE_DEADLINE],
        issuer.verified and days.verified,
    )


def failure_consequence(
    kind: str,
    failure_date: date,
    earlier_failures: list[EarlierFailure] | tuple[EarlierFailure, ...] = (),
    *,
    job_duration_days: int | None = None,
    valid_reason: str | None = None,
    last_initial_interview: date | None = None,
    month_count_reported: bool = False,
    clarification_received: date | None = None,
) -> Consequence:
    """The consequence of one failure under the rule set in force on ``failure_date``."""
    if kind not in KINDS:
        raise RuleInputError(f"unknown kind; one of {', '.join(KINDS)}", "kind")
    rs = ruleset_for(failure_date, "date")
    for index, earlier in enumerate(earlier_failures):
        if earlier.date > failure_date:
            raise RuleInputError(
                "an earlier failure is after this one", f"earlier_failures[{index}]"
            )
    statement_start = clarification_received or failure_date
    if clarification_received is not None and clarification_received < failure_date:
        raise RuleInputError("clarification received before the failure", "clarification_received")

    if valid_reason is not None:
        if valid_reason not in VALID_REASONS:
            raise RuleInputError(
                f"unknown valid_reason; one of {', '.join(VALID_REASONS)}", "valid_reason"
            )
        section, kinds = VALID_REASONS[valid_reason]
        if kind not in kinds:
            raise RuleInputError(f"{valid_reason} does not excuse {kind}", "valid_reason")
        issuer, deadline, basis, verified = _statement(rs, "none", statement_start)
        return Consequence(
            "none", None, None, issuer, deadline, rs.effective, (section, *basis), verified
        )

    if kind == "resigned":
        return _resigned(rs, failure_date, job_duration_days, statement_start)
    if kind == "refused_job":
        return _refused_job(rs, failure_date, job_duration_days, statement_start)
    if kind == "not_applied_assigned_job":
        excused = _assigned_job_excuse(
            rs, failure_date, last_initial_interview, month_count_reported
        )
        if excused is not None:
            return excused

    window = rs.memory_window_months
    position, counted = ladder_position(failure_date, earlier_failures, window.value)
    steps = rs.ladder.value
    step = steps[min(position, len(steps)) - 1]
    verified = rs.ladder.verified and (
        position <= len(steps) or rs.ladder_beyond_last_step_verified
    )
    notes: list[str] = []
    needs_review = False
    if rs.effective >= _NEW_LADDER and any(d < _NEW_LADDER for d in counted):
        needs_review = True
        notes.append(
            "earlier failures before 2026-03-01 counted in the new ladder: transition unconfirmed"
        )
    if not verified:
        notes.append("a third or later failure in the new ladder: consequence unconfirmed")
    issuer, deadline, statement_basis, statement_verified = _statement(
        rs, step.consequence, statement_start
    )
    return Consequence(
        step.consequence,
        step.days,
        step.weeks,
        issuer,
        deadline,
        rs.effective,
        (rs.ladder.basis, window.basis, *statement_basis),
        verified and statement_verified,
        step=position,
        needs_review=needs_review or not verified,
        notes=tuple(notes),
    )


def _assigned_job_excuse(
    rs: RuleSet, failure_date: date, last_interview: date | None, count_reported: bool
) -> Consequence | None:
    """Before 2026 an assigned vacancy bound only 6 months after the interview (TTL 2a:9, 2a:13)."""
    after = rs.assigned_job_binding_after_months
    if (
        after.value is not None
        and last_interview is not None
        and failure_date < add_months(last_interview, after.value)
    ):
        return Consequence(
            "none", None, None, "employment_authority", None, rs.effective, (after.basis,), True
        )
    excused = rs.assigned_job_excused_by_met_count
    if excused.value and count_reported:
        return Consequence(
            "none", None, None, "employment_authority", None, rs.effective, (excused.basis,), True
        )
    return None


def _resigned(rs: RuleSet, end: date, job_days: int | None, start: date) -> Consequence:
    """TTL 2a:1: 45 days from the end of employment; 30 if the job would have lasted ≤ 5 days."""
    days, short_days, limit = rs.resignation_days.value
    length = short_days if job_days is not None and job_days <= limit else days
    return _fixed_benefit_loss(rs, rs.resignation_days, length, end, start)


def _refused_job(rs: RuleSet, refused: date, job_days: int | None, start: date) -> Consequence:
    """TTL 2a:4: 45 days starting 30 days after the refusal; 30 if the job was ≤ 2 weeks."""
    days, short_days, limit, delay = rs.refusal_days.value
    length = short_days if job_days is not None and job_days <= limit else days
    return _fixed_benefit_loss(rs, rs.refusal_days, length, refused + timedelta(days=delay), start)


def _fixed_benefit_loss(rs: RuleSet, rule, length: int, starts: date, start: date) -> Consequence:
    """A benefit loss of fixed length outside the ladder, with its statement's issuer."""
    issuer, deadline, basis, statement_verified = _statement(rs, "benefit_loss", start)
    return Consequence(
        "benefit_loss",
        length,
        None,
        issuer,
        deadline,
        rs.effective,
        (rule.basis, *basis),
        rule.verified and statement_verified,
        starts=starts,
    )


@dataclass(frozen=True)
class Restoration:
    """Whether a work requirement has been met (*työssäolovelvoitteen täyttyminen*)."""

    restored: bool
    remaining_weeks: int
    issuer: str
    ruleset: date
    basis: tuple[str, ...]
    verified: bool


def work_requirement_restoration(imposed_on: date, qualifying_weeks: int) -> Restoration:
    """Restoration after the qualifying weeks of work or services (TTL 2a:10(2)).

    The rule set of the imposing failure decides the length (12 weeks until 2026-02-28, 6 weeks
    from 2026-03-01). Restoration is decided by the employment authority: TTL 11:4a (438/2024)
    leaves it out of KEHA's centralised items.
    """
    if qualifying_weeks < 0:
        raise RuleInputError("qualifying_weeks must be 0 or more", "qualifying_weeks")
    rs = ruleset_for(imposed_on, "imposed_on")
    rule = rs.work_requirement_restoration_weeks
    remaining = max(0, rule.value - qualifying_weeks)
    return Restoration(
        remaining == 0,
        remaining,
        "employment_authority",
        rs.effective,
        (rule.basis, "TTL 11:4a (438/2024): restoration stays with the TVA"),
        rule.verified,
    )
