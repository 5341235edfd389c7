"""Pathway API URLs (``/api/v1/``): casework roles read, anonymous requests get 401.

Writes are POST/PUT; a GET on a POST-only route tells the roles that may use it 405.
The records belong to ``world.own_person`` so they do not collide with other modules' records.
"""

from datetime import timedelta

from django.utils import timezone

from . import CASEWORK, only

READ = only(CASEWORK, anon=401)
POST_ONLY = only(CASEWORK, ok=405, anon=401)

EXPECTED = {
    "api:person-list": READ,
    "api:person-detail": READ,
    "api:person-periods": READ,
    "api:person-profile": READ,
    "api:person-change-status": POST_ONLY,
    "api:person-end-job-search": POST_ONLY,
    "api:plan-list": READ,
    "api:plan-detail": READ,
    "api:meeting-list": READ,
    "api:meeting-detail": READ,
    "api:meeting-outcome": POST_ONLY,
    "api:duty-period-list": READ,
    "api:duty-period-detail": READ,
    "api:application-list": READ,
    "api:application-detail": READ,
    "api:failure-list": READ,
    "api:failure-detail": READ,
    "api:failure-valid-reason": POST_ONLY,
    "api:statement-list": READ,
    "api:statement-detail": READ,
}


def make_objects(world) -> dict:
    from saumaton.casework.models import (
        ApplicationReport,
        DutyPeriod,
        EmploymentPlan,
        Failure,
        Meeting,
        Statement,
    )

    person, coach = world.own_person, world.users["coach"]
    today = timezone.localdate()
    meeting = Meeting.objects.create(
        person=person,
        customership=person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() - timedelta(days=1),
        channel="phone",
        coach=coach,
    )
    period = DutyPeriod.objects.create(person=person, start=today, end=today, required=4)
    application = ApplicationReport.objects.create(
        person=person,
        period=period,
        employer="Oy Testi Ab",
        job_title="Myyjä",
        applied_on=today,
        channel="online",
        reported_by=coach,
    )
    failure = Failure.objects.create(person=person, kind="missed_meeting", date=today)
    statement = Statement.objects.create(
        failure=failure, person=person, kind="reminder", issuer="employment_authority"
    )
    return {
        "api:person": person.pk,
        "api:plan": EmploymentPlan.objects.create(person=person).pk,
        "api:meeting": meeting.pk,
        "api:duty-period": period.pk,
        "api:application": application.pk,
        "api:failure": failure.pk,
        "api:statement": statement.pk,
    }


RECORD_OF = {
    "api:person-detail": "api:person",
    "api:person-periods": "api:person",
    "api:person-profile": "api:person",
    "api:person-change-status": "api:person",
    "api:person-end-job-search": "api:person",
    "api:plan-detail": "api:plan",
    "api:meeting-detail": "api:meeting",
    "api:meeting-outcome": "api:meeting",
    "api:duty-period-detail": "api:duty-period",
    "api:application-detail": "api:application",
    "api:failure-detail": "api:failure",
    "api:failure-valid-reason": "api:failure",
    "api:statement-detail": "api:statement",
}


def url_kwargs(name, world, objects):
    record = RECORD_OF.get(name)
    return None if record is None else {"pk": objects[record]}
