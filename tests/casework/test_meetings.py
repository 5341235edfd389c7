"""Booking meetings inside the law, and what a no-show leads to (380/2023 §§31–32, §41)."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.casework.errors import CaseworkError
from saumaton.casework.meetings import book_meeting, record_outcome
from saumaton.casework.models import Failure, Meeting, Statement
from saumaton.outbox.models import OutboxMessage

from .conftest import working_slot


def _saturday():
    day = timezone.localdate() + timedelta(days=1)
    while day.weekday() != 5:
        day += timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(10)))


def test_booking_on_a_weekend_is_refused_and_writes_nothing(world):
    with pytest.raises(CaseworkError) as exc:
        book_meeting(
            world.users["coach"],
            world.person,
            kind="initial_interview",
            starts_at=_saturday(),
            channel="in_person",
            late_reason="x",
        )
    assert exc.value.field == "starts_at"
    assert not Meeting.objects.exists()


def test_booking_outside_office_hours_is_refused(world):
    with pytest.raises(CaseworkError, match="office hours"):
        book_meeting(
            world.users["coach"],
            world.person,
            kind="initial_interview",
            starts_at=working_slot(hour=17),
            channel="phone",
            late_reason="x",
        )


def test_booking_after_the_statutory_due_date_needs_a_reason(
    world, django_capture_on_commit_callbacks
):
    # The factory's job search started on 2026-03-02: the initial interview is long overdue.
    slot = working_slot()
    with pytest.raises(CaseworkError) as exc:
        book_meeting(
            world.users["coach"],
            world.person,
            kind="initial_interview",
            starts_at=slot,
            channel="in_person",
        )
    assert exc.value.field == "late_reason"
    assert not Meeting.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = book_meeting(
            world.users["coach"],
            world.person,
            kind="initial_interview",
            starts_at=slot,
            channel="in_person",
            late_reason="Backlog after merger",
        )
    assert meeting.late_reason == "Backlog after merger"
    assert meeting.due_date < timezone.localdate()
    assert "§31" in meeting.due_basis
    assert Event.objects.filter(person=world.person, type=Event.Type.MEETING_BOOKED).count() == 1
    channels = set(
        OutboxMessage.objects.filter(person=world.person).values_list("channel", flat=True)
    )
    assert "email" in channels


def test_a_no_show_becomes_a_failure_with_the_rules_consequence(world, past_meeting):
    meeting = past_meeting()
    record_outcome(world.users["coach"], meeting, Meeting.Outcome.NO_SHOW)
    failure = Failure.objects.get(person=world.person)
    assert failure.kind == "missed_meeting"
    assert failure.meeting == meeting
    assert failure.consequence["consequence"] in {"reminder", "benefit_loss"}
    assert failure.consequence["basis"]
    assert Statement.objects.filter(failure=failure, state="draft").exists()
    with pytest.raises(CaseworkError, match="already recorded"):
        record_outcome(world.users["coach"], meeting, Meeting.Outcome.HELD)


def test_a_future_meeting_cannot_be_marked_held(world):
    meeting = Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=working_slot(),
        channel="phone",
        coach=world.users["coach"],
    )
    with pytest.raises(CaseworkError):
        record_outcome(world.users["coach"], meeting, Meeting.Outcome.HELD)
    meeting.refresh_from_db()
    assert meeting.outcome == Meeting.Outcome.SCHEDULED


def test_reminders_are_queued_once_for_meetings_within_24_hours(world):
    from saumaton.casework.notifications import remind_upcoming_meetings

    Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() + timedelta(hours=20),
        channel="phone",
        coach=world.users["coach"],
    )
    Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() + timedelta(hours=40),
        channel="phone",
        coach=world.users["coach"],
    )
    assert remind_upcoming_meetings(timezone.now()) == 1
    remind_upcoming_meetings(timezone.now())
    reminders = OutboxMessage.objects.filter(idempotency_key__contains=":reminder:")
    assert reminders.count() == 1  # e-mail only: the factory person has no phone
    assert reminders.get().language == world.person.language


def test_the_coach_calendar_shows_the_week_by_day(world, login):
    slot = working_slot(days_ahead=7)
    Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=slot,
        channel="phone",
        coach=world.users["coach"],
    )
    client = login(world.users["coach"])
    week = timezone.localtime(slot).strftime("%G-W%V")
    response = client.get(f"/casework/calendar/?week={week}")
    days = response.context["days"]
    (day,) = [d for d in days if d.meetings]
    assert day.day == timezone.localtime(slot).date()
    assert client.get("/casework/calendar/?week=nonsense").status_code == 200
