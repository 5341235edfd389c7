"""The service-need assessment and the employment plan of one synthetic pathway.

Why here: the plan is drawn up at the initial interview and revised at the job-search
conversations (380/2023 §§35–38), so its revisions are dated by the held meetings the meeting
simulation produced. Only the last one to three revisions are generated (a long-term
jobseeker's plan of five years ago adds rows, not realism); version 1 is the oldest one kept.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from saumaton.rules.calendar import add_months
from saumaton.synth import history_text as text
from saumaton.synth.history_records import (
    AssessmentRecord,
    MeetingRecord,
    PlanRecord,
    PlanRevisionRecord,
)
from saumaton.synth.records import PersonRecord
from saumaton.synth.sampling import Categorical

PLAN_MEETINGS = ("initial_interview", "job_search_conversation")
REVISIONS = Categorical({1: 0.3, 2: 0.35, 3: 0.35})  # the brief's 1–3; split UNCONFIRMED
ACCEPTED = 0.9  # UNCONFIRMED
ACCEPTANCE = Categorical({"electronic": 0.75, "signed": 0.25})  # UNCONFIRMED
ACCEPTED_WITHIN_DAYS = 3
FOLLOW_UP_MONTHS = 3  # the next job-search conversation (380/2023 §32(1)(2))
# Multisectoral support need (381/2023) by length of the job search; UNCONFIRMED placeholders.
MULTISECTORAL = ((730, 0.20), (365, 0.10), (0, 0.03))
ONE_YEAR = 365


def plan_days(meetings: tuple[MeetingRecord, ...], rng: random.Random) -> list[date]:
    """The days of the kept plan revisions: the last 1–3 held interviews and conversations."""
    held = [m.starts_at.date() for m in meetings if m.outcome == "held" and m.kind in PLAN_MEETINGS]
    return held[-REVISIONS.draw(rng) :] if held else []


def assessment(
    person: PersonRecord,
    today: date,
    interview: date,
    has_limitations: bool,
    rng: random.Random,
    *,
    allow_multisectoral: bool = True,
) -> AssessmentRecord:
    days = (today - person.job_search_start).days
    age = today.year - person.birth_date.year
    share = next(p for threshold, p in MULTISECTORAL if days >= threshold)
    if days >= ONE_YEAR:
        risk = "high" if rng.random() < 0.6 else "medium"
    elif age >= 55 or person.education_level == "basic_or_unknown":
        risk = "medium" if rng.random() < 0.7 else "high"
    else:
        risk = "low" if rng.random() < 0.7 else "medium"
    language = person.language
    field = text.pick(text.lookup(text.FIELDS, person.last_occupation_isco), language)
    return AssessmentRecord(
        assessed_on=interview,
        skills_and_goals=text.pick(text.SKILLS_AND_GOALS, language).format(field=field),
        work_capacity=text.pick(text.WORK_CAPACITY[has_limitations], language),
        job_search_skills=text.pick(rng.choice(text.JOB_SEARCH_SKILLS), language),
        prolonged_unemployment_risk=risk,
        multisectoral_need=allow_multisectoral and rng.random() < share,
    )


def plan(
    person: PersonRecord,
    today: date,
    days: list[date],
    degree: str,
    duty: list[tuple[int, int]],
    rng: random.Random,
) -> PlanRecord:
    """Revisions on ``days``; ``duty`` gives (periods, required) per revision, (0, 0) if exempt."""
    language = person.language
    field = text.pick(text.lookup(text.FIELDS, person.last_occupation_isco), language)
    title = text.pick(
        rng.choice(text.lookup(text.JOB_TITLES, person.last_occupation_isco)), language
    )
    survey = text.pick(text.SURVEY, language).format(
        start=person.job_search_start.strftime("%d.%m.%Y"),
        degree=degree,
        field=field,
        title_lower=title.lower(),
    )
    revisions = []
    for version, (day, (periods, required)) in enumerate(zip(days, duty, strict=True), 1):
        follow_up = add_months(day, FOLLOW_UP_MONTHS)
        goals = rng.sample(text.GOALS, rng.randint(1, 3))
        actions = [text.ACTIONS[0]] if required else []
        actions += rng.sample(text.ACTIONS[1:], rng.randint(0 if required else 1, 2))
        revisions.append(
            PlanRevisionRecord(
                version=version,
                saved_on=day,
                content={
                    "survey": survey,
                    "goals": [text.pick(goal, language) for goal in goals],
                    "actions": [
                        {
                            "text": text.pick(words, language),
                            "service": service,
                            "start": day.isoformat(),
                            "end": follow_up.isoformat(),
                        }
                        for words, service in actions
                    ],
                },
                follow_up_method=text.pick(text.FOLLOW_UP_METHOD, language),
                follow_up_deadline=follow_up,
                duty_periods=periods,
                duty_required=required,
            )
        )
    accepted_at, acceptance = None, ""
    if rng.random() < ACCEPTED:
        # The same day or a few days later, but never today: the demo has no future events.
        delay = min(rng.randint(0, ACCEPTED_WITHIN_DAYS), (today - days[-1]).days - 1)
        day = days[-1] + timedelta(days=delay)
        accepted_at = datetime.combine(day, time(rng.randint(8, 20), rng.randrange(60)))
        acceptance = ACCEPTANCE.draw(rng)
    return PlanRecord(tuple(revisions), accepted_at, acceptance)
