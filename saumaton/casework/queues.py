"""Work queues: what a coach must do today, and a unit lead's view of the unit's load.

Each queue is a handful of set-based queries, whatever the size of the area, so the page stays
within its query budget (issue: at most 20 SQL queries per page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.core.display import day_text, label_of, time_text, weekday_time_text
from saumaton.jobseekers.models import JobseekerCustomership
from saumaton.organisations.models import Membership
from saumaton.organisations.roles import Role

from .errors import CaseworkError
from .models import AttentionItem, DutyPeriod, Failure, Meeting, Statement

QUEUE_LIMIT = 100
# A queue row needs only the person's name: loading whole person rows (and a failure's
# consequence JSON) costs more than the page's queries together.
PERSON_NAME = ("person_id", "person__first_name", "person__last_name")


@dataclass
class CoachQueue:
    """The coach's day as plain rows (dicts with ``person_id``, ``person`` and labels).

    Rows, not model objects, because the page lists well over a hundred of them for every
    coach, many times a day: building model instances and formatting each row's
    labels and dates in the template cost more than the page's queries (``core.display``).
    """

    caseload: int
    meetings: list[dict]
    outcome_missing: list[dict]
    items: list[dict]
    statements: list[dict]
    unevaluated: list[dict]

    @property
    def people(self) -> set:
        rows = [
            *self.meetings,
            *self.outcome_missing,
            *self.items,
            *self.statements,
            *self.unevaluated,
        ]
        return {row["person_id"] for row in rows}


def _rows(queryset, *fields, **texts) -> list[dict]:
    """``queryset`` as dicts of ``fields`` plus the person's name; each ``texts`` entry
    ``field=function`` adds ``<field>_text``, the value as the page shows it."""
    rows = list(queryset.values(*PERSON_NAME, *fields)[:QUEUE_LIMIT])
    for row in rows:
        row["person"] = f"{row.pop('person__first_name')} {row.pop('person__last_name')}"
        for field, text in texts.items():
            row[f"{field}_text"] = text(row[field])
    return rows


def coach_queue(user, today: date) -> CoachQueue:
    now = timezone.now()
    mine = JobseekerCustomership.objects.filter(coach=user, end_date__isnull=True)
    person_ids = mine.values("person_id")
    scheduled = Meeting.objects.filter(coach=user, outcome=Meeting.Outcome.SCHEDULED)
    meeting_kind = label_of(Meeting.Kind)
    return CoachQueue(
        caseload=mine.count(),
        meetings=_rows(
            scheduled.filter(starts_at__gte=now, starts_at__lt=now + timedelta(days=7)).order_by(
                "starts_at"
            ),
            "starts_at",
            "kind",
            "channel",
            starts_at=weekday_time_text(),
            kind=meeting_kind,
            channel=label_of(Meeting.Channel),
        ),
        outcome_missing=_rows(
            scheduled.filter(starts_at__lt=now).order_by("starts_at"),
            "id",
            "starts_at",
            "kind",
            starts_at=time_text,
            kind=meeting_kind,
        ),
        items=_rows(
            AttentionItem.objects.filter(
                person_id__in=person_ids, resolved_on__isnull=True
            ).order_by("due", "kind"),
            "due",
            "kind",
            "escalated_on",
            due=day_text,
            kind=label_of(AttentionItem.Kind),
        ),
        statements=_rows(
            Statement.objects.filter(
                person_id__in=person_ids, state=Statement.State.DRAFT
            ).order_by("deadline"),
            "deadline",
            "kind",
            "issuer",
            "failure__kind",
            deadline=day_text,
            kind=label_of(Statement.Kind),
            failure__kind=label_of(Failure.Kind),
        ),
        unevaluated=_rows(
            DutyPeriod.objects.filter(
                person_id__in=person_ids, evaluation=DutyPeriod.Evaluation.OPEN, end__lt=today
            ).order_by("start"),
            "start",
            "end",
            end=day_text,
        ),
    )


@dataclass
class CoachLoad:
    coach: object
    caseload: int
    open_items: int
    overdue_items: int


def _lead_scope(user):
    """(organisation ids, unit ids or None) a unit lead oversees."""
    memberships = list(Membership.objects.filter(user=user, role=Role.UNIT_LEAD, active=True))
    orgs = {m.organisation_id for m in memberships}
    units = {m.unit_id for m in memberships}
    return orgs, (None if None in units else units)


def coaches_led_by(user):
    orgs, units = _lead_scope(user)
    coaches = Membership.objects.filter(organisation_id__in=orgs, role=Role.COACH, active=True)
    if units is not None:
        coaches = coaches.filter(unit_id__in=units)
    return coaches


def unit_load(user, today: date) -> tuple[list[CoachLoad], list]:
    coach_rows = list(coaches_led_by(user).select_related("user").order_by("user__last_name"))
    coach_ids = [m.user_id for m in coach_rows]
    caseloads = dict(
        JobseekerCustomership.objects.filter(coach_id__in=coach_ids, end_date__isnull=True)
        .values("coach_id")
        .annotate(n=Count("id"))
        .values_list("coach_id", "n")
    )
    item_counts = {
        row["person__customerships__coach_id"]: row
        for row in AttentionItem.objects.filter(
            resolved_on__isnull=True,
            person__customerships__end_date__isnull=True,
            person__customerships__coach_id__in=coach_ids,
        )
        .values("person__customerships__coach_id")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(due__lt=today)))
    }
    loads = [
        CoachLoad(
            m.user,
            caseloads.get(m.user_id, 0),
            item_counts.get(m.user_id, {}).get("open", 0),
            item_counts.get(m.user_id, {}).get("overdue", 0),
        )
        for m in coach_rows
    ]
    escalated = list(
        AttentionItem.objects.filter(
            resolved_on__isnull=True,
            escalated_on__isnull=False,
            person__customerships__end_date__isnull=True,
            person__customerships__coach_id__in=coach_ids,
        )
        .select_related("person")
        .order_by("escalated_on", "due")[:QUEUE_LIMIT]
    )
    return loads, escalated


@transaction.atomic
def reassign(actor, person, new_coach) -> JobseekerCustomership:
    """Move a person to another coach the unit lead oversees."""
    if not coaches_led_by(actor).filter(user=new_coach).exists():
        raise CaseworkError(_("That coach is not in your unit."), "coach")
    customership = (
        JobseekerCustomership.objects.select_for_update()
        .filter(person=person, end_date__isnull=True)
        .first()
    )
    if customership is None:
        raise CaseworkError(_("The person has no open job search."), "person")
    previous = customership.coach_id
    customership.coach = new_coach
    customership.save(update_fields=["coach"])
    record_event(
        person,
        Event.Type.COACH_ASSIGNED,
        actor=actor,
        organisation=customership.organisation,
        payload={"coach": new_coach.pk, "previous": previous},
    )
    return customership


@dataclass
class CalendarDay:
    day: date
    meetings: list


def coach_week(user, monday: date) -> list[CalendarDay]:
    """The coach's meetings of one week (Monday–Friday), by day, in one query."""
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(monday, time.min), tz)
    meetings = (
        Meeting.objects.filter(
            coach=user, starts_at__gte=start, starts_at__lt=start + timedelta(days=5)
        )
        .select_related("person")
        .only("person_id", "kind", "starts_at", "channel", "outcome", "place", *PERSON_NAME)
        .order_by("starts_at")
    )
    days = [CalendarDay(monday + timedelta(days=i), []) for i in range(5)]
    for meeting in meetings:
        days[timezone.localtime(meeting.starts_at).weekday()].meetings.append(meeting)
    return days
