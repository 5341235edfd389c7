"""The employers pages end to end: suggestions where people look, reads logged, the import page
all or nothing, the jobseeker's report and the employer's pseudonymous view."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import AccessLog
from saumaton.casework.models import ApplicationReport, DutyPeriod
from saumaton.employers.models import AssignedVacancy, ProfilePublication, Vacancy

from .test_import import HEADER, _row


def test_the_coach_sees_suggestions_on_the_person_page_and_assigns(world, jobs, login):
    client = login(world.users["coach"])
    page = client.get(reverse("jobseekers:detail", args=[world.person.pk]))
    assert jobs.vacancy.title_en in page.content.decode()
    deadline = timezone.localdate() + timedelta(days=5)
    response = client.post(
        reverse("employers:assign", args=[world.person.pk]),
        {"vacancy": jobs.vacancy.pk, "deadline": deadline.isoformat()},
    )
    assert response.status_code == 302
    assert AssignedVacancy.objects.get(person=world.person).deadline == deadline


def test_a_past_deadline_is_refused_on_the_form(world, jobs, login):
    client = login(world.users["coach"])
    response = client.post(
        reverse("employers:assign", args=[world.person.pk]),
        {"vacancy": jobs.vacancy.pk, "deadline": "2020-01-01"},
    )
    assert response.status_code == 200
    assert "cannot be in the past" in response.content.decode()
    assert not AssignedVacancy.objects.exists()


def test_candidates_on_a_vacancy_page_are_logged_reads(world, jobs, login):
    client = login(world.users["coach"])
    response = client.get(reverse("employers:vacancy", args=[jobs.vacancy.pk]))
    assert world.person.last_name in response.content.decode()
    assert AccessLog.objects.filter(
        actor=world.users["coach"], person=world.person, purpose="employers:vacancy"
    ).exists()


def test_the_import_page_lists_bad_lines_and_saves_nothing(world, jobs, login):
    client = login(world.users["coach"])
    before = Vacancy.objects.count()
    upload = SimpleUploadedFile("jobs.csv", (HEADER + _row(jobs, occupation="x")).encode())
    response = client.post(reverse("employers:import"), {"file": upload})
    assert "Line 2, occupation" in response.content.decode()
    assert Vacancy.objects.count() == before
    upload = SimpleUploadedFile("jobs.csv", (HEADER + _row(jobs)).encode())
    assert client.post(reverse("employers:import"), {"file": upload}).status_code == 302
    assert Vacancy.objects.count() == before + 1


def test_the_jobseeker_reports_applying_and_it_counts(world, jobs, login):
    today = timezone.localdate()
    DutyPeriod.objects.create(
        person=world.own_person, start=today - timedelta(days=10), end=today, required=4
    )
    assigned = AssignedVacancy.objects.create(
        person=world.own_person, vacancy=jobs.vacancy, assigned_on=today, deadline=today
    )
    client = login(world.users["jobseeker"])
    page = client.get(reverse("employers:my_jobs")).content.decode()
    assert jobs.vacancy.title_en in page
    response = client.post(
        reverse("employers:my_applied", args=[assigned.pk]),
        {"applied_on": today.isoformat(), "channel": "online"},
    )
    assert response.status_code == 302
    assert ApplicationReport.objects.filter(person=world.own_person).count() == 1
    assigned.refresh_from_db()
    assert assigned.state == "applied"


def test_the_employer_sees_a_code_not_a_name_until_the_person_agrees(world, jobs, login):
    client = login(world.users["jobseeker"])
    client.post(reverse("employers:my_publication"), {"published": "on"})
    publication = ProfilePublication.objects.get(person=world.own_person)
    assert publication.is_published and not publication.shares_identity
    employer = login(world.users["employer_user"])
    url = reverse("employers:our_vacancy", args=[jobs.vacancy.pk])
    page = employer.get(url).content.decode()
    assert str(publication.pseudonym)[:8] in page
    assert world.own_person.last_name not in page
    assert world.person.last_name not in page  # not published at all
    publication.shares_identity = True
    publication.save()
    assert world.own_person.last_name in employer.get(url).content.decode()
    assert AccessLog.objects.filter(
        actor=world.users["employer_user"], person=world.own_person
    ).exists()


def test_an_employer_user_cannot_open_another_employers_vacancy(world, jobs, login):
    from tests.employers.factories import VacancyFactory
    from tests.factories import OrganisationFactory

    other = VacancyFactory(
        employer=OrganisationFactory(area=world.area, kind="employer"),
        municipality=jobs.municipality,
    )
    client = login(world.users["employer_user"])
    assert client.get(reverse("employers:our_vacancy", args=[other.pk])).status_code == 404


def test_pages_and_reasons_speak_finnish_and_swedish(world, jobs):
    from django.test import Client

    for language, heading, reason in (
        ("fi", "Työpaikkoja minulle", "Kokemusta"),
        ("sv", "Jobb för mig", "rfarenhet"),
    ):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(world.users["jobseeker"])
        page = client.get(reverse("employers:my_jobs")).content.decode()
        assert heading in page and reason in page


def test_a_status_change_names_its_version_and_a_stale_one_changes_nothing(world, jobs, login):
    client = login(world.users["coach"])
    url = reverse("employers:vacancy_status", args=[jobs.vacancy.pk])
    client.post(url, {"status": "filled", "version": 1})
    stale = client.post(url, {"status": "closed", "version": 1}, follow=True)
    assert "reload the page" in stale.content.decode()
    jobs.vacancy.refresh_from_db()
    assert (jobs.vacancy.status, jobs.vacancy.version) == ("filled", 2)
    refused = client.post(url, {"status": "published", "version": 2}, follow=True)
    assert "cannot become" in refused.content.decode()
    assert Vacancy.objects.get(pk=jobs.vacancy.pk).status == "filled"


def test_staff_record_contacts_with_employers(world, jobs, login):
    client = login(world.users["coach"])
    client.post(
        reverse("employers:contact_log", args=[jobs.employer.pk]),
        {"on": "2026-11-02", "service": "recruitment_help", "note": "Kevään rekry"},
    )
    page = client.get(reverse("employers:employer", args=[jobs.employer.pk])).content.decode()
    assert "Kevään rekry" in page


def test_the_demo_names_employers_of_every_isco_major_group():
    """The city and national demos draw vacancies from all ten major groups (0 = armed forces)."""
    from saumaton.employers.demo import INDUSTRY_BY_MAJOR, NAME_SUFFIXES

    assert set(NAME_SUFFIXES) == set(INDUSTRY_BY_MAJOR) == set("0123456789")
