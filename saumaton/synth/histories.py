"""Realistic pathway histories for a synthetic population, one ``PersonHistory`` per person.

``HistoryFactory(population).history(person)`` is pure and deterministic: each person draws from
their own ``random.Random`` seeded with the population's size, seed and the person's key, so the
population generator's output is unchanged and any one person's history can be made alone (in
any order, lazily — the loader streams them in batches instead of holding 50,000 histories).

What a history holds and where its rates come from is in docs/synthetic-data.md ("Pathway
histories"). In short: status periods, meetings booked from what the rules engine says is due
(``meeting_history``), the assessment and plan (``plan_history``), duty periods, applications
and failures with the engine's consequences (``duty_history``), and the profile
(``profiles``). Every person ends with exactly one scheduled meeting 1–20 working days ahead.

The showcase person (``showcase_key``) backs the ``jobseeker`` demo login: the first person of
the first area whose history has a plan, reported applications and an open failure the person
can give an account for (a recent no-show is forced for them).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from functools import cached_property

from saumaton.rules.calendar import add_months
from saumaton.synth import duty_history, plan_history, profiles
from saumaton.synth import history_text as text
from saumaton.synth.history_records import PersonHistory, StatusPeriodRecord
from saumaton.synth.meeting_history import FIRST_RULE_SET, MeetingSimulator
from saumaton.synth.records import PersonRecord, SyntheticPopulation
from saumaton.synth.refdata import municipalities

ONE_YEAR = 365
EARLIER_RUN_SHARE = 0.35  # UNCONFIRMED: people with an earlier unemployment run on record
SERVICE_SHARE_OF_LONG_TERM = 0.3  # UNCONFIRMED: long-term people with a service in that run
SERVICE_TYPES = ("labour_market_training", "work_trial", "job_search_coaching")
SHOWCASE_MIN_DAYS = 150  # long enough for several duty periods
SHOWCASE_CANDIDATES = 500


class HistoryFactory:
    def __init__(self, population: SyntheticPopulation):
        self.population = population
        self.today = population.today
        self.lead = {a.code: a.lead_municipality_code for a in population.areas}
        self._seed = f"saumaton.synth.histories:{population.size}:{population.seed}"

    def histories(self) -> Iterator[PersonHistory]:
        """Every person's history in population order (the showcase person's included)."""
        showcase = self.showcase_key
        for person in self.population.people:
            yield self.history(person, showcase=person.key == showcase)

    def history(self, person: PersonRecord, *, showcase: bool = False) -> PersonHistory:
        rng = random.Random(f"{self._seed}:{person.key}")
        today = self.today
        place = self._place(person)
        meetings = MeetingSimulator(person, today, rng, place).run(missed_before_today=showcase)
        profile = profiles.profile(person, today, self.lead[person.area_code], rng)
        interview = next(
            (
                m.starts_at.date()
                for m in meetings
                if m.kind == "initial_interview" and m.outcome == "held"
            ),
            None,
        )
        assessment = plan = None
        periods, failures = [], []
        days = plan_history.plan_days(meetings, rng)
        if interview is not None:
            assessment = plan_history.assessment(
                person,
                today,
                interview,
                bool(profile.limitations),
                rng,
                allow_multisectoral=not showcase,
            )
            periods, duty = duty_history.duty_periods(
                person, today, days, assessment.multisectoral_need, rng
            )
            degree = profile.educations[-1].degree
            plan = plan_history.plan(person, today, days, degree, duty, rng)
        failures = duty_history.failures(
            person, today, meetings, periods, rng, keep_last_open=showcase
        )
        return PersonHistory(
            person_key=person.key,
            status_periods=self._status_periods(person, rng),
            meetings=meetings,
            assessment=assessment,
            plan=plan,
            duty_periods=tuple(periods),
            failures=tuple(failures),
            profile=profile,
        )

    @cached_property
    def showcase_key(self) -> int | None:
        """The first person with a plan, reported applications and an open failure."""
        first_area = self.population.areas[0].code if self.population.areas else None
        candidates = [
            p
            for p in self.population.people[:SHOWCASE_CANDIDATES]
            if p.area_code == first_area
            and p.employment_status == "unemployed"
            and p.job_search_start >= FIRST_RULE_SET
            and (self.today - p.job_search_start).days >= SHOWCASE_MIN_DAYS
        ]
        for person in candidates:
            history = self.history(person, showcase=True)
            if (
                history.plan is not None
                and any(p.applications for p in history.duty_periods)
                and any(f.state == "open" for f in history.failures)
            ):
                return person.key
        return None

    def _place(self, person: PersonRecord) -> str:
        municipality = municipalities()[self.lead[person.area_code]]
        name = municipality.name_sv if person.language == "sv" else municipality.name_fi
        return f"{text.pick(text.OFFICE, person.language)}, {name}"

    def _status_periods(self, person: PersonRecord, rng: random.Random):
        """The current run from the start of job search; for some, an earlier run before it.

        Earlier runs end well before the current one (a job in between), so they never make the
        current unemployment look longer than the job search; some long-term jobseekers were
        in a service at the end of their earlier run.
        """
        start = person.job_search_start
        current = StatusPeriodRecord(person.employment_status, start, None)
        adult = add_months(person.birth_date, 18 * 12)
        if rng.random() >= EARLIER_RUN_SHARE:
            return (current,)
        job_start = start - timedelta(days=rng.randint(120, 1500))
        run_end = job_start - timedelta(days=1)
        run_start = run_end - timedelta(days=rng.randint(60, 400))
        if run_start < adult:
            return (current,)
        periods = [StatusPeriodRecord("unemployed", run_start, run_end)]
        if (self.today - start).days >= ONE_YEAR and rng.random() < SERVICE_SHARE_OF_LONG_TERM:
            longest = min(180, (run_end - run_start).days - 1)
            service_start = run_end - timedelta(days=rng.randint(30, longest))
            periods = [
                StatusPeriodRecord("unemployed", run_start, service_start - timedelta(days=1)),
                StatusPeriodRecord("in_service", service_start, run_end, rng.choice(SERVICE_TYPES)),
            ]
        employed = StatusPeriodRecord("employed", job_start, start - timedelta(days=1))
        return (*periods, employed, current)
