"""A vacancy's workplace is one of its employer's registered locations: the form's select, the
import's ``location`` column and the API key; the place is copied from the location; a foreign,
retired or contradicted location is refused with nothing written; an edit keeps a retired one."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from saumaton.employers import editing
from saumaton.employers.importing import VacancyImportError, import_vacancies
from saumaton.employers.models import EmployerLocation, IndexChange, Vacancy
from saumaton.organisations.models import Organisation
from tests.factories import MunicipalityFactory, OrganisationFactory

from .factories import SKILLS, VacancyFactory
from .test_editing import api_body, form_data

JSON = "application/json"


class Places:
    """The employer's location in use, its retired one, and a neighbour employer's."""

    def __init__(self, jobs):
        self.other = MunicipalityFactory(code="999", lat=61.5, lon=23.8)  # outside factory cycle
        self.own = EmployerLocation.objects.create(
            organisation=jobs.employer,
            name="Keskuskeittiö",
            street_address="Tehdaskatu 5",
            municipality=jobs.municipality,
            postcode="00100",
            lat=60.2,  # not the municipality's point, so copying from the location shows
            lon=24.9,
        )
        self.retired = EmployerLocation.objects.create(
            organisation=jobs.employer,
            name="Vanha halli",
            municipality=self.other,
            lat=61.5,
            lon=23.8,
            active=False,
        )
        neighbour = OrganisationFactory(area=jobs.employer.area, kind=Organisation.Kind.EMPLOYER)
        self.foreign = EmployerLocation.objects.create(
            organisation=neighbour,
            name="Naapurin varasto",
            municipality=jobs.municipality,
            lat=60.17,
            lon=24.94,
        )


@pytest.fixture
def places(jobs):
    return Places(jobs)


def at_location(jobs, location, **changes):
    """Form data choosing ``location`` and typing no place."""
    return form_data(
        jobs, **{"location": str(location.pk), "municipality": "", "postcode": ""} | changes
    )


def new_url(jobs):
    return reverse("employers:vacancy_new", args=[jobs.employer.pk])


def test_choosing_a_location_copies_its_place_to_the_vacancy(world, jobs, places, login):
    client = login(world.users["coach"])
    response = client.post(new_url(jobs), at_location(jobs, places.own))
    created = Vacancy.objects.exclude(pk=jobs.vacancy.pk).get()
    assert response.status_code == 302
    assert created.location == places.own
    assert (created.municipality_id, created.postcode) == (jobs.municipality.code, "00100")
    assert (created.lat, created.lon) == (60.2, 24.9)
    # the same place typed beside the location is no clash
    again = client.post(
        new_url(jobs),
        at_location(jobs, places.own, municipality=jobs.municipality.code, postcode="00100"),
    )
    assert again.status_code == 302


def test_the_form_lists_the_employers_locations_in_use_and_another_place(
    world, jobs, places, login
):
    client = login(world.users["coach"])
    form = client.get(new_url(jobs)).context["form"]
    choices = dict(form.fields["location"].widget.choices)
    assert choices == {
        "": "Another place: give the municipality or postcode",
        str(places.own.pk): "Keskuskeittiö, Tehdaskatu 5",
    }


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("foreign", "The employer has no location {id}."),
        ("retired", "The location Vanha halli is no longer in use; choose another."),
        ("missing", "The employer has no location {id}."),
    ],
)
def test_a_new_vacancy_cannot_take_another_employers_or_a_retired_location(
    world, jobs, places, login, which, message
):
    location = {
        "foreign": places.foreign,
        "retired": places.retired,
        "missing": EmployerLocation(pk=places.foreign.pk + 1000),
    }[which]
    client = login(world.users["coach"])
    journal = IndexChange.objects.count()
    response = client.post(new_url(jobs), at_location(jobs, location))
    assert response.status_code == 200
    assert response.context["form"].errors["location"] == [message.format(id=location.pk)]
    assert Vacancy.objects.count() == 1 and IndexChange.objects.count() == journal


def test_a_place_typed_beside_a_location_that_differs_is_a_field_error(world, jobs, places, login):
    client = login(world.users["coach"])
    response = client.post(
        new_url(jobs), at_location(jobs, places.own, municipality="999", postcode="33100")
    )
    errors = response.context["form"].errors
    assert errors["municipality"] == [
        f"The location Keskuskeittiö is in municipality {jobs.municipality.code}, not 999; "
        "leave the municipality empty or choose another place."
    ]
    assert errors["postcode"] == [
        "The location Keskuskeittiö has the postcode 00100, not 33100; leave the postcode "
        "empty or choose another place."
    ]
    assert set(errors) == {"municipality", "postcode"}
    assert Vacancy.objects.count() == 1


def test_a_retired_location_stays_on_an_edit_and_shows_as_no_longer_in_use(
    world, jobs, places, login
):
    vacancy = VacancyFactory(
        employer=jobs.employer,
        location=places.retired,
        municipality=places.other,
        lat=61.5,
        lon=23.8,
    )
    client = login(world.users["coach"])
    url = reverse("employers:vacancy_edit", args=[vacancy.pk])
    form = client.get(url).context["form"]
    assert form.initial["location"] == places.retired.pk
    assert (form.initial["municipality"], form.initial["postcode"]) == ("", "")
    choices = dict(form.fields["location"].widget.choices)
    assert choices[str(places.retired.pk)] == "Vanha halli (no longer in use)"
    assert str(places.foreign.pk) not in choices
    saved = client.post(url, at_location(jobs, places.retired, title_fi="Kokki", version=1))
    assert saved.status_code == 302
    vacancy.refresh_from_db()
    assert (vacancy.location, vacancy.title_fi, vacancy.version) == (places.retired, "Kokki", 2)


def test_an_employer_user_chooses_among_their_own_locations(world, jobs, places, login):
    client = login(world.users["employer_user"])
    page = client.get(reverse("employers:our_vacancy_new"))
    assert str(places.own.pk) in dict(page.context["form"].fields["location"].widget.choices)
    refused = client.post(reverse("employers:our_vacancy_new"), at_location(jobs, places.foreign))
    assert "location" in refused.context["form"].errors
    client.post(reverse("employers:our_vacancy_new"), at_location(jobs, places.own))
    assert Vacancy.objects.get(title_en="Cleaner").location == places.own


def test_the_vacancy_pages_name_the_workplace(world, jobs, places, login):
    editing.update_vacancy(
        jobs.vacancy,
        {**editing.row_of(jobs.vacancy), "location": places.own.pk, "municipality": ""},
        expected_version=1,
    )
    staff = login(world.users["coach"]).get(reverse("employers:vacancy", args=[jobs.vacancy.pk]))
    assert "Keskuskeittiö, Tehdaskatu 5, 00100" in staff.content.decode()
    employer = login(world.users["employer_user"])
    own = employer.get(reverse("employers:our_vacancy", args=[jobs.vacancy.pk]))
    assert "Keskuskeittiö, Tehdaskatu 5" in own.content.decode()
    plain = VacancyFactory(employer=jobs.employer, municipality=jobs.municipality)
    page = employer.get(reverse("employers:our_vacancy", args=[plain.pk])).content.decode()
    assert "Workplace" not in page


def test_row_of_keeps_the_location_and_a_partial_edit_moves_the_place_with_it(world, jobs, places):
    vacancy = editing.update_vacancy(
        jobs.vacancy,
        {**editing.row_of(jobs.vacancy), "location": places.own.pk, "municipality": ""},
        expected_version=1,
    )
    row = editing.row_of(vacancy)
    assert (row["location"], row["municipality"], row["postcode"]) == (places.own.pk, "", "")
    before = {f: getattr(vacancy, f) for f in editing.REPLACED}
    same = editing.update_vacancy(vacancy, row, expected_version=2)
    assert {f: getattr(same, f) for f in editing.REPLACED} == before
    # retiring the location does not take it off the vacancy, nor block the next edit
    places.own.active = False
    places.own.save()
    kept = editing.update_vacancy(same, {**row, "title_fi": "Kokki"}, expected_version=3)
    assert kept.location == places.own and kept.title_fi == "Kokki"
    # "another place" leaves the location
    moved = editing.update_vacancy(
        kept, {**row, "location": "", "municipality": "999"}, expected_version=4
    )
    assert (moved.location, moved.municipality_id, moved.lat) == (None, "999", 61.5)
    assert editing.row_of(moved)["location"] == ""


def test_a_vacancy_without_location_round_trips_unchanged(world, jobs):
    row = editing.row_of(jobs.vacancy)
    assert row["location"] == "" and row["municipality"] == jobs.municipality.code
    saved = editing.update_vacancy(jobs.vacancy, row, expected_version=1)
    assert saved.location is None and saved.municipality == jobs.municipality


HEADER = "employer_business_id,title_fi,occupation,required_skills,location,municipality,postcode\n"


def test_the_import_reports_bad_locations_by_line_and_writes_nothing(world, jobs, places):
    business_id = jobs.employer.business_id

    def line(location, municipality="", postcode=""):
        return f"{business_id},Kokki,5120,{SKILLS[0]},{location},{municipality},{postcode}\n"

    text = (
        HEADER
        + line(places.own.pk)  # line 2: fine
        + line(places.foreign.pk)  # 3
        + line(places.retired.pk)  # 4
        + line("toimisto")  # 5
        + line(places.own.pk, municipality="999")  # 6
        + line(10**30)  # 7: no such id (and beyond any database integer)
        + line("", municipality=jobs.municipality.code)  # 8: another place, fine
    )
    before = Vacancy.objects.count()
    with pytest.raises(VacancyImportError) as caught:
        import_vacancies(world.area, text, "jobs.csv")
    assert [(e.line, e.column) for e in caught.value.errors] == [
        (3, "location"),
        (4, "location"),
        (5, "location"),
        (6, "municipality"),
        (7, "location"),
    ]
    assert str(caught.value.errors[2]) == (
        "line 5, location: Give the id of a location (a whole number), not 'toimisto'."
    )
    assert Vacancy.objects.count() == before
    good = HEADER + line(places.own.pk) + line("", municipality=jobs.municipality.code)
    created = import_vacancies(world.area, good, "jobs.csv")
    assert [v.location for v in created] == [places.own, None]
    assert (created[0].lat, created[0].postcode) == (60.2, "00100")


def test_the_json_import_takes_a_location_number(world, jobs, places):
    record = {
        "employer_business_id": jobs.employer.business_id,
        "title_sv": "Kock",
        "occupation": "5120",
        "location": places.own.pk,
    }
    with pytest.raises(VacancyImportError) as caught:
        import_vacancies(
            world.area, json.dumps([record, {**record, "location": True}]), "jobs.json"
        )
    assert [(e.line, e.column) for e in caught.value.errors] == [(2, "location")]
    (created,) = import_vacancies(world.area, json.dumps([record]), "jobs.json")
    assert created.location == places.own


def test_the_api_sets_and_moves_the_location_and_refuses_a_bad_one(world, jobs, places, login):
    client = login(world.users["employer_user"])
    body = api_body(jobs, municipality=None)
    foreign = client.post("/api/v1/vacancies/", {**body, "location": places.foreign.pk}, JSON)
    assert foreign.status_code == 400
    assert foreign.json()["errors"] == [
        {"field": "location", "error": f"The employer has no location {places.foreign.pk}."}
    ]
    retired = client.post("/api/v1/vacancies/", {**body, "location": places.retired.pk}, JSON)
    assert retired.status_code == 400 and retired.json()["field"] == "location"
    assert Vacancy.objects.count() == 1
    created = client.post("/api/v1/vacancies/", {**body, "location": places.own.pk}, JSON)
    assert created.status_code == 201, created.json()
    shown = created.json()
    assert (shown["location"], shown["postcode"], shown["lat"]) == (places.own.pk, "00100", 60.2)
    url = f"/api/v1/vacancies/{shown['id']}/"
    # a PATCH of another field keeps the location; typing a place beside it is a clash
    kept = client.patch(url, {"title_en": "Cook", "version": 1}, JSON)
    assert kept.status_code == 200 and kept.json()["location"] == places.own.pk
    clash = client.patch(url, {"municipality": "999", "version": 2}, JSON)
    assert clash.status_code == 400 and clash.json()["field"] == "municipality"
    # leaving the location needs the other place
    bare = client.patch(url, {"location": None, "version": 2}, JSON)
    assert bare.status_code == 400 and bare.json()["field"] == "municipality"
    moved = client.patch(url, {"location": None, "municipality": "999", "version": 2}, JSON)
    assert moved.status_code == 200
    assert (moved.json()["location"], moved.json()["municipality"]) == (None, "999")


@pytest.mark.parametrize(
    ("language", "label", "another", "refusal"),
    [
        (
            "fi",
            "Toimipaikka",
            "Muu paikka: anna kuntanumero tai postinumero",
            "Toimipaikka Vanha halli ei ole enää käytössä; valitse toinen.",
        ),
        (
            "sv",
            "Verksamhetsställe",
            "Annan plats: ange kommunnummer eller postnummer",
            "Verksamhetsstället Vanha halli är inte längre i bruk; välj ett annat.",
        ),
    ],
)
def test_the_workplace_speaks_finnish_and_swedish(
    world, jobs, places, language, label, another, refusal
):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(world.users["coach"])
    page = client.get(new_url(jobs)).content.decode()
    assert label in page and another in page
    refused = client.post(new_url(jobs), at_location(jobs, places.retired))
    assert refused.context["form"].errors["location"] == [refusal]
    edit = client.get(reverse("employers:vacancy_edit", args=[jobs.vacancy.pk]))
    assert label in edit.content.decode()
