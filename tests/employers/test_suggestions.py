"""Suggestions from the database index: reasons in the reader's language, kept current,
hard constraints respected, protected traits without effect, employers see published only."""

from datetime import date

import pytest
from django.utils import timezone

from saumaton.employers.adapter import profile_records
from saumaton.employers.models import ProfilePublication, Vacancy
from saumaton.employers.suggestions import (
    candidates_for_vacancy,
    employer_candidates,
    vacancies_for_person,
)
from saumaton.jobseekers.models import Person
from saumaton.jobseekers.models.profile import WorkAbilityLimitation

from .factories import VacancyFactory


def test_a_suitable_vacancy_is_suggested_with_reasons_in_the_language(world, jobs):
    fi = vacancies_for_person(world.person, "fi")
    sv = vacancies_for_person(world.person, "sv")
    assert [s.vacancy for s in fi] == [jobs.vacancy]
    assert fi[0].score > 0
    assert any("Kokemusta" in r for r in fi[0].reasons)
    assert any("Erfarenhet" in r or "erfarenhet" in r for r in sv[0].reasons)


def test_the_index_follows_saved_vacancies_without_a_rebuild(world, jobs):
    assert len(vacancies_for_person(world.person, "en")) == 1  # builds the index
    second = VacancyFactory(employer=jobs.employer, municipality=jobs.municipality)
    assert {s.vacancy for s in vacancies_for_person(world.person, "en")} == {jobs.vacancy, second}
    jobs.vacancy.status = Vacancy.Status.FILLED
    jobs.vacancy.save()
    assert [s.vacancy for s in vacancies_for_person(world.person, "en")] == [second]


def test_the_index_follows_a_changed_profile(world, jobs):
    jobs.vacancy.demands = ["heavy_lifting"]
    jobs.vacancy.save()
    assert len(vacancies_for_person(world.person, "en")) == 1
    WorkAbilityLimitation.objects.create(person=world.person, code="no_heavy_lifting")
    assert vacancies_for_person(world.person, "en") == []  # a hard constraint, never violated


def test_a_missing_required_language_excludes_the_vacancy(world, jobs):
    VacancyFactory(
        employer=jobs.employer,
        municipality=jobs.municipality,
        languages=[{"code": "sv", "level": "B2"}],
    )
    assert [s.vacancy for s in vacancies_for_person(world.person, "en")] == [jobs.vacancy]


def test_staff_candidates_are_limited_to_people_the_viewer_may_see(world, jobs):
    coach = world.users["coach"]
    found = candidates_for_vacancy(jobs.vacancy, Person.objects.visible_to(coach), "en")
    assert {s.person for s in found} == {world.person, world.own_person}
    nobody = candidates_for_vacancy(jobs.vacancy, Person.objects.none(), "en")
    assert nobody == []


def test_protected_traits_do_not_reach_the_record_nor_change_the_ranking(world, jobs):
    def ranking():
        visible = Person.objects.visible_to(world.users["coach"])
        return [(s.person.pk, s.score) for s in candidates_for_vacancy(jobs.vacancy, visible, "en")]

    today = date(2026, 11, 1)
    before_record = profile_records(Person.objects.filter(pk=world.person.pk), today)
    before = ranking()
    person = world.person
    person.birth_date = date(1950, 1, 1)
    person.citizenship, person.mother_tongue = "SO", "so"
    person.first_name, person.last_name = "Ayaan", "Hassan"
    person.save()
    assert profile_records(Person.objects.filter(pk=person.pk), today) == before_record
    assert ranking() == before


def test_employers_see_only_published_profiles_pseudonymously(world, jobs):
    assert employer_candidates(jobs.vacancy, "fi") == []
    publication = ProfilePublication.objects.create(
        person=world.person, published_at=timezone.now()
    )
    [candidate] = employer_candidates(jobs.vacancy, "fi")
    assert candidate.person is None
    assert candidate.pseudonym == str(publication.pseudonym)[:8]
    publication.shares_identity = True
    publication.save()
    assert employer_candidates(jobs.vacancy, "fi")[0].person == world.person


@pytest.mark.django_db(transaction=True)
def test_the_person_page_does_not_wait_for_the_first_index_build(world, jobs, settings):
    """With background builds on (the default outside tests), the first ask gives None and
    starts the build; once it is done the same ask gives the suggestions."""
    import threading

    settings.SAUMATON_MATCHING_BUILD_IN_BACKGROUND = True
    assert vacancies_for_person(world.person, "en", wait=False) is None
    for builder in [t for t in threading.enumerate() if t.name == "matching-index"]:
        builder.join(timeout=60)
    found = vacancies_for_person(world.person, "en", wait=False)
    assert [s.vacancy for s in found] == [jobs.vacancy]
