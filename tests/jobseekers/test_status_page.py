"""The status page: two forms, POST-redirect-GET, refusals on their fields, reads logged."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import AccessLog, Event
from saumaton.jobseekers.models import EmploymentStatusPeriod

START = date(2026, 3, 2)


@pytest.fixture
def person(world):
    EmploymentStatusPeriod.objects.create(person=world.person, status="unemployed", start=START)
    return world.person


def url(person):
    return reverse("jobseekers:status", args=[person.pk])


def test_the_overall_picture_links_to_the_status_page(world, person, login):
    page = login(world.users["coach"]).get(reverse("jobseekers:detail", args=[person.pk]))
    assert url(person) in page.content.decode()


def test_the_page_shows_the_periods_and_logs_the_read(world, person, login):
    response = login(world.users["coach"]).get(url(person))
    assert response.status_code == 200
    assert "2.3.2026" in response.content.decode()
    assert AccessLog.objects.filter(person=person, purpose="jobseekers:status").count() == 1


def test_a_change_is_saved_and_the_page_reloads(world, person, login):
    client = login(world.users["coach"])
    current = person.status_periods.get().pk
    data = {
        "action": "change",
        "change-status": "in_service",
        "change-service_type": "labour_market_training",
        "change-start": "2026-04-01",
        "change-reason": "",
        "change-expected_period": current,
    }
    response = client.post(url(person), data)
    assert response.status_code == 302 and response["Location"] == url(person)
    assert person.status_periods.get(end__isnull=True).service_type == "labour_market_training"
    page = client.get(url(person)).content.decode()
    assert "Employment status changed." in page
    assert "Labour market training" in page


def test_a_refused_change_is_an_error_on_its_field(world, person, login):
    data = {
        "action": "change",
        "change-status": "in_service",
        "change-start": "2026-04-01",
    }
    events = Event.objects.count()
    response = login(world.users["coach"]).post(url(person), data)
    assert response.status_code == 200
    assert response.context["change"].errors["service_type"]
    assert person.status_periods.count() == 1 and Event.objects.count() == events


def test_ending_the_search_goes_back_to_the_overall_picture(world, person, login):
    today = timezone.localdate()
    data = {"action": "end", "end-end_date": today.isoformat(), "end-reason": "employed"}
    data["end-status_after"] = "employed"
    response = login(world.users["coach"]).post(url(person), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("jobseekers:detail", args=[person.pk])
    assert person.customerships.get().end_reason == "employed"


def test_merged_is_not_offered_and_not_accepted(world, person, login):
    client = login(world.users["coach"])
    assert 'value="merged"' not in client.get(url(person)).content.decode()
    data = {"action": "end", "end-end_date": "2026-05-01", "end-reason": "merged"}
    response = client.post(url(person), data)
    assert response.context["end"].errors["reason"]
    assert person.customerships.get().end_date is None


def test_a_person_outside_the_scope_is_not_found(world, login):
    response = login(world.users["coach"]).get(url(world.other_person))
    assert response.status_code == 404


def test_the_page_speaks_finnish(world, person, client):
    client.force_login(world.users["coach"])
    response = client.get(url(person), HTTP_ACCEPT_LANGUAGE="fi")
    assert "Lopeta työnhaku" in response.content.decode()


def test_the_overall_picture_shows_the_status_now_and_no_unemployment_in_a_service(
    world, person, login
):
    from saumaton.jobseekers.status_changes import change_status

    client = login(world.users["coach"])
    detail = reverse("jobseekers:detail", args=[person.pk])
    assert "(since 2.3.2026)" in client.get(detail).content.decode()
    change_status(world.users["coach"], person, "in_service", date(2026, 4, 1), "work_trial")
    page = client.get(detail).content.decode()
    assert "In a service: Work trial" in page
    assert "(since 2.3.2026)" not in page  # a service ends the unemployment spell
