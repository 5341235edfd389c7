"""Writes go through the casework services: each happy path, and each refusal as
``{"error", "field"}`` with 400 (409 for the plan's lock) and nothing written."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.utils import timezone

from saumaton.audit.models import AccessLog, Event
from saumaton.casework.failures import record_failure
from saumaton.casework.models import (
    ApplicationReport,
    EmploymentPlan,
    Failure,
    Meeting,
    PlanRevision,
    Statement,
)
from saumaton.casework.plans import save_plan
from saumaton.outbox.models import OutboxMessage

from .conftest import saturday_slot, working_slot

TABLES = [Meeting, Event, AccessLog, PlanRevision, ApplicationReport, Failure, Statement]


@contextmanager
def nothing_written():
    before = [model.objects.count() for model in [*TABLES, OutboxMessage]]
    yield
    assert [model.objects.count() for model in [*TABLES, OutboxMessage]] == before


def refused(response, field, status=400):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["field"] == field
    assert body["error"]
    return body


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def _put(client, url, data):
    return client.put(url, data, content_type="application/json")


# Meetings ---------------------------------------------------------------------------------


def _booking(world, **overrides):
    return {
        "person": str(world.person.pk),
        "kind": "initial_interview",
        "starts_at": working_slot().isoformat(),
        "channel": "in_person",
        "place": "Toimipiste",
        **overrides,
    }


def test_booking_a_meeting_with_a_token(world, token, django_capture_on_commit_callbacks):
    client = token(world.users["coach"], world.authority)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, "/api/v1/meetings/", _booking(world, late_reason="Backlog"))
    assert response.status_code == 201, response.content
    meeting = Meeting.objects.get()
    assert response.json()["id"] == str(meeting.pk)
    assert (meeting.person, meeting.coach, meeting.late_reason) == (
        world.person,
        world.users["coach"],
        "Backlog",
    )
    assert Event.objects.filter(type=Event.Type.MEETING_BOOKED).count() == 1
    assert AccessLog.objects.filter(purpose="api:meeting-create").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({}, "late_reason"),  # the job search started in March: the interview is overdue
        ({"starts_at": saturday_slot().isoformat(), "late_reason": "x"}, "starts_at"),
        ({"starts_at": working_slot(hour=17).isoformat(), "late_reason": "x"}, "starts_at"),
        ({"kind": "coffee", "late_reason": "x"}, "kind"),
        ({"starts_at": "tomorrow", "late_reason": "x"}, "starts_at"),
    ],
)
def test_a_refused_booking_writes_nothing(world, login, overrides, field):
    client = login(world.users["coach"])
    with nothing_written():
        refused(_post(client, "/api/v1/meetings/", _booking(world, **overrides)), field)


def test_booking_for_a_person_outside_the_scope_is_no_such_person(world, login):
    client = login(world.users["coach"])
    with nothing_written():
        body = _post(
            client, "/api/v1/meetings/", _booking(world, person=str(world.other_person.pk))
        )
        refused(body, "person")


def test_a_jobseeker_cannot_book(world, login):
    client = login(world.users["jobseeker"])
    booking = _booking(world, person=str(world.own_person.pk), late_reason="x")
    with nothing_written():
        assert _post(client, "/api/v1/meetings/", booking).status_code == 403


@pytest.fixture
def past_meeting(world):
    return Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() - timedelta(days=1),
        channel="phone",
        coach=world.users["coach"],
    )


def test_recording_an_outcome(world, login, past_meeting):
    client = login(world.users["coach"])
    url = f"/api/v1/meetings/{past_meeting.pk}/outcome/"
    response = _post(client, url, {"outcome": "no_show", "note": "no answer"})
    assert response.status_code == 200, response.content
    assert response.json()["outcome"] == "no_show"
    assert Failure.objects.get().meeting == past_meeting  # a no-show becomes a failure


def test_an_outcome_is_recorded_once(world, login, past_meeting):
    client = login(world.users["coach"])
    url = f"/api/v1/meetings/{past_meeting.pk}/outcome/"
    assert _post(client, url, {"outcome": "held"}).status_code == 200
    with nothing_written():
        refused(_post(client, url, {"outcome": "no_show"}), "outcome")
        refused(_post(client, url, {"outcome": "scheduled"}), "outcome")
    past_meeting.refresh_from_db()
    assert past_meeting.outcome == "held"


# Plans ------------------------------------------------------------------------------------


@pytest.fixture
def plan(world):
    return save_plan(
        world.users["coach"],
        world.person,
        expected_version=0,
        content={"survey": "first", "goals": ["work"]},
        follow_up_method="phone",
        follow_up_deadline=None,
    )


def _plan_body(version, **overrides):
    deadline = timezone.localdate() + timedelta(days=30)
    return {
        "version": version,
        "content": {"survey": "second", "goals": ["work", "course"], "actions": []},
        "follow_up_method": "meeting",
        "follow_up_deadline": deadline.isoformat(),
        **overrides,
    }


def test_saving_the_plan_makes_a_new_version(world, login, plan):
    client = login(world.users["unit_lead"])
    response = _put(client, f"/api/v1/plans/{plan.pk}/", _plan_body(1))
    assert response.status_code == 200, response.content
    assert response.json()["version"] == 2
    assert list(PlanRevision.objects.values_list("version", flat=True)) == [2, 1]
    assert EmploymentPlan.objects.get().content["survey"] == "second"


def test_a_stale_version_is_a_409_and_nothing_is_lost(world, login, plan):
    client = login(world.users["coach"])
    assert _put(client, f"/api/v1/plans/{plan.pk}/", _plan_body(1)).status_code == 200
    stale = _plan_body(1, content={"survey": "overwrites the colleague's"})
    with nothing_written():
        body = refused(_put(client, f"/api/v1/plans/{plan.pk}/", stale), "version", status=409)
    assert "version 2" in body["error"]
    saved = EmploymentPlan.objects.get()
    assert (saved.version, saved.content["survey"]) == (2, "second")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"follow_up_deadline": "2020-01-01"}, "follow_up_deadline"),
        ({"content": {"appendix": "x"}}, "content"),
        (
            {"content": {"actions": [{"text": "x", "start": "2027-02-01", "end": "2027-01-01"}]}},
            "actions[0].end",
        ),
        ({"version": None}, "version"),
    ],
)
def test_a_refused_plan_writes_nothing(world, login, plan, overrides, field):
    client = login(world.users["coach"])
    with nothing_written():
        refused(_put(client, f"/api/v1/plans/{plan.pk}/", _plan_body(1) | overrides), field)
    assert EmploymentPlan.objects.get().version == 1


def test_a_plan_is_saved_whole_not_patched(world, login, plan):
    client = login(world.users["coach"])
    response = client.patch(f"/api/v1/plans/{plan.pk}/", {}, content_type="application/json")
    assert response.status_code == 405


def test_only_caseworkers_save_plans(world, login, plan):
    client = login(world.users["jobseeker"])
    with nothing_written():
        assert _put(client, f"/api/v1/plans/{plan.pk}/", _plan_body(1)).status_code == 403


# Applications -----------------------------------------------------------------------------


def _application(person, **overrides):
    return {
        "person": str(person.pk),
        "employer": "Oy Esimerkki Ab",
        "job_title": "Varastotyöntekijä",
        "applied_on": timezone.localdate().isoformat(),
        "channel": "online",
        **overrides,
    }


def test_a_coach_reports_an_application(world, login, open_period):
    period = open_period(world.person)
    client = login(world.users["coach"])
    response = _post(client, "/api/v1/applications/", _application(world.person))
    assert response.status_code == 201, response.content
    report = ApplicationReport.objects.get()
    assert (report.period, report.reported_by) == (period, world.users["coach"])


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"applied_on": (timezone.localdate() + timedelta(days=1)).isoformat()}, "applied_on"),
        ({"applied_on": (timezone.localdate() - timedelta(days=60)).isoformat()}, "applied_on"),
        ({"channel": "pigeon"}, "channel"),
        ({"employer": "  "}, "employer"),
    ],
)
def test_a_refused_report_writes_nothing(world, login, open_period, overrides, field):
    open_period(world.person)
    client = login(world.users["coach"])
    with nothing_written():
        refused(
            _post(client, "/api/v1/applications/", _application(world.person, **overrides)), field
        )


def test_a_jobseeker_reports_their_own_application(world, login, open_period):
    open_period(world.own_person)
    client = login(world.users["jobseeker"])
    response = _post(client, "/api/v1/applications/", _application(world.own_person))
    assert response.status_code == 201, response.content
    report = ApplicationReport.objects.get()
    assert (report.person, report.reported_by) == (world.own_person, world.users["jobseeker"])
    assert not AccessLog.objects.exists()  # reading oneself is not a staff read


def test_a_jobseeker_cannot_report_for_someone_else(world, login, open_period):
    open_period(world.person)
    client = login(world.users["jobseeker"])
    with nothing_written():
        refused(_post(client, "/api/v1/applications/", _application(world.person)), "person")
    assert client.get("/api/v1/applications/").status_code == 403


def test_roles_without_casework_or_own_pathway_cannot_report(world, login, open_period):
    open_period(world.person)
    client = login(world.users["area_admin"])
    with nothing_written():
        assert _post(client, "/api/v1/applications/", _application(world.person)).status_code == 403


# Failures ---------------------------------------------------------------------------------


@pytest.fixture
def failure(world):
    return record_failure(
        world.users["coach"], world.person, kind="missed_meeting", date=timezone.localdate()
    )


def test_a_valid_reason_removes_the_consequence(world, login, failure):
    assert Statement.objects.filter(failure=failure).exists()
    client = login(world.users["coach"])
    url = f"/api/v1/failures/{failure.pk}/valid-reason/"
    response = _post(client, url, {"reason": "illness_or_accident", "account": "fever"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["statement"]) == ("excused", None)
    assert body["consequence"]["consequence"] == "none"
    assert not Statement.objects.exists()


def test_a_refused_valid_reason_writes_nothing(world, login, failure):
    client = login(world.users["coach"])
    url = f"/api/v1/failures/{failure.pk}/valid-reason/"
    with nothing_written():
        refused(_post(client, url, {"reason": "bad_weather"}), "reason")
    assert _post(client, url, {"reason": "illness_or_accident"}).status_code == 200
    with nothing_written():
        refused(_post(client, url, {"reason": "independent_reason"}), "reason")
    failure.refresh_from_db()
    assert failure.valid_reason == "illness_or_accident"
