"""The employer register: creating employers and editing their profile, locations and contact
persons (pages and API); validation, all-or-nothing, the optimistic version and scoping."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saumaton.employers import register
from saumaton.employers.models import (
    EmployerContact,
    EmployerLocation,
    EmployerProfile,
    Vacancy,
)
from saumaton.organisations.models import Organisation
from saumaton.reference.models import Postcode
from saumaton.rules.identifiers import validate_business_id
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
    next_business_id,
)

FREE_ID = next_business_id(7000000)
JSON = "application/json"


@pytest.fixture
def places(jobs):
    """Two postcodes of the area's municipality and one of another municipality."""
    other = MunicipalityFactory(code="999", lat=61.5, lon=23.8)  # outside the factory cycle
    Postcode.objects.create(
        postcode="00100", name_fi="Keskusta", name_sv="Centrum", municipality=jobs.municipality
    )
    Postcode.objects.create(postcode="33100", name_fi="Muu", name_sv="Annan", municipality=other)
    return other


@pytest.fixture
def elsewhere_coach(world):
    """A coach of the other area: same role, another tenant."""
    user = UserFactory(username="coach_elsewhere")
    MembershipFactory(user=user, organisation=world.other_authority, role="coach")
    return user


def employer_form(world, **changes):
    return {
        "name": "Leipomo Oy",
        "business_id": FREE_ID,
        "industry": "Leipomotuotteiden valmistus",
        "account_manager": world.users["coach"].pk,
        "area": world.area.pk,
        **changes,
    }


def test_staff_create_an_employer_from_the_employer_list(world, jobs, login):
    client = login(world.users["coach"])
    listing = client.get("/jobs/employers/").content.decode()
    assert 'href="/jobs/employers/new/"' in listing
    response = client.post("/jobs/employers/new/", employer_form(world))
    created = Organisation.objects.get(business_id=FREE_ID)
    assert response.status_code == 302 and response.url == f"/jobs/employers/{created.pk}/"
    assert (created.kind, created.area, created.name) == ("employer", world.area, "Leipomo Oy")
    profile = created.employer_profile
    assert profile.account_manager == world.users["coach"] and profile.version == 1
    assert profile.industry == "Leipomotuotteiden valmistus"


@pytest.mark.parametrize(
    ("business_id", "reason"),
    [
        ("1234567", "give seven digits, a hyphen and the check digit"),
        ("1572860-1", "the check digit does not match"),
    ],
)
def test_a_bad_business_id_is_refused_with_its_reason(world, jobs, login, business_id, reason):
    client = login(world.users["coach"])
    before = Organisation.objects.count()
    response = client.post("/jobs/employers/new/", employer_form(world, business_id=business_id))
    assert response.status_code == 200
    (message,) = response.context["form"].errors["business_id"]
    assert message.startswith("Invalid business ID (Y-tunnus): ") and reason in message
    assert Organisation.objects.count() == before


def test_a_duplicate_business_id_points_to_the_existing_employer(world, jobs, login):
    client = login(world.users["coach"])
    duplicate = client.post(
        "/jobs/employers/new/", employer_form(world, business_id=jobs.employer.business_id)
    )
    (message,) = duplicate.context["form"].errors["business_id"]
    assert f"{jobs.employer.name} already has this business ID" in message
    assert f'href="/jobs/employers/{jobs.employer.pk}/"' in duplicate.content.decode()
    # the employment authority is no employer the coach sees: no name, no link
    hidden = client.post(
        "/jobs/employers/new/", employer_form(world, business_id=world.authority.business_id)
    )
    (message,) = hidden.context["form"].errors["business_id"]
    assert message == "An organisation of the area already has this business ID."
    assert not Organisation.objects.filter(name="Leipomo Oy").exists()


def test_a_business_id_taken_between_check_and_save_is_refused_clearly(world, jobs, monkeypatch):
    """Two people registering the same company at once: the database's constraint catches the
    second, who gets the same clear refusal as the check's, and nothing of theirs is saved."""
    check = register._unique_business_id
    calls = []

    def racing_check(*args):
        calls.append(args)
        if len(calls) > 1:  # the second look, after the constraint fired, sees the winner
            check(*args)

    monkeypatch.setattr(register, "_unique_business_id", racing_check)
    before = Organisation.objects.count()
    with pytest.raises(register.RegisterError) as refused:
        register.create_employer(
            world.users["coach"],
            {"name": "Toinen Oy", "business_id": jobs.employer.business_id, "area": world.area.pk},
        )
    ((field, message),) = [(p.field, p.message) for p in refused.value.problems]
    assert field == "business_id" and "already has this business ID" in message
    assert Organisation.objects.count() == before
    assert len(calls) == 2


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet="0123456789-", min_size=7, max_size=9))
def test_the_register_accepts_exactly_the_business_ids_the_rule_accepts(text, world):
    """Whatever is typed, the register refuses it exactly when the rules engine does."""
    taken = set(Organisation.objects.values_list("business_id", flat=True))
    data = {"name": "X Oy", "business_id": text, "area": world.area.pk}
    try:
        created = register.create_employer(world.users["coach"], data)
    except register.RegisterError as refused:
        fields = {p.field for p in refused.problems}
        assert fields == {"business_id"}
        assert not validate_business_id(text).valid or text in taken
    else:
        assert validate_business_id(text).valid and created.business_id == text


