"""A list costs the same number of queries for one row as for many (no query per row)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from saumaton.casework.failures import record_failure
from saumaton.casework.models import DutyPeriod, Meeting
from saumaton.casework.plans import save_plan
from saumaton.jobseekers.models import EmploymentStatusPeriod
from tests.factories import CustomershipFactory

LISTS = ["persons", "meetings", "duty-periods", "failures", "statements", "plans"]


def _add_person(world):
    coach = world.users["coach"]
    person = CustomershipFactory(organisation=world.authority, coach=coach).person
    EmploymentStatusPeriod.objects.create(person=person, status="unemployed", start="2026-01-01")
    Meeting.objects.create(
        person=person,
        customership=person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() - timedelta(days=1),
        channel="phone",
        coach=coach,
    )
    today = timezone.localdate()
    DutyPeriod.objects.create(person=person, start=today, end=today, required=4)
    record_failure(coach, person, kind="missed_meeting", date=today)
    save_plan(
        coach,
        person,
        expected_version=0,
        content={},
        follow_up_method="phone",
        follow_up_deadline=None,
    )


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", LISTS)
def test_list_queries_do_not_grow_with_rows(world, login, name):
    client = login(world.users["coach"])
    _add_person(world)
    _queries(client, f"/api/v1/{name}/")  # the session's first request also renews the session
    one = _queries(client, f"/api/v1/{name}/")
    for _ in range(4):
        _add_person(world)
    assert _queries(client, f"/api/v1/{name}/") == one
