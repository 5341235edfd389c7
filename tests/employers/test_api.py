"""API v1 of employers and vacancies: the matching export schema, suggestions both ways with
logged reads, assignments through the same services, and the error contract."""

from datetime import timedelta

from django.utils import timezone

from saumaton.audit.models import AccessLog
from saumaton.employers.models import AssignedVacancy
from saumaton.matching.records import Vacancy as VacancyRecord


def test_the_vacancy_export_is_the_matching_schema(world, jobs, login):
    client = login(world.users["employer_user"])
    body = client.get("/api/v1/vacancies/?status=published").json()
    [row] = body["results"]
    record = VacancyRecord.from_json(row["matching"])
    assert record.id == str(jobs.vacancy.pk) and record.occupation == "5120"
    assert client.get("/api/v1/employers/").json()["results"][0]["id"] == jobs.employer.pk


def test_suggestions_both_ways_are_logged_reads(world, jobs, login):
    client = login(world.users["coach"])
    found = client.get(f"/api/v1/vacancies/{jobs.vacancy.pk}/candidates/?lang=sv&k=5").json()
    assert {row["id"] for row in found} == {str(world.person.pk), str(world.own_person.pk)}
    assert AccessLog.objects.filter(purpose="api:vacancy-candidates").count() == 2
    mine = client.get(f"/api/v1/assigned-vacancies/suggestions/?person={world.person.pk}").json()
    assert mine[0]["id"] == str(jobs.vacancy.pk) and mine[0]["reasons"]
    bad = client.get(f"/api/v1/assigned-vacancies/suggestions/?person={world.person.pk}&k=99")
    assert bad.status_code == 400 and bad.json()["field"] == "k"


def test_assigning_through_the_api_uses_the_service(world, jobs, login):
    client = login(world.users["coach"])
    deadline = timezone.localdate() + timedelta(days=3)
    payload = {
        "person_id": str(world.person.pk),
        "vacancy_id": str(jobs.vacancy.pk),
        "deadline": deadline.isoformat(),
    }
    created = client.post("/api/v1/assigned-vacancies/", payload, content_type="application/json")
    assert created.status_code == 201
    again = client.post("/api/v1/assigned-vacancies/", payload, content_type="application/json")
    assert again.status_code == 400 and again.json()["field"] == "vacancy"
    stranger = {**payload, "person_id": str(world.other_person.pk)}
    refused = client.post("/api/v1/assigned-vacancies/", stranger, content_type="application/json")
    assert refused.json() == {"error": "No such person.", "field": "person"}
    assert AssignedVacancy.objects.count() == 1


def test_profiles_export_in_the_matching_schema_and_are_logged(world, jobs, login):
    from saumaton.matching.records import JobseekerProfile

    client = login(world.users["coach"])
    rows = client.get("/api/v1/matching-profiles/").json()["results"]
    by_id = {row["id"]: row["profile"] for row in rows}
    assert set(by_id) == {str(world.person.pk), str(world.own_person.pk)}
    record = JobseekerProfile.from_json(by_id[str(world.person.pk)])
    assert record.occupations[0].isco == "5120"
    assert AccessLog.objects.filter(purpose="api:matching-profile-list").count() == 2
