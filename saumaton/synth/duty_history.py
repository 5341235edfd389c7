"""Job-search duty periods, reported applications, and the failures they and no-shows lead to.

Why through the rules engine: the periods come from ``rules.duty.job_search_duty`` for each plan
revision, their evaluation from ``rules.duty.evaluate_period``, and every failure's consequence
from ``rules.sanctions.failure_consequence`` given the earlier counted failures — the same calls
the casework services make — so the demo never shows a consequence the engine would not give.
"""

from __future__ import annotations

import random
from dataclasses import asdict
from datetime import date, timedelta

from saumaton.rules.duty import Period, evaluate_period, job_search_duty
from saumaton.rules.sanctions import EarlierFailure, failure_consequence
from saumaton.synth import history_text as text
from saumaton.synth.history_records import (
    ApplicationRecord,
    DutyPeriodRecord,
    FailureRecord,
    MeetingRecord,
    StatementRecord,
)
from saumaton.synth.meeting_history import FIRST_RULE_SET
from saumaton.synth.records import PersonRecord
from saumaton.synth.sampling import Categorical

SITUATION = {"unemployed": "unemployed", "laid_off": "laid_off", "part_time": "part_time"}
PERIOD_MET = 0.85  # UNCONFIRMED placeholder: share of review periods with the full count
EXTRA_APPLICATIONS = 2  # a met period has required + 0..2 applications
CHANNELS = Categorical(
    {"online": 0.7, "email": 0.15, "phone": 0.07, "in_person": 0.05, "other": 0.03}
)  # UNCONFIRMED
EVALUATION_DELAY_DAYS = (1, 8)  # some periods that ended last week are still unevaluated
VALID_REASON = 0.2  # UNCONFIRMED placeholder: failures excused by a valid reason
OPEN_DAYS = 14  # a failure stays open this long, awaiting the person's account
STATEMENT_DELAY_DAYS = (5, 25)
EXEMPTION = "multisectoral_support_need"  # 380/2023 §48


def duty_periods(
    person: PersonRecord,
    today: date,
    plan_days: list[date],
    exempt: bool,
    rng: random.Random,
) -> tuple[list[DutyPeriodRecord], list[tuple[int, int]]]:
    """Periods of every kept plan revision, and (periods, required) per revision for the plan.

    A revision's periods start on its day, or after the last period already running, so the
    periods never overlap (casework replaces only future periods without reports).
    """
    situation = SITUATION[person.employment_status]
    lay_off = person.job_search_start if situation == "laid_off" else None
    periods: list[DutyPeriodRecord] = []
    per_revision = []
    for day in plan_days:
        if day < FIRST_RULE_SET or exempt:
            per_revision.append((0, 0))
            continue
        start = max(day, periods[-1].end + timedelta(days=1)) if periods else day
        plan = job_search_duty(start, situation, lay_off_start=lay_off)
        basis = "; ".join(plan.basis)
        for period in plan.periods:
            periods.append(_period(person, today, len(periods), period, basis, rng))
        per_revision.append((len(plan.periods), plan.periods[0].required if plan.periods else 0))
    return periods, per_revision


def _period(
    person: PersonRecord, today: date, key: int, period: Period, basis: str, rng: random.Random
) -> DutyPeriodRecord:
    last_day = min(period.end, today - timedelta(days=1))
    if period.start > last_day:
        count = 0
    elif period.end < today:
        met = rng.random() < PERIOD_MET
        count = (
            period.required + rng.randint(0, EXTRA_APPLICATIONS)
            if met
            else rng.randint(0, period.required - 1)
        )
    else:
        elapsed = ((last_day - period.start).days + 1) / ((period.end - period.start).days + 1)
        count = int(period.required * elapsed * rng.uniform(0.6, 1.4))
    span = (last_day - period.start).days
    days = sorted(period.start + timedelta(days=rng.randint(0, span)) for _ in range(count))
    applications = tuple(_application(person, day, rng) for day in days)
    evaluated_on = period.end + timedelta(days=rng.randint(*EVALUATION_DELAY_DAYS))
    if evaluated_on >= today:
        return DutyPeriodRecord(
            key, period.start, period.end, period.required, basis, "open", None, "", None,
            applications,
        )  # fmt: skip
    result = evaluate_period(period, days)
    return DutyPeriodRecord(
        key=key,
        start=period.start,
        end=period.end,
        required=period.required,
        basis=basis,
        evaluation="fulfilled" if result.fulfilled else "not_fulfilled",
        evaluated_on=evaluated_on,
        evaluation_basis="; ".join(result.basis),
        counted=result.counted,
        applications=applications,
    )


