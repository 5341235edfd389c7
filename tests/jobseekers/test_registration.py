"""A coach registers a person: the happy path, and every bad input changes nothing."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.jobseekers.models import EmploymentStatusPeriod, JobseekerCustomership, Person
from saumaton.rules.identifiers import make_hetu
from tests.factories import CustomershipFactory, PersonFactory

HETU = make_hetu(date(1990, 5, 17), 951)


def form(world, **overrides):
    data = {
        "hetu": HETU,
        "first_name": "Aino",
        "last_name": "Virtanen",
        "home_municipality": world.area.lead_municipality_id,
        "language": "fi",
        "email": "aino@example.invalid",
        "phone": "",
        "postcode": "",
        "start_date": timezone.localdate().isoformat(),
        "status": "unemployed",
        "coach": "",
    }
    return {**data, **overrides}


def counts():
    return (
        Person.objects.count(),
        JobseekerCustomership.objects.count(),
        EmploymentStatusPeriod.objects.count(),
        Event.objects.count(),
    )


def test_coach_registers_a_person_with_an_identity_code(world, login):
    client = login(world.users["coach"])
    response = client.post(reverse("jobseekers:register"), form(world))
    person = Person.objects.get(hetu=HETU)
    assert response.status_code == 302
    assert response["Location"] == reverse("jobseekers:detail", args=[person.pk])
    assert person.birth_date == date(1990, 5, 17)  # from the code
    search = person.customerships.get()
    assert search.organisation == world.authority
    assert search.coach == world.users["coach"]
    assert search.unit is not None
    assert person.status_periods.get().status == "unemployed"
    event = person.events.get()
    assert event.type == "job_search_started"
    assert event.legal_basis == "380/2023 §27"
    assert event.actor == world.users["coach"]


def test_coach_registers_a_person_without_a_code(world, login):
    client = login(world.users["coach"])
    data = form(world, hetu="", birth_date="1985-02-03", coach=world.users["unit_lead"].pk)
    assert client.post(reverse("jobseekers:register"), data).status_code == 302
    person = Person.objects.get(first_name="Aino", hetu__isnull=True)
    assert person.birth_date == date(1985, 2, 3)
    assert person.customerships.get().coach == world.users["unit_lead"]


def test_registration_page_renders(world, login):
    response = login(world.users["coach"]).get(reverse("jobseekers:register"))
    assert response.status_code == 200
    assert "hetu" not in response.request["PATH_INFO"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"hetu": "170590-951X"}, "hetu"),  # check character wrong
        ({"hetu": "", "birth_date": ""}, "birth_date"),
        ({"birth_date": "1991-01-01"}, "birth_date"),  # contradicts the code
        ({"start_date": (date.today() + timedelta(days=2)).isoformat()}, "start_date"),
    ],
)
def test_bad_input_is_a_field_error_and_writes_nothing(world, login, overrides, field):
    client = login(world.users["coach"])
    before = counts()
    response = client.post(reverse("jobseekers:register"), form(world, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert counts() == before


def test_municipality_of_another_area_is_refused(world, login):
    client = login(world.users["coach"])
    before = counts()
    data = form(world, home_municipality=world.other_area.lead_municipality_id)
    response = client.post(reverse("jobseekers:register"), data)
    errors = response.context["form"].errors["home_municipality"]
    assert "another employment area" in errors[0]
    assert "§17" in errors[0]
    assert counts() == before


def test_start_before_the_previous_search_ended_is_refused(world, login):
    earlier = PersonFactory(hetu=HETU, birth_date=date(1990, 5, 17))
    CustomershipFactory(
        person=earlier,
        organisation=world.authority,
        start_date=date(2025, 1, 1),
        end_date=date(2025, 6, 30),
    )
    client = login(world.users["coach"])
    before = counts()
    response = client.post(reverse("jobseekers:register"), form(world, start_date="2025-06-01"))
    assert "start_date" in response.context["form"].errors
    assert counts() == before
    ok = client.post(reverse("jobseekers:register"), form(world, start_date="2025-07-01"))
    assert ok.status_code == 302
    assert earlier.customerships.count() == 2  # the existing record was used


def test_a_second_open_job_search_is_refused(world, login):
    client = login(world.users["coach"])
    before = counts()
    response = client.post(reverse("jobseekers:register"), form(world, hetu=world.person.hetu))
    assert "already has an open job search" in str(response.context["form"].errors)
    assert counts() == before


def test_a_possible_duplicate_must_be_resolved(world, login):
    existing = PersonFactory(
        hetu=None,
        first_name="aino  maria",
        last_name="VIRTANEN",
        birth_date=date(1985, 2, 3),
        email="",
        phone="+358 40 123 4567",
    )
    client = login(world.users["coach"])
    data = form(world, hetu="", birth_date="1985-02-03", phone="040 1234567", email="")
    before = counts()
    response = client.post(reverse("jobseekers:register"), data)
    assert "confirm_new" in response.context["form"].errors
    assert response.context["candidates"] == [existing]
    assert counts() == before
    used = client.post(reverse("jobseekers:register"), {**data, "existing": existing.pk})
    assert used.status_code == 302
    assert existing.customerships.count() == 1
    assert Person.objects.count() == before[0]


def test_a_confirmed_new_person_is_registered_despite_a_candidate(world, login):
    PersonFactory(hetu=None, first_name="Aino", last_name="Virtanen", birth_date=date(1985, 2, 3))
    client = login(world.users["coach"])
    email = Person.objects.get(first_name="Aino").email
    data = form(world, hetu="", birth_date="1985-02-03", email=email, confirm_new="on")
    assert client.post(reverse("jobseekers:register"), data).status_code == 302
    assert Person.objects.filter(first_name="Aino").count() == 2
