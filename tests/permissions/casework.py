"""Casework URLs: queues, meetings, plans, duty, failures, statements, self-service."""

from datetime import timedelta

from django.utils import timezone

from . import CASEWORK, everyone, only

EXPECTED = {
    "casework:queue": only(CASEWORK),
    "casework:calendar": only(CASEWORK),
    "casework:unit": only({"unit_lead"}),
    "casework:reassign": everyone(405),
    "casework:book_meeting": only(CASEWORK),
    "casework:plan": only(CASEWORK),
    "casework:assessment": only(CASEWORK),
    "casework:accept_plan": everyone(405),
    "casework:plan_pdf": only(CASEWORK),
    "casework:outcome": only(CASEWORK),
    "casework:evaluate": everyone(405),
    "casework:valid_reason": only(CASEWORK),
    "casework:issue": everyone(405),
    "casework:forward": everyone(405),
    "casework:statement_pdf": only(CASEWORK),
    "casework:my_application": only({"jobseeker"}),
    "casework:my_valid_reason": only({"jobseeker"}),
}


def make_objects(world) -> dict:
    """One of each casework record for the people of ``world``."""
    from saumaton.casework.failures import record_failure
    from saumaton.casework.models import DutyPeriod, Meeting
    from saumaton.casework.plans import save_plan

    coach = world.users["coach"]
    meeting = Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() - timedelta(days=1),
        channel="phone",
        coach=coach,
    )
    today = timezone.localdate()
    failure = record_failure(coach, world.person, kind="missed_meeting", date=today)
    own_failure = record_failure(coach, world.own_person, kind="missed_meeting", date=today)
    save_plan(
        coach,
        world.person,
        expected_version=0,
        content={"survey": "x"},
        follow_up_method="x",
        follow_up_deadline=None,
    )
    period = DutyPeriod.objects.create(person=world.person, start=today, end=today, required=4)
    return {
        "meeting_id": meeting.pk,
        "failure_id": failure.pk,
        "own_failure_id": own_failure.pk,
        "statement_id": failure.statement.pk,
        "period_id": period.pk,
    }


def url_kwargs(name, world, objects):
    if name == "casework:my_valid_reason":
        return {"failure_id": objects["own_failure_id"]}
    return None
