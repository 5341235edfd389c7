"""Write the population's leavers (``synth.leavers``): former jobseekers whose search ended.

Each is a person with an ended job search (end date and reason, 380/2023 §28, and the coach
they had), its two events (started, ended), the status periods the insight metrics read (the
unemployment spell and, where known, what followed it) and the next job-search conversation,
booked before the search ended and then cancelled by the authority. The rows go in the same
batches and through the same writers as the stock's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.jobseekers.models import JobseekerCustomership, Person
from saumaton.organisations.models import Organisation
from saumaton.synth.records import LeaverRecord, PersonRecord

from .pathways import PathwayWriter

JOB_SEARCH_BASIS = "380/2023 §§27–28"  # the stock's job searches start on it too
JOB_SEARCH_END_BASIS = "380/2023 §28"
CONVERSATION_BASIS = "380/2023 §35"  # a job-search conversation every 3 months
MEETING_TIME = time(10)


def write_leavers(
    batch: Sequence[LeaverRecord],
    authority: dict[str, Organisation],
    coach_ids: dict[str, int],
    person_of: Callable[[PersonRecord], Person],
    writer: PathwayWriter,
) -> None:
    """One batch of leavers, through the pathway writer's ``events``, ``status`` and
    ``meetings`` writers (their columns are in the order given in ``PathwayWriter``)."""
    persons = [person_of(r.person) for r in batch]
    Person.objects.bulk_create(persons)
    customerships = JobseekerCustomership.objects.bulk_create(
        JobseekerCustomership(
            person=p,
            organisation=authority[r.person.area_code],
            coach_id=coach_ids.get(r.person.coach_username),
            start_date=r.person.job_search_start,
            end_date=r.left_on,
            end_reason=r.end_reason,
            status=r.person.employment_status,
            is_synthetic=True,
        )
        for p, r in zip(persons, batch, strict=True)
    )
    now = timezone.now()
    event_rows, status_rows, meeting_rows = [], [], []
    for p, c, r in zip(persons, customerships, batch, strict=True):
        org = authority[r.person.area_code].pk
        started = {"status": r.person.employment_status, "synthetic": True}
        ended = {"reason": r.end_reason, "synthetic": True}
        event_rows += [
            (_at(r.person.job_search_start), now, None, org, p.pk, Event.Type.JOB_SEARCH_STARTED,
             JOB_SEARCH_BASIS, started),
            (_at(r.left_on), now, None, org, p.pk, Event.Type.JOB_SEARCH_ENDED,
             JOB_SEARCH_END_BASIS, ended),
        ]  # fmt: skip
        status_rows.append(
            (p.pk, r.person.employment_status, "", r.person.job_search_start, r.left_on, True)
        )
        if r.status_after:
            status_rows.append(
                (p.pk, r.status_after, "", r.left_on + timedelta(days=1), None, True)
            )
        if c.coach_id is not None:
            meeting_rows.append(
                (uuid.uuid4(), p.pk, c.pk, "job_search_conversation", _at(r.cancelled_meeting_due,
                 MEETING_TIME), 45, "phone", "", c.coach_id, r.cancelled_meeting_due,
                 CONVERSATION_BASIS, "", "cancelled_by_authority", "", True)
            )  # fmt: skip
    writer.events.insert(event_rows)
    writer.status.insert(status_rows)
    writer.meetings.insert(meeting_rows)


def _at(day, at: time = time.min) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))
