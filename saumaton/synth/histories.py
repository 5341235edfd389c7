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

EARLIER_RUN_SHARE = 0.35  # UNCONFIRMED: people with an earlier unemployment run on record
SERVICE_SHARE_OF_EARLIER_RUN = 0.25  # UNCONFIRMED: earlier runs that ended in a service, then a job
SERVICE_TYPES = ("labour_market_training", "work_trial", "coaching")
# Returning from a service to unemployment. Of services, 22 % end in the open labour market
# within 3 months (STATISTICS.md §8, TEM 2016, confirmed); most of the rest return to
# unemployment. Today's unemployed whose current spell began the day after a service: 20 %
# (UNCONFIRMED; with the earlier runs' services that end in a job, about 23 % of all the
# histories' services end in employment, near the TEM figure). A
# quarter of them came through two services back to back (UNCONFIRMED), which is what the
# "service to service" component of structural unemployment counts.
RETURNED_FROM_SERVICE_SHARE = 0.20
SERVICE_CHAIN_SHARE = 0.25
# Lengths in days by service: a work trial lasts at most 6 months in total (380/2023 §55,
# confirmed); training for months and coaching for weeks (UNCONFIRMED).
SERVICE_DAYS = {
    "coaching": (30, 90),
    "work_trial": (60, 180),
    "labour_market_training": (90, 270),
}
UNEMPLOYED_BEFORE_SERVICE_DAYS = (30, 365)  # UNCONFIRMED
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
        """The current run from the start of job search; for some, what came before it.

        Either the person came to the current run straight from a service (or two), after an
        earlier stretch of unemployment — a service ends the statistical unemployment spell, so
        the current one starts the day after it, as calibrated — or, for some, an earlier run
        ended well before the current one (a job in between), some of them in a service.
        Neither makes the current unemployment look longer than the job search.

        The service path draws from its own stream so that adding it left every other drawn
        fact of the histories as it was.
        """
        start = person.job_search_start
        current = StatusPeriodRecord(person.employment_status, start, None)
        adult = add_months(person.birth_date, 18 * 12)
        services = self._services_before(person, adult)
        if services:
            return (*services, current)
        if rng.random() >= EARLIER_RUN_SHARE:
            return (current,)
        job_start = start - timedelta(days=rng.randint(120, 1500))
        run_end = job_start - timedelta(days=1)
        run_start = run_end - timedelta(days=rng.randint(60, 400))
        if run_start < adult:
            return (current,)
        periods = [StatusPeriodRecord("unemployed", run_start, run_end)]
        if rng.random() < SERVICE_SHARE_OF_EARLIER_RUN:
            longest = min(180, (run_end - run_start).days - 1)
            service_start = run_end - timedelta(days=rng.randint(30, longest))
            periods = [
                StatusPeriodRecord("unemployed", run_start, service_start - timedelta(days=1)),
                StatusPeriodRecord("in_service", service_start, run_end, rng.choice(SERVICE_TYPES)),
            ]
        employed = StatusPeriodRecord("employed", job_start, start - timedelta(days=1))
        return (*periods, employed, current)

    def _services_before(self, person: PersonRecord, adult) -> tuple[StatusPeriodRecord, ...]:
        """Unemployment, then one or two services back to back, ending the day before the
        current run; empty for people who did not come from a service (and for laid-off and
        part-time people, whose run began with their work)."""
        rng = random.Random(f"{self._seed}:{person.key}:services")
        if person.employment_status != "unemployed" or rng.random() >= RETURNED_FROM_SERVICE_SHARE:
            return ()
        count = 2 if rng.random() < SERVICE_CHAIN_SHARE else 1
        periods: list[StatusPeriodRecord] = []
        end = person.job_search_start - timedelta(days=1)
        for _ in range(count):
            service = rng.choice(SERVICE_TYPES)
            start = end - timedelta(days=rng.randint(*SERVICE_DAYS[service]) - 1)
            periods.insert(0, StatusPeriodRecord("in_service", start, end, service))
            end = start - timedelta(days=1)
        start = end - timedelta(days=rng.randint(*UNEMPLOYED_BEFORE_SERVICE_DAYS) - 1)
        if start < adult:
            return ()
        return (StatusPeriodRecord("unemployed", start, end), *periods)
