"""The API's status change and end of the job search: the service's rules, as 400 naming the
field, with nothing written; the answer is the person's periods after the change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from saumaton.audit.models import AccessLog, Event
from saumaton.casework.models import Meeting
from saumaton.jobseekers.models import EmploymentStatusPeriod

START = date(2026, 3, 2)


@pytest.fixture
def person(world):
    EmploymentStatusPeriod.objects.create(person=world.person, status="unemployed", start=START)
    return world.person


def post(client, person, action, data):
    return client.post(
        f"/api/v1/persons/{person.pk}/{action}/", data, content_type="application/json"
    )


def state(person):
    return (
        list(person.status_periods.values_list("status", "start", "end")),
        list(person.customerships.values_list("end_date", "end_reason")),
        Event.objects.count(),
    )


def test_a_status_change_with_a_token(world, person, token):
    client = token(world.users["coach"], world.authority)
    response = post(client, person, "status", {"status": "part_time", "start": "2026-06-01"})
    assert response.status_code == 200, response.content
    periods = response.json()["status_periods"]
    assert [(p["status"], p["start"], p["end"]) for p in periods] == [
        ("unemployed", "2026-03-02", "2026-05-31"),
        ("part_time", "2026-06-01", None),
    ]
    assert AccessLog.objects.filter(purpose="api:person-change_status").count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"status": "in_service", "start": "2026-06-01"}, "service_type"),
        ({"status": "studying", "start": "2026-01-01"}, "start"),
        ({"status": "studying", "start": "someday"}, "start"),
        ({"status": "unemployed", "start": "2026-06-01"}, "status"),
        ({"start": "2026-06-01"}, "status"),
    ],
)
def test_a_refused_change_is_400_naming_the_field(world, person, login, data, field):
    before = state(person)
    response = post(login(world.users["coach"]), person, "status", data)
    assert response.status_code == 400
    assert response.json()["field"] == field and response.json()["error"]
    assert state(person) == before


def test_ending_the_job_search(world, person, login):
    future = Meeting.objects.create(
        person=person,
        customership=person.customerships.get(),
        kind="job_search_conversation",
        starts_at=timezone.now() + timedelta(days=2),
        channel="phone",
        coach=world.users["coach"],
    )
    today = timezone.localdate()
    data = {"end_date": today.isoformat(), "reason": "studies", "status_after": "studying"}
    response = post(login(world.users["coach"]), person, "end-job-search", data)
    assert response.status_code == 200, response.content
    search = response.json()["job_search_periods"][0]
    assert (search["end_date"], search["end_reason"]) == (today.isoformat(), "studies")
    future.refresh_from_db()
    assert future.outcome == "cancelled_by_authority"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"end_date": "2026-05-01", "reason": "merged"}, "reason"),
        ({"end_date": "2026-02-01", "reason": "employed"}, "end_date"),
        (
            {"end_date": "2026-05-01", "reason": "employed", "status_after": "laid_off"},
            "status_after",
        ),
        ({"reason": "employed"}, "end_date"),
    ],
)
def test_a_refused_end_is_400_naming_the_field(world, person, login, data, field):
    before = state(person)
    response = post(login(world.users["coach"]), person, "end-job-search", data)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert state(person) == before


def test_roles_without_casework_cannot_write_and_others_are_not_found(world, person, login):
    data = {"status": "studying", "start": "2026-06-01"}
    assert post(login(world.users["analyst"]), person, "status", data).status_code == 403
    assert post(login(world.users["coach"]), world.other_person, "status", data).status_code == 404
    assert person.status_periods.count() == 1
