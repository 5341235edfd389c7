"""Creating and editing vacancies (forms and API): the import's
rules, nothing written on bad input, the optimistic version, scoping, and the matching index."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saumaton.employers import editing
from saumaton.employers.importing import VacancyImportError
from saumaton.employers.index import index_for
from saumaton.employers.models import IndexChange, Vacancy
from saumaton.organisations.models import Organisation
from tests.factories import OrganisationFactory

from .factories import SKILLS, VacancyFactory


def form_data(jobs, **changes):
    data = {
        "title_fi": "Siivooja",
        "title_en": "Cleaner",
        "description_fi": "Toimistosiivousta aamuisin.",
        "occupation": "9112",
        "required_skills": f"{SKILLS[0]}, {SKILLS[1]}",
        "preferred_skills": "",
        "languages": "fi:B1, en:A2",
        "licences": ["driving_b"],
        "education_level_min": "2",
        "municipality": jobs.municipality.code,
        "postcode": "",
        "remote": "on_site",
        "work_time": "part_time",
        "demands": ["prolonged_standing"],
        "duration_months": "6",
        "start_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "deadline": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "wage_subsidy_eligible": "on",
        "status": "published",
    }
    return {**data, **changes}


def test_staff_create_a_vacancy_with_every_typed_field(world, jobs, login):
    client = login(world.users["coach"])
    response = client.post(f"/jobs/employers/{jobs.employer.pk}/vacancies/new/", form_data(jobs))
    created = Vacancy.objects.exclude(pk=jobs.vacancy.pk).get()
    assert response.status_code == 302 and response.url == f"/jobs/vacancies/{created.pk}/"
    assert created.employer == jobs.employer and created.occupation_id == "9112"
    assert created.required_skills == SKILLS[:2]
    assert created.languages == [{"code": "fi", "level": "B1"}, {"code": "en", "level": "A2"}]
    assert created.licences == ["driving_b"] and created.demands == ["prolonged_standing"]
    assert created.education_level_min == 2 and created.duration_months == 6
    assert created.wage_subsidy_eligible and created.work_time == "part_time"
    assert (created.lat, created.lon) == (60.17, 24.94)
    assert IndexChange.objects.filter(kind="vacancy", key=created.pk).exists()


def test_invalid_form_lists_the_import_problems_on_their_fields_and_writes_nothing(
    world, jobs, login
):
    client = login(world.users["coach"])
    journal = IndexChange.objects.count()
    bad = form_data(
        jobs, occupation="9999", required_skills="not-a-skill", languages="fi:Z9", title_fi=""
    )
    bad["title_en"] = ""
    response = client.post(f"/jobs/employers/{jobs.employer.pk}/vacancies/new/", bad)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"occupation", "required_skills", "languages", "title_fi"} <= set(errors)
    assert "'9999' is not an ISCO-08 unit group (4 digits)" in errors["occupation"]
    assert Vacancy.objects.count() == 1 and IndexChange.objects.count() == journal


def test_a_stale_form_is_refused_and_the_other_edit_kept(world, jobs, login):
    client = login(world.users["coach"])
    url = f"/jobs/vacancies/{jobs.vacancy.pk}/edit/"
    page = client.get(url)
    assert page.context["form"].initial["version"] == 1
    first = client.post(url, form_data(jobs, title_fi="Kokki A", version=1))
    assert first.status_code == 302
    stale = client.post(url, form_data(jobs, title_fi="Kokki B", version=1))
    assert stale.status_code == 200
    assert "Someone else changed this vacancy" in str(stale.context["form"].non_field_errors())
    jobs.vacancy.refresh_from_db()
    assert (jobs.vacancy.title_fi, jobs.vacancy.version) == ("Kokki A", 2)


def test_an_edit_moves_the_status_only_as_the_life_cycle_allows(world, jobs):
    row = editing.row_of(jobs.vacancy)
    with pytest.raises(VacancyImportError) as refused:
        editing.update_vacancy(jobs.vacancy, {**row, "status": "draft"}, expected_version=1)
    assert refused.value.errors[0].column == "status"
    closed = editing.update_vacancy(jobs.vacancy, {**row, "status": "closed"}, expected_version=1)
    assert (closed.status, closed.version) == ("closed", 2)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(
        st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200
    ).filter(str.strip),
    months=st.one_of(st.none(), st.integers(1, 600)),
    level=st.one_of(st.none(), st.integers(0, 8)),
)
def test_row_of_and_update_round_trip(title, months, level, world):
    """Saving a vacancy's own row changes nothing but the version (one place for the rules);
    each example writes a vacancy of its own, so sharing ``world`` between examples is safe."""
    from .factories import reference_rows

    reference_rows()
    municipality = world.area.lead_municipality
    municipality.lat, municipality.lon = 60.0, 25.0
    municipality.save()
    employer = Organisation.objects.filter(area=world.area, kind="employer").first()
    vacancy = VacancyFactory(
        employer=employer,
        municipality=municipality,
        lat=60.0,
        lon=25.0,
        title_sv=title.strip(),
        duration_months=months,
        education_level_min=level,
    )
    before = {f: getattr(vacancy, f) for f in editing.REPLACED}
    saved = editing.update_vacancy(vacancy, editing.row_of(vacancy), expected_version=1)
    assert {f: getattr(saved, f) for f in editing.REPLACED} == before and saved.version == 2


def test_the_matching_index_follows_an_edit(world, jobs):
    index = index_for(world.area.pk)
    assert index.vacancy_records[str(jobs.vacancy.pk)].occupation == "5120"
    row = {**editing.row_of(jobs.vacancy), "occupation": "9112"}
    editing.update_vacancy(jobs.vacancy, row, expected_version=1)
    assert index_for(world.area.pk).vacancy_records[str(jobs.vacancy.pk)].occupation == "9112"
    editing.update_vacancy(jobs.vacancy, {**row, "status": "closed"}, expected_version=2)
    assert str(jobs.vacancy.pk) not in index_for(world.area.pk).vacancy_records


def test_employer_users_write_only_their_own_organisations_vacancies(world, jobs, login):
    neighbour = OrganisationFactory(area=world.area, kind=Organisation.Kind.EMPLOYER)
    theirs = VacancyFactory(employer=neighbour, municipality=jobs.municipality)
    client = login(world.users["employer_user"])
    assert client.get(f"/jobs/ours/{theirs.pk}/edit/").status_code == 404
    refused = client.post(f"/jobs/ours/{theirs.pk}/edit/", form_data(jobs, version=1))
    assert refused.status_code == 404
    created = client.post("/jobs/ours/new/", form_data(jobs, status="draft"))
    new = Vacancy.objects.get(title_en="Cleaner")
    assert created.url == f"/jobs/ours/{new.pk}/" and new.employer == jobs.employer
    theirs.refresh_from_db()
    assert theirs.version == 1
    # area staff may write any of the area's, but not another area's
    coach = login(world.users["coach"])
    assert coach.get(f"/jobs/vacancies/{theirs.pk}/edit/").status_code == 200
    elsewhere = OrganisationFactory(area=world.other_area, kind=Organisation.Kind.EMPLOYER)
    assert coach.get(f"/jobs/employers/{elsewhere.pk}/vacancies/new/").status_code == 404


def api_body(jobs, **changes):
    return {
        "title_fi": "Siivooja",
        "occupation": "9112",
        "required_skills": [SKILLS[0]],
        "languages": [{"code": "fi", "level": "B1"}],
        "licences": [],
        "municipality": jobs.municipality.code,
        "work_time": "part_time",
        "wage_subsidy_eligible": True,
        "education_level_min": None,
        "status": "published",
        **changes,
    }


def test_api_create_and_patch_with_the_version(world, jobs, login):
    client = login(world.users["employer_user"])
    created = client.post("/api/v1/vacancies/", api_body(jobs), content_type="application/json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["employer"] == jobs.employer.pk and body["version"] == 1
    assert body["matching"]["occupation"] == "9112"
    url = f"/api/v1/vacancies/{body['id']}/"
    changed = client.patch(
        url, {"title_en": "Cleaner", "version": 1}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert changed.json()["title_fi"] == "Siivooja"  # a field left out keeps its value
    stale = client.patch(url, {"title_en": "Other", "version": 1}, content_type="application/json")
    assert stale.status_code == 409 and stale.json()["field"] == "version"
    missing = client.patch(url, {"title_en": "Other"}, content_type="application/json")
    assert missing.status_code == 400 and missing.json()["field"] == "version"
    assert Vacancy.objects.get(pk=body["id"]).title_en == "Cleaner"


def test_api_refuses_bad_input_listing_every_problem_and_writes_nothing(world, jobs, login):
    client = login(world.users["coach"])
    journal = IndexChange.objects.count()
    bad = api_body(
        jobs, employer=jobs.employer.pk, occupation="12", licences=["pilot"], deadline="31.12."
    )
    refused = client.post("/api/v1/vacancies/", bad, content_type="application/json")
    assert refused.status_code == 400
    fields = {e["field"] for e in refused.json()["errors"]}
    assert fields == {"occupation", "licences", "deadline"}
    unknown = client.post(
        "/api/v1/vacancies/",
        {**api_body(jobs), "employer": jobs.employer.pk, "salary": 1},
        content_type="application/json",
    )
    assert unknown.status_code == 400 and unknown.json()["field"] == "salary"
    patched = client.patch(
        f"/api/v1/vacancies/{jobs.vacancy.pk}/",
        {"occupation": "0000", "version": 1},
        content_type="application/json",
    )
    assert patched.status_code == 400
    assert Vacancy.objects.count() == 1 and IndexChange.objects.count() == journal
    jobs.vacancy.refresh_from_db()
    assert jobs.vacancy.version == 1


def test_api_scopes_writes_to_the_employer_and_the_area(world, jobs, login):
    neighbour = OrganisationFactory(area=world.area, kind=Organisation.Kind.EMPLOYER)
    theirs = VacancyFactory(employer=neighbour, municipality=jobs.municipality)
    client = login(world.users["employer_user"])
    patch = client.patch(
        f"/api/v1/vacancies/{theirs.pk}/",
        {"title_fi": "Kaapattu", "version": 1},
        content_type="application/json",
    )
    assert patch.status_code == 404
    post = client.post(
        "/api/v1/vacancies/",
        api_body(jobs, employer=neighbour.pk),
        content_type="application/json",
    )
    assert post.status_code == 400 and post.json()["field"] == "employer"
    elsewhere = OrganisationFactory(area=world.other_area, kind=Organisation.Kind.EMPLOYER)
    coach = login(world.users["coach"])
    away = coach.post(
        "/api/v1/vacancies/", api_body(jobs, employer=elsewhere.pk), content_type="application/json"
    )
    assert away.status_code == 400 and away.json()["field"] == "employer"
    mine = coach.patch(
        f"/api/v1/vacancies/{theirs.pk}/",
        {"title_fi": "Muutettu", "version": 1},
        content_type="application/json",
    )
    assert mine.status_code == 200
    jobseeker = login(world.users["jobseeker"])
    assert (
        jobseeker.post(
            "/api/v1/vacancies/", api_body(jobs), content_type="application/json"
        ).status_code
        == 403
    )
    assert Vacancy.objects.filter(title_fi="Kaapattu").count() == 0


def test_the_vacancy_writable_fields_are_declared_once():
    """The form and the API schema take their fields from ``editing.WRITABLE``."""
    from saumaton.employers.api_serializers import VacancyWriteSerializer
    from saumaton.employers.forms import VacancyForm

    schema = set(VacancyWriteSerializer().fields) - {"employer", "version"}
    form = set(VacancyForm(statuses=()).fields) - {"version"}
    assert schema == set(editing.WRITABLE) == form
    attributes = {"occupation_id", "location_id", "municipality_id", "lat", "lon"}
    keys = {"occupation", "location", "municipality"}
    assert set(editing.REPLACED) == set(editing.WRITABLE) - keys | attributes