def test_every_problem_of_a_new_employer_is_listed_and_nothing_written(
    world, jobs, login, elsewhere_coach
):
    client = login(world.users["coach"])
    before = (Organisation.objects.count(), EmployerProfile.objects.count())
    response = client.post(
        "/api/v1/employers/",
        {
            "name": "",
            "business_id": "1572860-1",
            "account_manager": elsewhere_coach.pk,  # staff of another area
            "area": world.other_area.pk,
        },
        content_type=JSON,
    )
    assert response.status_code == 400
    fields = [e["field"] for e in response.json()["errors"]]
    assert sorted(fields) == ["account_manager", "area", "business_id", "name"]
    unknown = client.post(
        "/api/v1/employers/",
        {"name": "X", "business_id": FREE_ID, "kind": "kela", "owner": 1},
        content_type=JSON,
    )
    assert unknown.status_code == 400
    assert [e["field"] for e in unknown.json()["errors"]] == ["kind", "owner"]
    assert (Organisation.objects.count(), EmployerProfile.objects.count()) == before


def test_api_create_and_patch_an_employer_with_its_version(world, jobs, login):
    client = login(world.users["coach"])
    created = client.post(
        "/api/v1/employers/",
        {"name": "Leipomo Oy", "business_id": FREE_ID, "industry": "Leipomo"},
        content_type=JSON,
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["area"] == world.area.pk and body["version"] == 1 and body["locations"] == []
    url = f"/api/v1/employers/{body['id']}/"
    manager = world.users["unit_lead"].pk
    changed = client.patch(url, {"account_manager": manager, "version": 1}, content_type=JSON)
    assert changed.status_code == 200, changed.json()
    assert changed.json()["account_manager"] == manager and changed.json()["version"] == 2
    assert changed.json()["industry"] == "Leipomo"  # left out: kept
    stale = client.patch(url, {"industry": "Kahvila", "version": 1}, content_type=JSON)
    assert stale.status_code == 409 and stale.json()["field"] == "version"
    missing = client.patch(url, {"industry": "Kahvila"}, content_type=JSON)
    assert missing.status_code == 400 and missing.json()["field"] == "version"
    duplicate = client.patch(
        url, {"business_id": jobs.employer.business_id, "version": 2}, content_type=JSON
    )
    assert duplicate.status_code == 400
    assert duplicate.json()["errors"] == [
        {
            "field": "business_id",
            "error": f"{jobs.employer.name} already has this business ID in the register.",
            "existing": jobs.employer.pk,
        }
    ]
    profile = EmployerProfile.objects.get(organisation_id=body["id"])
    assert (profile.industry, profile.version) == ("Leipomo", 2)


def test_a_stale_employer_form_is_refused_and_the_other_edit_kept(world, jobs, login):
    client = login(world.users["coach"])
    url = f"/jobs/employers/{jobs.employer.pk}/edit/"
    page = client.get(url)
    assert page.context["form"].initial["version"] == 1  # a profile is made on first use
    data = employer_form(world, business_id=jobs.employer.business_id, version=1)
    first = client.post(url, {**data, "industry": "Ravintola"})
    assert first.status_code == 302
    stale = client.post(url, {**data, "industry": "Kahvila"})
    assert stale.status_code == 200
    assert "Someone else changed this employer" in str(stale.context["form"].non_field_errors())
    profile = EmployerProfile.objects.get(organisation=jobs.employer)
    assert (profile.industry, profile.version) == ("Ravintola", 2)


def test_a_location_takes_municipality_and_coordinates_from_its_postcode(
    world, jobs, login, places
):
    client = login(world.users["coach"])
    base = f"/jobs/employers/{jobs.employer.pk}/locations"
    unknown = client.post(f"{base}/new/", {"name": "Varasto", "postcode": "12345", "active": "on"})
    assert unknown.context["form"].errors["postcode"] == ["Unknown postcode 12345."]
    wrong = client.post(
        f"{base}/new/",
        {"name": "Varasto", "postcode": "33100", "municipality": jobs.municipality.code},
    )
    assert wrong.context["form"].errors["postcode"] == ["The postcode is not in this municipality."]
    nothing = client.post(f"{base}/new/", {"name": "Varasto"})
    assert "municipality" in nothing.context["form"].errors
    assert not EmployerLocation.objects.exists()
    saved = client.post(
        f"{base}/new/",
        {"name": "Tehdas", "street_address": "Tehtaankatu 1", "postcode": "33100", "active": "on"},
    )
    assert saved.status_code == 302
    location = EmployerLocation.objects.get()
    assert (location.municipality, location.lat, location.lon) == (places, 61.5, 23.8)
    assert location.street_address == "Tehtaankatu 1" and location.active


def test_a_retired_location_stays_for_the_vacancies_that_name_it(world, jobs, login, places):
    location = register.save_location(jobs.employer, {"name": "Keittiö", "postcode": "00100"})
    Vacancy.objects.filter(pk=jobs.vacancy.pk).update(location=location)
    client = login(world.users["coach"])
    url = f"/jobs/employers/{jobs.employer.pk}/locations/{location.pk}/"
    form = client.get(url).context["form"]
    assert form.initial["version"] == 1 and form.initial["active"] is True
    retired = client.post(url, {"name": "Keittiö", "postcode": "00100", "version": 1})
    assert retired.status_code == 302
    location.refresh_from_db()
    jobs.vacancy.refresh_from_db()
    assert (location.active, location.version) == (False, 2)
    assert jobs.vacancy.location == location
    page = client.get(f"/jobs/employers/{jobs.employer.pk}/").content.decode()
    assert "Keittiö" in page and "no longer in use" in page
    stale = client.post(url, {"name": "Uusi", "postcode": "00100", "version": 1, "active": "on"})
    assert "Someone else changed this location" in str(stale.context["form"].non_field_errors())
    location.refresh_from_db()
    assert (location.name, location.active) == ("Keittiö", False)


def test_contact_persons_are_checked_and_retired_not_deleted(world, jobs, login):
    client = login(world.users["coach"])
    base = f"/jobs/employers/{jobs.employer.pk}/contacts"
    bad = client.post(
        f"{base}/new/",
        {"name": "Anna", "email": "not-mail", "phone": "soita", "language": "de", "active": "on"},
    )
    assert bad.status_code == 200
    assert {"email", "phone", "language"} <= set(bad.context["form"].errors)
    assert not EmployerContact.objects.exists()
    client.post(
        f"{base}/new/",
        {
            "name": "Anna",
            "title": "HR",
            "email": "anna@example.invalid",
            "phone": "+358 40 123 4567",
            "language": "sv",
            "active": "on",
        },
    )
    contact = EmployerContact.objects.get()
    assert (contact.language, contact.phone, contact.active) == ("sv", "+358 40 123 4567", True)
    client.post(
        f"{base}/{contact.pk}/",
        {"name": "Anna", "title": "HR", "language": "sv", "version": 1},
    )
    contact.refresh_from_db()
    assert (contact.active, contact.email, contact.version) == (False, "", 2)
    stale = client.post(f"{base}/{contact.pk}/", {"name": "B", "language": "fi", "version": 1})
    assert "Someone else changed this contact person" in str(
        stale.context["form"].non_field_errors()
    )


def test_employer_users_keep_their_own_locations_and_contacts_only(world, jobs, login, places):
    neighbour = OrganisationFactory(area=world.area, kind=Organisation.Kind.EMPLOYER)
    theirs = EmployerContact.objects.create(organisation=neighbour, name="Naapuri")
    client = login(world.users["employer_user"])
    page = client.get("/jobs/ours/organisation/").content.decode()
    assert jobs.employer.name in page and neighbour.name not in page
    own = f"/jobs/ours/organisation/{jobs.employer.pk}"
    saved = client.post(
        f"{own}/locations/new/", {"name": "Myymälä", "postcode": "00100", "active": "on"}
    )
    assert saved.status_code == 302 and saved.url == "/jobs/ours/organisation/"
    assert EmployerLocation.objects.get().organisation == jobs.employer
    client.post(f"{own}/contacts/new/", {"name": "Oma", "language": "fi", "active": "on"})
    assert EmployerContact.objects.filter(organisation=jobs.employer, name="Oma").exists()
    other = f"/jobs/ours/organisation/{neighbour.pk}"
    assert client.get(f"{other}/contacts/new/").status_code == 404
    assert client.post(f"{other}/contacts/{theirs.pk}/", {"name": "X"}).status_code == 404
    assert client.get(f"{own}/contacts/{theirs.pk}/").status_code == 404
    # the profile is the area's: no page, no API write
    assert client.get(f"/jobs/employers/{jobs.employer.pk}/edit/").status_code == 403
    patch = client.patch(
        f"/api/v1/employers/{jobs.employer.pk}/",
        {"industry": "Muu", "version": 1},
        content_type=JSON,
    )
    assert patch.status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "Naapuri"


def test_api_locations_and_contacts_are_scoped_to_the_employer(world, jobs, login, places):
    neighbour = OrganisationFactory(area=world.area, kind=Organisation.Kind.EMPLOYER)
    client = login(world.users["employer_user"])
    created = client.post(
        "/api/v1/employer-locations/", {"name": "Myymälä", "postcode": "00100"}, content_type=JSON
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["employer"] == jobs.employer.pk and body["municipality"] == jobs.municipality.pk
    assert (body["lat"], body["lon"], body["version"]) == (60.17, 24.94, 1)
    url = f"/api/v1/employer-locations/{body['id']}/"
    moved = client.patch(url, {"postcode": "33100", "version": 1}, content_type=JSON)
    assert moved.status_code == 200 and moved.json()["municipality"] == places.pk
    assert moved.json()["name"] == "Myymälä"
    stale = client.patch(url, {"active": False, "version": 1}, content_type=JSON)
    assert stale.status_code == 409
    bad = client.patch(url, {"postcode": "99999", "active": "no", "version": 2}, content_type=JSON)
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"postcode", "active"}
    refused = client.post(
        "/api/v1/employer-contacts/",
        {"employer": neighbour.pk, "name": "X"},
        content_type=JSON,
    )
    assert refused.status_code == 400 and refused.json()["field"] == "employer"
    theirs = EmployerContact.objects.create(organisation=neighbour, name="Naapuri")
    hidden = client.patch(
        f"/api/v1/employer-contacts/{theirs.pk}/", {"name": "X", "version": 1}, content_type=JSON
    )
    assert hidden.status_code == 404
    listed = client.get("/api/v1/employer-contacts/").json()["results"]
    assert [c["id"] for c in listed] == []
    coach = login(world.users["coach"])
    mine = coach.patch(
        f"/api/v1/employer-contacts/{theirs.pk}/",
        {"email": "naapuri@example.invalid", "version": 1},
        content_type=JSON,
    )
    assert mine.status_code == 200 and mine.json()["version"] == 2
    detail = coach.get(f"/api/v1/employers/{jobs.employer.pk}/").json()
    assert [x["name"] for x in detail["locations"]] == ["Myymälä"]
    location = EmployerLocation.objects.get()
    assert (location.municipality, location.active, location.version) == (places, True, 2)


def test_a_coach_of_another_area_keeps_no_register_here(world, jobs, login, elsewhere_coach):
    client = login(elsewhere_coach)
    assert client.get(f"/jobs/employers/{jobs.employer.pk}/edit/").status_code == 404
    assert client.get(f"/jobs/employers/{jobs.employer.pk}/contacts/new/").status_code == 404
    patch = client.patch(
        f"/api/v1/employers/{jobs.employer.pk}/",
        {"industry": "Muu", "version": 1},
        content_type=JSON,
    )
    assert patch.status_code == 404
    post = client.post(
        "/api/v1/employer-contacts/",
        {"employer": jobs.employer.pk, "name": "X"},
        content_type=JSON,
    )
    assert post.status_code == 400 and post.json()["field"] == "employer"
    here = client.post(
        "/api/v1/employers/",
        {"name": "X Oy", "business_id": FREE_ID, "area": world.area.pk},
        content_type=JSON,
    )
    assert here.status_code == 400 and here.json()["field"] == "area"
    assert not EmployerContact.objects.exists()
    assert not Organisation.objects.filter(business_id=FREE_ID).exists()
    # each area keeps its own register: the same company may be an employer of both
    own = client.post(
        "/api/v1/employers/",
        {"name": "X Oy", "business_id": jobs.employer.business_id},
        content_type=JSON,
    )
    assert own.status_code == 201 and own.json()["area"] == world.other_area.pk


def test_account_managers_are_the_areas_business_services_staff(world, elsewhere_coach):
    staff = set(register.area_staff([world.area.pk]))
    assert world.users["coach"] in staff and world.users["unit_lead"] in staff
    assert world.users["area_admin"] not in staff and world.users["employer_user"] not in staff
    assert elsewhere_coach not in staff


def test_the_pages_speak_finnish_and_swedish(world, jobs):
    from django.test import Client

    for language, heading, link in (
        ("fi", "Organisaatiomme", "Lisää yhteyshenkilö"),
        ("sv", "Vår organisation", "Lägg till en kontaktperson"),
    ):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(world.users["employer_user"])
        page = client.get("/jobs/ours/organisation/").content.decode()
        assert heading in page and link in page
