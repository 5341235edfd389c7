"""Booking meetings and recording their outcome.

Booking checks what the law requires: a working day within office hours, and not after the
statutory due date unless a reason is recorded (the late booking stays visible in reports). A
no-show becomes a failure whose consequence the rules engine decides.
"""

from __future__ import annotations

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.rules.calendar import is_working_day

from .errors import CaseworkError
from .failures import record_failure
from .models import Meeting
from .notifications import notify_meeting
from .process import due_for

OFFICE_OPENS = time(8, 0)
OFFICE_CLOSES = time(16, 0)


def _open_customership(person):
    customership = person.customerships.filter(end_date__isnull=True).first()
    if customership is None:
        raise CaseworkError(_("The person has no open job search."), "person")
    return customership


def check_slot(starts_at: datetime, duration_minutes: int) -> None:
    local = timezone.localtime(starts_at)
    if not is_working_day(local.date()):
        raise CaseworkError(_("Meetings are booked on working days only."), "starts_at")
    ends = (
        datetime.combine(local.date(), local.time()) + timezone.timedelta(minutes=duration_minutes)
    ).time()
    if local.time() < OFFICE_OPENS or ends > OFFICE_CLOSES:
        raise CaseworkError(_("Meetings are booked within office hours (8–16)."), "starts_at")
    if starts_at < timezone.now():
        raise CaseworkError(_("A meeting cannot be booked in the past."), "starts_at")


@transaction.atomic
def book_meeting(
    actor,
    person,
    *,
    kind: str,
    starts_at: datetime,
    channel: str,
    place: str = "",
    duration_minutes: int = 45,
    late_reason: str = "",
    coach=None,
) -> Meeting:
    customership = _open_customership(person)
    if kind not in Meeting.Kind.values:
        raise CaseworkError(_("Unknown meeting kind."), "kind")
    if channel not in Meeting.Channel.values:
        raise CaseworkError(_("Unknown channel."), "channel")
    check_slot(starts_at, duration_minutes)
    due = due_for(customership, timezone.localdate())
    item = due.due_for(kind) if due else None
    late = item is not None and timezone.localtime(starts_at).date() > item.due
    if late and not late_reason.strip():
        raise CaseworkError(
            _("The statutory due date is %(due)s; record a reason to book later.")
            % {"due": item.due.strftime("%d.%m.%Y")},
            "late_reason",
        )
    meeting = Meeting.objects.create(
        person=person,
        customership=customership,
        kind=kind,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        channel=channel,
        place=place,
        coach=coach or customership.coach or actor,
        due_date=item.due if item else None,
        due_basis="; ".join(item.basis) if item else "",
        late_reason=late_reason.strip() if late else "",
    )
    record_event(
        person,
        Event.Type.MEETING_BOOKED,
        actor=actor,
        organisation=customership.organisation,
        legal_basis="; ".join(item.basis) if item else "380/2023 §32(1)(4)",
        payload={"meeting": str(meeting.pk), "kind": kind, "due": str(item.due) if item else None},
    )
    transaction.on_commit(lambda: notify_meeting(meeting, "invitation"))
    return meeting


@transaction.atomic
def record_outcome(actor, meeting: Meeting, outcome: str, note: str = "") -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.outcome != Meeting.Outcome.SCHEDULED:
        raise CaseworkError(_("The outcome of this meeting is already recorded."), "outcome")
    if outcome not in Meeting.Outcome.values or outcome == Meeting.Outcome.SCHEDULED:
        raise CaseworkError(_("Unknown outcome."), "outcome")
    if (
        outcome in (Meeting.Outcome.HELD, Meeting.Outcome.NO_SHOW)
        and meeting.starts_at > timezone.now()
    ):
        raise CaseworkError(
            _("A meeting that has not started cannot be held or missed."), "outcome"
        )
    meeting.outcome = outcome
    meeting.outcome_note = note
    meeting.save(update_fields=["outcome", "outcome_note"])
    event_type = {
        Meeting.Outcome.HELD: Event.Type.MEETING_HELD,
        Meeting.Outcome.NO_SHOW: Event.Type.MEETING_MISSED,
    }.get(outcome, Event.Type.MEETING_CANCELLED)
    record_event(
        meeting.person,
        event_type,
        actor=actor,
        organisation=meeting.customership.organisation,
        legal_basis=meeting.due_basis,
        payload={"meeting": str(meeting.pk), "kind": meeting.kind, "outcome": outcome},
    )
    if outcome == Meeting.Outcome.NO_SHOW:
        record_failure(
            actor,
            meeting.person,
            kind="missed_meeting",
            date=timezone.localtime(meeting.starts_at).date(),
            meeting=meeting,
        )
    return meeting
