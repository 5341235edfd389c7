"""Pathway histories: deterministic, within the law's calendar, at the documented rates.

A tenth of the ``small`` area (800 people) is built once and shared; the rates are checked with
tolerances wide enough for that sample and tight enough to catch a wrong constant.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta
from functools import cache
from itertools import pairwise

import numpy as np

from saumaton.analytics.metrics import person_indicators
from saumaton.analytics.timeline import StatusPeriod, Timeline
from saumaton.rules.calendar import add_working_days, is_working_day
from saumaton.rules.sanctions import EarlierFailure, failure_consequence
from saumaton.synth.generator import generate
from saumaton.synth.histories import SERVICE_TYPES, HistoryFactory
from saumaton.synth.history_records import PersonHistory
from saumaton.synth.records import SyntheticPopulation
from saumaton.synth.skill_pools import pool, transversal

TODAY = date(2026, 6, 1)
SCALE = 0.1


@cache
def population(seed: int = 1) -> SyntheticPopulation:
    return generate("small", seed=seed, today=TODAY, scale=SCALE)


@cache
def histories(seed: int = 1) -> tuple[PersonHistory, ...]:
    return tuple(HistoryFactory(population(seed)).histories())


def share(hits: int, total: int) -> float:
    assert total > 0
    return hits / total


def test_histories_are_deterministic_per_seed_and_differ_between_seeds():
    again = tuple(HistoryFactory(generate("small", 1, TODAY, scale=SCALE)).histories())
    assert again == histories(1)
    other = histories(2)
    assert [h.meetings for h in other[:50]] != [h.meetings for h in histories(1)[:50]]


def test_one_history_alone_equals_the_same_history_in_the_stream():
    factory = HistoryFactory(population())
    person = population().people[123]
    assert factory.history(person, showcase=person.key == factory.showcase_key) == histories()[123]


def test_histories_leave_the_generated_population_unchanged():
    before = generate("small", 1, TODAY, scale=SCALE)
    histories()
    assert generate("small", 1, TODAY, scale=SCALE) == before == population()


def test_every_person_has_exactly_one_future_meeting_on_a_working_day_in_office_hours():
    first, last = add_working_days(TODAY, 1), add_working_days(TODAY, 20)
    for h in histories():
        scheduled = [m for m in h.meetings if m.outcome == "scheduled"]
        assert len(scheduled) == 1
        meeting = scheduled[0]
        assert meeting is h.meetings[-1]
        day = meeting.starts_at.date()
        assert first <= day <= last
        assert is_working_day(day)
        ends = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
        assert meeting.starts_at.time() >= time(8) and ends.time() <= time(16)
        assert all(m.starts_at.date() < TODAY for m in h.meetings[:-1])


def test_past_meetings_are_on_working_days_in_order_and_late_ones_say_why():
    for h in histories():
        days = [m.starts_at for m in h.meetings]
        assert days == sorted(days)
        for m in h.meetings:
            assert is_working_day(m.starts_at.date())
            assert m.booked_on <= m.starts_at.date()
            late = m.due_date is not None and m.starts_at.date() > m.due_date
            assert bool(m.late_reason) == late


def test_initial_interviews_are_mostly_on_time_and_the_rest_weeks_late():
    on_time = late = 0
    waits = []
    for person, h in zip(population().people, histories(), strict=True):
        held = next(
            (m for m in h.meetings if m.kind == "initial_interview" and m.outcome == "held"), None
        )
        if held is None or held.due_date is None:
            continue
        if held.starts_at.date() <= held.due_date:
            on_time += 1
        else:
            late += 1
            waits.append((held.starts_at.date() - person.job_search_start).days)
    assert 0.60 <= share(on_time, on_time + late) <= 0.80
    assert sum(waits) / len(waits) >= 21  # weeks, not days (S§8: 35–46 days in some areas)


def test_no_show_share_is_five_to_eight_percent_of_meetings_under_the_rules():
    outcomes = [
        m.outcome
        for h in histories()
        for m in h.meetings
        if m.due_date is not None and m.outcome != "scheduled"
    ]
    assert 0.05 <= share(outcomes.count("no_show"), len(outcomes)) <= 0.08


def test_most_duty_periods_are_fulfilled_and_every_unmet_one_is_a_failure():
    evaluated = [p for h in histories() for p in h.duty_periods if p.evaluation != "open"]
    fulfilled = sum(p.evaluation == "fulfilled" for p in evaluated)
    assert 0.78 <= share(fulfilled, len(evaluated)) <= 0.92
    for h in histories():
        unmet = {p.key for p in h.duty_periods if p.evaluation == "not_fulfilled"}
        assert unmet == {f.period_key for f in h.failures if f.kind == "job_search_duty"}
        for p in h.duty_periods:
            assert all(p.start <= a.applied_on <= p.end for a in p.applications)
            assert all(a.applied_on < TODAY for a in p.applications)
            if p.evaluation != "open":
                assert p.counted == len(p.applications)
                assert (p.counted >= p.required) == (p.evaluation == "fulfilled")


def test_duty_periods_never_overlap():
    for h in histories():
        for before, after in zip(h.duty_periods, h.duty_periods[1:], strict=False):
            assert before.end < after.start


def test_consequences_are_what_the_rules_engine_says_given_earlier_failures():
    checked = 0
    for h in histories():
        earlier: list[EarlierFailure] = []
        for f in h.failures:
            answer = failure_consequence(
                f.kind, f.date, earlier, valid_reason=f.valid_reason or None
            )
            assert f.consequence["consequence"] == answer.consequence
            assert f.consequence["step"] == answer.step
            assert f.consequence["issuer"] == answer.issuer
            if answer.consequence != "none":
                earlier.append(EarlierFailure(f.kind, f.date, answer.consequence))
                assert f.statement is not None and f.state in ("open", "decided")
            else:
                assert f.statement is None and f.state == "excused"
            checked += 1
    assert checked > 50
    steps = {f.consequence["step"] for h in histories() for f in h.failures}
    assert {1, 2} <= steps  # repeat failures climb the ladder


def test_every_failure_points_at_its_missed_meeting_or_unmet_period():
    for h in histories():
        meetings = {m.key: m for m in h.meetings}
        for f in h.failures:
            if f.kind == "missed_meeting":
                assert meetings[f.meeting_key].outcome == "no_show"
                assert meetings[f.meeting_key].starts_at.date() == f.date


def test_plans_have_one_to_three_revisions_in_the_persons_language():
    sizes = set()
    for person, h in zip(population().people, histories(), strict=True):
        interview_held = any(
            m.kind == "initial_interview" and m.outcome == "held" for m in h.meetings
        )
        assert (h.plan is not None) == interview_held == (h.assessment is not None)
        if h.plan is None:
            continue
        sizes.add(len(h.plan.revisions))
        assert [r.version for r in h.plan.revisions] == list(range(1, len(h.plan.revisions) + 1))
        current = h.plan.revisions[-1]
        assert current.follow_up_deadline > current.saved_on
        assert current.content["goals"] and current.content["survey"]
        if person.language == "sv":
            assert "Arbetssökandet" in current.content["survey"]
        elif person.language == "en":
            assert "Job search started" in current.content["survey"]
        else:
            assert "Työnhaku alkanut" in current.content["survey"]
    assert sizes == {1, 2, 3}
    accepted = [h.plan.acceptance for h in histories() if h.plan]
    assert share(sum(bool(a) for a in accepted), len(accepted)) > 0.8


def test_profiles_follow_the_person_record():
    for person, h in zip(population().people, histories(), strict=True):
        p = h.profile
        assert 3 <= len(p.skills) <= 8
        allowed = set(transversal()) | (
            set(pool(person.last_occupation_isco)) if person.last_occupation_isco else set()
        )
        assert set(p.skills) <= allowed
        assert (person.mother_tongue, "native") in p.languages
        if person.last_occupation_isco:
            assert p.work[0].occupation_isco == person.last_occupation_isco
        levels = {e.level for e in p.educations}
        if person.education_level == "higher":
            assert levels & {"bachelor", "master"}
    limited = sum(bool(h.profile.limitations) for h in histories())
    assert 0.03 <= share(limited, len(histories())) <= 0.2


def test_status_periods_keep_the_current_run_from_the_job_search_start():
    for person, h in zip(population().people, histories(), strict=True):
        current = h.status_periods[-1]
        assert (current.status, current.start, current.end) == (
            person.employment_status,
            person.job_search_start,
            None,
        )
        for before, after in zip(h.status_periods, h.status_periods[1:], strict=False):
            assert before.end is not None and before.end < after.start


def test_services_end_in_work_unemployment_or_another_service_at_the_documented_rates():
    """About a fifth of services end in a job (TEM: 22 %); the rest in unemployment (the
    current run) or, for a quarter of those who return, in a second service."""
    after_service = Counter()
    returned = unemployed = 0
    for person, h in zip(population().people, histories(), strict=True):
        periods = h.status_periods
        for service, following in pairwise(periods):
            if service.status == "in_service":
                after_service[following.status] += 1
                assert service.service_type in SERVICE_TYPES
                assert following.start == service.end + timedelta(days=1)
        if person.employment_status == "unemployed":
            unemployed += 1
            returned += len(periods) > 1 and periods[-2].status == "in_service"
    assert set(after_service) == {"employed", "unemployed", "in_service"}
    assert 0.15 <= share(after_service["employed"], after_service.total()) <= 0.3
    assert 0.14 <= share(returned, unemployed) <= 0.26
    assert 0.15 <= share(after_service["in_service"], returned) <= 0.35


def test_the_histories_give_all_four_components_of_structural_unemployment():
    """The demo's structural unemployment is not only the long-term: people came back from
    services and moved from one service to the next (RULES.md §17)."""
    rows = [
        StatusPeriod(str(h.person_key), s.status, s.start, s.end, s.service_type or None)
        for h in histories()
        for s in h.status_periods
    ]
    people = person_indicators(Timeline(rows), np.datetime64("2026-03-31"))
    for component in (
        "long_term",
        "comparable_long_term",
        "after_services",
        "service_to_service",
    ):
        assert people[component].sum() > 0, component
    unemployed = people["unemployed"].sum()
    assert 0.02 <= share(people["after_services"].sum(), unemployed) <= 0.12


def test_the_showcase_person_has_a_plan_reports_and_an_open_failure():
    factory = HistoryFactory(population())
    key = factory.showcase_key
    assert key is not None
    h = histories()[key]
    assert h.plan is not None
    assert any(p.applications for p in h.duty_periods)
    assert any(f.state == "open" for f in h.failures)
