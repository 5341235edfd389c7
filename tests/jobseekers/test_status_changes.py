"""A coach changes a person's employment status or ends the job search (380/2023 §28).

The rules of ``jobseekers.status_changes``: the periods stay contiguous with one open period
while the job search is open; every refusal names its field and changes nothing; ending the
search cancels what lies ahead and takes the person out of the seam guard and the work queue.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saumaton.audit.models import Event
from saumaton.casework.models import AttentionItem, Meeting
from saumaton.casework.queues import coach_queue
from saumaton.casework.sweep import sweep
from saumaton.jobseekers.errors import JobseekerError
from saumaton.jobseekers.models import EmploymentStatusPeriod, JobseekerCustomership
from saumaton.jobseekers.status_changes import change_status, end_job_search
from tests.factories import CustomershipFactory, MembershipFactory

START = date(2026, 3, 2)  # the job search of ``world.person`` (tests.factories)
Status = EmploymentStatusPeriod.Status


@pytest.fixture
def person(world):
    """``world.person`` as registration leaves them: unemployed since the job search began."""
    EmploymentStatusPeriod.objects.create(
        person=world.person, status=Status.UNEMPLOYED, start=START
    )
    return world.person


def snapshot(person):
    return (
        list(person.status_periods.values_list("status", "service_type", "start", "end")),
        list(person.customerships.values_list("status", "end_date", "end_reason")),
        list(Meeting.objects.values_list("pk", "outcome")),
        list(AttentionItem.objects.values_list("pk", "resolved_on")),
        Event.objects.count(),
    )


def periods(person):
    return list(person.status_periods.order_by("start").values_list("status", "start", "end"))


def assert_contiguous(person):
    rows = periods(person)
    assert [end for _s, _start, end in rows].count(None) == 1
    assert rows[-1][2] is None
    for (_s, _a, end), (_t, start, _b) in pairwise(rows):
        assert end == start - timedelta(days=1)


def meeting(person, coach, *, days):
    return Meeting.objects.create(
        person=person,
        customership=person.customerships.get(end_date__isnull=True),
        kind=Meeting.Kind.JOB_SEARCH_CONVERSATION,
        starts_at=timezone.now() + timedelta(days=days),
        channel=Meeting.Channel.PHONE,
        coach=coach,
    )


# Changing the status -------------------------------------------------------------------------


def test_a_lay_off_closes_unemployment_the_day_before_and_mirrors_the_search(world, person):
    coach = world.users["coach"]
    change_status(coach, person, Status.LAID_OFF, date(2026, 5, 4), reason="Lomautusilmoitus")
    assert periods(person) == [
        (Status.UNEMPLOYED, START, date(2026, 5, 3)),
        (Status.LAID_OFF, date(2026, 5, 4), None),
    ]
    assert person.customerships.get().status == "laid_off"
    event = person.events.get(type=Event.Type.STATUS_CHANGED)
    assert (event.actor, event.organisation, event.legal_basis) == (
        coach,
        world.authority,
        "380/2023 §27 (status)",
    )
    assert event.payload == {
        "from": "unemployed",
        "to": "laid_off",
        "service_type": "",
        "start": "2026-05-04",
        "reason": "Lomautusilmoitus",
    }


def test_a_service_names_its_type_and_leaves_the_search_status_alone(world, person):
    change_status(world.users["coach"], person, Status.IN_SERVICE, date(2026, 4, 1), "work_trial")
    current = person.status_periods.get(end__isnull=True)
    assert (current.status, current.service_type) == (Status.IN_SERVICE, "work_trial")
    assert person.customerships.get().status == "unemployed"
    change_status(world.users["coach"], person, Status.IN_SERVICE, date(2026, 6, 1), "coaching")
    assert_contiguous(person)


def test_a_first_status_opens_from_the_job_search_when_none_is_open(world):
    change_status(world.users["coach"], world.person, Status.STUDYING, date(2026, 8, 1))
    assert periods(world.person) == [(Status.STUDYING, date(2026, 8, 1), None)]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((Status.PART_TIME, date(2026, 2, 1)), "start"),  # before the open period
        ((Status.PART_TIME, START), "start"),  # the same day: no empty period
        ((Status.PART_TIME, None), "start"),  # tomorrow
        ((Status.UNEMPLOYED, date(2026, 5, 1)), "status"),  # already so
        (("retired", date(2026, 5, 1)), "status"),
        ((Status.IN_SERVICE, date(2026, 5, 1)), "service_type"),
        ((Status.IN_SERVICE, date(2026, 5, 1), "sauna"), "service_type"),
        ((Status.STUDYING, date(2026, 5, 1), "education"), "service_type"),
    ],
)
def test_a_refused_change_names_its_field_and_changes_nothing(world, person, args, field):
    if args[1] is None:
        args = (args[0], timezone.localdate() + timedelta(days=1))
    before = snapshot(person)
    with pytest.raises(JobseekerError) as refused:
        change_status(world.users["coach"], person, *args)
    assert refused.value.field == field and refused.value.message
    assert snapshot(person) == before


def test_no_change_without_an_open_job_search(world, person):
    person.customerships.update(end_date=date(2026, 4, 1), end_reason="cancelled")
    before = snapshot(person)
    with pytest.raises(JobseekerError, match="no open job search"):
        change_status(world.users["coach"], person, Status.STUDYING, date(2026, 5, 1))
    assert snapshot(person) == before


def test_staff_of_another_organisation_cannot_change_the_status(world, person):
    stranger = MembershipFactory(organisation=world.other_authority).user
    before = snapshot(person)
    with pytest.raises(JobseekerError, match="only its staff"):
        change_status(stranger, person, Status.STUDYING, date(2026, 5, 1))
    assert snapshot(person) == before


def test_the_second_of_two_coaches_is_told_the_status_changed_meanwhile(world, person):
    seen = person.status_periods.get(end__isnull=True).pk  # both open the page
    change_status(
        world.users["coach"], person, Status.PART_TIME, date(2026, 5, 4), expected_period=seen
    )
    before = snapshot(person)
    with pytest.raises(JobseekerError, match="changed the status meanwhile"):
        change_status(
            world.users["unit_lead"],
            person,
            Status.STUDYING,
            date(2026, 6, 1),
            expected_period=seen,
        )
    assert snapshot(person) == before  # the first coach's change stands


SERVICES = ("coaching", "work_trial")
STEPS = st.lists(
    st.tuples(
        st.sampled_from(Status.values),
        st.sampled_from(SERVICES),
        st.integers(min_value=1, max_value=90),
    ),
    max_size=8,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_any_sequence_of_changes_keeps_the_periods_contiguous(world, steps):
    """Whatever a coach records, one after another, the periods never overlap, leave no gap,
    and exactly one is open while the job search is; a change the rules refuse (the same
    status again, a start ahead of today) leaves them as they were."""
    today = timezone.localdate()
    start = today - timedelta(days=400)
    person = CustomershipFactory(organisation=world.authority, start_date=start).person
    EmploymentStatusPeriod.objects.create(person=person, status=Status.UNEMPLOYED, start=start)
    current, day = (Status.UNEMPLOYED, ""), start
    for status, service, gap in steps:
        day += timedelta(days=gap)
        wanted = (status, service if status == Status.IN_SERVICE else "")
        if wanted == current or day > today:
            before = periods(person)
            with pytest.raises(JobseekerError):
                change_status(world.users["coach"], person, wanted[0], day, wanted[1])
            assert periods(person) == before
            continue
        change_status(world.users["coach"], person, wanted[0], day, wanted[1])
        current = wanted
        assert_contiguous(person)
    assert_contiguous(person)
    assert person.status_periods.get(end__isnull=True).status == current[0]


# Ending the job search -----------------------------------------------------------------------


def test_ending_the_search_closes_the_periods_and_takes_the_person_out_of_the_process(
    world, person
):
    coach, today = world.users["coach"], timezone.localdate()
    ahead = meeting(person, coach, days=3)
    unrecorded = meeting(person, coach, days=-2)  # before the end: its outcome is still due
    item = AttentionItem.objects.create(
        person=person, kind=AttentionItem.Kind.NO_PLAN, first_seen=today, last_seen=today
    )
    end_job_search(coach, person, today, "studies", Status.STUDYING)
    search = person.customerships.get()
    assert (search.end_date, search.end_reason) == (today, "studies")
    assert periods(person) == [
        (Status.UNEMPLOYED, START, today),
        (Status.STUDYING, today + timedelta(days=1), None),
    ]
    ahead.refresh_from_db(), unrecorded.refresh_from_db(), item.refresh_from_db()
    assert ahead.outcome == Meeting.Outcome.CANCELLED_BY_AUTHORITY
    assert unrecorded.outcome == Meeting.Outcome.SCHEDULED
    assert item.resolved_on == today
    ended = person.events.get(type=Event.Type.JOB_SEARCH_ENDED)
    assert (ended.actor, ended.legal_basis) == (coach, "380/2023 §28")
    assert ended.payload["meetings_cancelled"] == 1
    assert ended.payload["attention_items_resolved"] == 1
    cancelled = person.events.get(type=Event.Type.MEETING_CANCELLED)
    assert cancelled.payload["meeting"] == str(ahead.pk)


def test_a_back_dated_end_cancels_what_was_booked_after_it(world, person):
    coach = world.users["coach"]
    after_end = meeting(person, coach, days=-1)
    end_job_search(coach, person, timezone.localdate() - timedelta(days=5), "employed")
    after_end.refresh_from_db()
    assert after_end.outcome == Meeting.Outcome.CANCELLED_BY_AUTHORITY
    assert person.status_periods.get().end == timezone.localdate() - timedelta(days=5)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((date(2026, 3, 1), "employed"), "end_date"),  # before the search began
        ((None, "employed"), "end_date"),  # tomorrow
        ((date(2026, 5, 1), "retired"), "reason"),
        ((date(2026, 5, 1), "merged"), "reason"),  # only the merge
        ((date(2026, 5, 1), "employed", Status.UNEMPLOYED), "status_after"),
        ((date(2026, 5, 1), "employed", Status.STUDYING), "status_after"),  # contradicts
    ],
)
def test_a_refused_end_names_its_field_and_changes_nothing(world, person, args, field):
    if args[0] is None:
        args = (timezone.localdate() + timedelta(days=1), *args[1:])
    meeting(person, world.users["coach"], days=3)
    before = snapshot(person)
    with pytest.raises(JobseekerError) as refused:
        end_job_search(world.users["coach"], person, *args)
    assert refused.value.field == field and refused.value.message
    assert snapshot(person) == before


def test_the_search_cannot_end_before_the_current_status_began(world, person):
    change_status(world.users["coach"], person, Status.PART_TIME, date(2026, 6, 1))
    before = snapshot(person)
    with pytest.raises(JobseekerError) as refused:
        end_job_search(world.users["coach"], person, date(2026, 5, 1), "cancelled")
    assert refused.value.field == "end_date"
    assert snapshot(person) == before


def test_a_search_ends_once(world, person):
    end_job_search(world.users["coach"], person, date(2026, 5, 1), "not_renewed")
    before = snapshot(person)
    with pytest.raises(JobseekerError, match="no open job search"):
        end_job_search(world.users["unit_lead"], person, date(2026, 5, 2), "cancelled")
    assert snapshot(person) == before


def test_after_the_end_the_sweep_and_the_work_queue_leave_the_person_alone(world, person):
    coach, today = world.users["coach"], timezone.localdate()
    sweep(today)
    assert person.attention_items.filter(resolved_on__isnull=True).exists()
    assert person.pk in coach_queue(coach, today).people
    end_job_search(coach, person, today, "moved_away")
    sweep(today)
    assert not person.attention_items.filter(resolved_on__isnull=True).exists()
    queue = coach_queue(coach, today)
    assert person.pk not in queue.people
    assert JobseekerCustomership.objects.filter(person=person, end_date__isnull=True).count() == 0


def test_a_recorded_service_reads_in_the_analytics_vocabulary(world, person):
    """Pay-subsidised work recorded by a coach counts as the analytics' wage subsidy (ALP)."""
    from saumaton.insight.extract import PersonIndex, status_periods

    change_status(
        world.users["coach"], person, Status.IN_SERVICE, date(2026, 4, 1), "pay_subsidised_work"
    )
    frame = status_periods(PersonIndex())
    assert "wage_subsidy" in set(frame["service_type"])
