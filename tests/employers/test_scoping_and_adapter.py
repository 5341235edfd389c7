"""Who sees which vacancies, and that the adapter only ever emits codes the engine accepts."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saumaton.employers.adapter import profile_records
from saumaton.employers.models import Vacancy
from saumaton.jobseekers.models import Person
from saumaton.jobseekers.models.profile import (
    Licence,
    Preferences,
    WorkAbilityLimitation,
)
from saumaton.matching.records import JobseekerProfile
from tests.factories import OrganisationFactory, PersonFactory

from .factories import VacancyFactory


def test_vacancies_are_seen_by_area_staff_their_employer_and_jobseekers_when_published(world, jobs):
    draft = VacancyFactory(employer=jobs.employer, municipality=jobs.municipality, status="draft")
    elsewhere = VacancyFactory(
        employer=OrganisationFactory(area=world.other_area, kind="employer"),
        municipality=jobs.municipality,
    )

    def seen(role):
        return set(Vacancy.objects.visible_to(world.users[role]))

    assert seen("coach") == {jobs.vacancy, draft}
    assert seen("employer_user") == {jobs.vacancy, draft}
    assert seen("jobseeker") == {jobs.vacancy}
    assert seen("partner") == seen("analyst") == seen("area_admin") == set()
    assert elsewhere not in seen("coach")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    licences=st.sets(st.sampled_from(Licence.Kind.values)),
    limitations=st.sets(st.sampled_from(WorkAbilityLimitation.Code.values)),
    work_time=st.lists(st.sampled_from(Preferences.WorkTime.values), unique=True),
)
def test_any_profile_becomes_a_record_the_engine_accepts(jobs, licences, limitations, work_time):
    person = PersonFactory(home_municipality=jobs.municipality)
    Licence.objects.bulk_create(Licence(person=person, kind=k) for k in licences)
    WorkAbilityLimitation.objects.bulk_create(
        WorkAbilityLimitation(person=person, code=c) for c in limitations
    )
    Preferences.objects.create(person=person, work_time=work_time)
    record = profile_records(Person.objects.filter(pk=person.pk), date(2026, 11, 1))[str(person.pk)]
    assert JobseekerProfile.from_json(record.to_json()) == record
    assert len(record.licences) == len(licences)  # every licence kind has an engine code
    if "part_time_only" in limitations:
        assert record.work_time == ("part_time",)