def _application(person: PersonRecord, day: date, rng: random.Random) -> ApplicationRecord:
    isco = person.last_occupation_isco
    major = isco[0] if isco else rng.choice("59")
    return ApplicationRecord(
        employer=text.employer_name(major, rng),
        job_title=text.pick(rng.choice(text.lookup(text.JOB_TITLES, isco)), person.language),
        applied_on=day,
        channel=CHANNELS.draw(rng),
    )


def failures(
    person: PersonRecord,
    today: date,
    meetings: tuple[MeetingRecord, ...],
    periods: list[DutyPeriodRecord],
    rng: random.Random,
    *,
    keep_last_open: bool = False,
) -> list[FailureRecord]:
    """No-shows and unmet periods, in date order, each with the engine's consequence."""
    found = [
        (m.starts_at.date(), m.starts_at.date(), "missed_meeting", m.key, None)
        for m in meetings
        if m.outcome == "no_show" and m.starts_at.date() >= FIRST_RULE_SET
    ]
    found += [
        (p.end, p.evaluated_on, "job_search_duty", None, p.key)
        for p in periods
        if p.evaluation == "not_fulfilled"
    ]
    found.sort(key=lambda f: (f[0], f[2]))
    earlier: list[EarlierFailure] = []
    records = []
    for index, (day, recorded_on, kind, meeting_key, period_key) in enumerate(found):
        last = index == len(found) - 1
        is_open = recorded_on > today - timedelta(days=OPEN_DAYS) or (keep_last_open and last)
        reason = ""
        if not is_open and rng.random() < VALID_REASON:
            reason = rng.choice(text.VALID_REASONS_BY_KIND[kind])
        answer = failure_consequence(kind, day, earlier, valid_reason=reason or None)
        consequence = {
            key: value.isoformat() if isinstance(value, date) else value
            for key, value in asdict(answer).items()
        }
        if answer.consequence != "none":
            earlier.append(EarlierFailure(kind, day, answer.consequence))
        records.append(
            FailureRecord(
                kind=kind,
                date=day,
                recorded_on=recorded_on,
                meeting_key=meeting_key,
                period_key=period_key,
                valid_reason=reason,
                valid_reason_text=text.pick(text.VALID_REASON_TEXTS[reason], person.language)
                if reason
                else "",
                state="open" if is_open else "excused" if reason else "decided",
                consequence=consequence,
                statement=_statement(answer, recorded_on, today, is_open, rng),
            )
        )
    return records


def _statement(
    answer, recorded_on: date, today: date, is_open: bool, rng
) -> StatementRecord | None:
    """A drafted reminder or statement while the failure is open; issued once it is decided."""
    if answer.consequence == "none":
        return None
    reminder = answer.consequence == "reminder"
    issued_on = None
    if not is_open:
        delay = timedelta(days=rng.randint(*STATEMENT_DELAY_DAYS))
        issued_on = min(recorded_on + delay, today - timedelta(days=1))
    return StatementRecord(
        kind="reminder" if reminder else "statement",
        issuer=answer.issuer,
        deadline=answer.statement_deadline,
        state="draft" if is_open else "issued" if reminder else "delivered",
        issued_on=issued_on,
    )
