"""The jobseeker's service process (*työnhakijan palveluprosessi*, 380/2023 ch. 4).

Why: the employment authority must hold the initial interview (*alkuhaastattelu*) and the
job-search conversations (*työnhakukeskustelut*) on a statutory rhythm, and the authorities'
own reviews found these deadlines widely missed. Given what has been held, this module says
which meeting is due next and by when, and cites why.

Rule-set selection (docs/rules.md, interpretations P1–P2): the initial-interview deadline follows
the rule set in force on the start of job search; the rhythm of later conversations follows the
rule set in force on the evaluation day ``on``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from saumaton.rules.calendar import (
    BASIS_COUNT_DAYS,
    BASIS_MOVE_DEADLINE,
    add_months,
    add_working_days,
    next_working_day,
)
from saumaton.rules.errors import RuleInputError
from saumaton.rules.rulesets import Cited, ruleset_for

STATUSES = (
    "unemployed",  # työtön
    "threatened",  # työttömyysuhanalainen
    "laid_off",  # lomautettu (full-time lay-off)
    "part_time",  # osa-aikatyössä (≤ 80 %)
    "shortened_hours_layoff",  # lyhennetyllä työviikolla lomautettu
)
PHASE1_STATUSES = ("unemployed", "threatened", "laid_off")  # 380/2023 §32(1)(1), §32(4)
BLOCK_STATUSES = ("unemployed", "laid_off")  # 380/2023 §32(1)(3): unemployed only


@dataclass(frozen=True)
class Deadline:
    """A statutory deadline with its rule set and basis."""

    deadline: date
    ruleset: date
    basis: tuple[str, ...]
    verified: bool


@lru_cache(maxsize=4096)
def initial_interview_deadline(job_search_start: date) -> Deadline:
    """Last day for the initial interview: N working days after the start of job search.

    380/2023 §31: 5 working days (2022-05-02 → 2025-12-31; an initial interview or a
    supplementary conversation), 10 working days from 2026-01-01 (HE 108/2025). The start day is
    not counted (150/1930 §2).
    """
    rs = ruleset_for(job_search_start, "job_search_start")
    rule = rs.initial_interview_working_days
    return Deadline(
        add_working_days(job_search_start, rule.value),
        rs.effective,
        (rule.basis, BASIS_COUNT_DAYS),
        rule.verified,
    )


@dataclass(frozen=True)
class History:
    """What the process record says about one job search, as plain facts.

    Of the job-search conversations only the latest counts (the schedule runs from it,
    §32(2)), and the order of the supplementary conversations does not matter: a caller with a
    long history may pass just the latest conversation (the sweep does; a property test in
    tests/rules/test_properties.py holds the rules to it).
    """

    job_search_start: date
    status: str = "unemployed"
    initial_interview: date | None = None
    supplementary_before_interview: bool = False
    job_search_conversations: tuple[date, ...] = ()
    supplementary_conversations: tuple[date, ...] = ()
    requested_supplementary: bool = False  # §32(3)–(4): held on request
    unemployment_ends_within_3_months: bool = False  # §32(3)
    long_service_end: date | None = None  # §33: expected end of a service lasting > 1 month


@dataclass(frozen=True)
class Meeting:
    """A meeting the law requires next."""

    kind: str  # initial_interview | job_search_conversation | supplementary_conversation
    due: date
    basis: tuple[str, ...]
    verified: bool
    window_start: date | None = None


@dataclass(frozen=True)
class MeetingsDue:
    ruleset: date
    meetings: tuple[Meeting, ...]
    notes: tuple[str, ...] = field(default=())


def _meeting(kind: str, due: date, rule: Cited, window_start: date | None = None) -> Meeting:
    """A calendar-counted due day, moved off a non-working day (150/1930 §5; interpretation C2)."""
    moved = next_working_day(due)
    basis = (rule.basis,) if moved == due else (rule.basis, BASIS_MOVE_DEADLINE)
    return Meeting(kind, moved, basis, rule.verified, window_start)


def meetings_due(history: History, on: date) -> MeetingsDue:
    """The next meeting of each kind that the law requires, with due dates and basis."""
    if history.status not in STATUSES:
        raise RuleInputError(f"unknown status; one of {', '.join(STATUSES)}", "status")
    if on < history.job_search_start:
        raise RuleInputError("evaluation day is before the start of job search", "on")
    rs = ruleset_for(on, "on")
    if history.initial_interview is None:
        first = initial_interview_deadline(history.job_search_start)
        meeting = Meeting("initial_interview", first.deadline, first.basis, first.verified)
        return MeetingsDue(rs.effective, (meeting,))
    anchor = history.initial_interview
    if anchor < history.job_search_start:
        raise RuleInputError(
            "initial interview is before the start of job search", "initial_interview"
        )
    notes: list[str] = []

    if history.long_service_end is not None and rs.long_service_rule.value:
        # §33: no conversations during a service > 1 month; one a month before its end, then a
        # supplementary conversation within a month of that (unless clearly unnecessary).
        jsc = add_months(history.long_service_end, -1)
        rule = rs.long_service_rule
        return MeetingsDue(
            rs.effective,
            (
                _meeting("job_search_conversation", jsc, rule),
                _meeting("supplementary_conversation", add_months(jsc, 1), rule, jsc),
            ),
        )

    skip = (
        history.unemployment_ends_within_3_months
        and rs.short_remaining_unemployment_skip.value
        and not history.requested_supplementary
    )
    if skip:
        notes.append(f"no scheduled conversations: {rs.short_remaining_unemployment_skip.basis}")
        return MeetingsDue(rs.effective, (), tuple(notes))

    after = sorted(d for d in history.supplementary_conversations if d >= anchor)
    meetings: list[Meeting] = []
    phase1_held: list[date] = []
    phase1 = rs.phase1_supplementary
    if phase1.value is not None:
        count, interval = phase1.value
        count -= history.supplementary_before_interview
        laid_off_excluded = (
            history.status == "laid_off"
            and rs.laid_off_phase1_only_on_request.value
            and not history.requested_supplementary
        )
        if history.status in PHASE1_STATUSES and not laid_off_excluded:
            phase1_held = after[:count]
            if len(phase1_held) < count:
                previous = phase1_held[-1] if phase1_held else anchor
                meetings.append(
                    _meeting(
                        "supplementary_conversation", previous + timedelta(days=interval), phase1
                    )
                )
        elif laid_off_excluded:
            notes.append(f"laid-off: phase-1 conversations only on request ({phase1.basis})")

    jsc_rule = rs.job_search_conversation_months
    jsc_from = max([anchor, *history.job_search_conversations])
    if rs.jsc_anchor_includes_phase1 and phase1_held:
        jsc_from = max(jsc_from, phase1_held[-1])
    meetings.append(
        _meeting("job_search_conversation", add_months(jsc_from, jsc_rule.value), jsc_rule)
    )

    block = rs.six_month_block
    if block.value is not None and history.status in BLOCK_STATUSES:
        months, conversations = block.value
        later = after[len(phase1_held) :]
        reference = max([anchor, *phase1_held[-1:], *later[-1:]])
        window_start = add_months(reference, months)
        rule = Cited(
            block.value, f"{block.basis}: {conversations} within one month", block.verified
        )
        meetings.append(
            _meeting("supplementary_conversation", add_months(window_start, 1), rule, window_start)
        )
    return MeetingsDue(rs.effective, tuple(sorted(meetings, key=lambda m: m.due)), tuple(notes))
