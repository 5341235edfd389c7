"""Suggestions both ways, from the area's index, with reasons in the reader's language.

The engine returns ids, scores and reasons as data; this module turns them into rows the pages
and the API show: vacancies for a person (coach and self-service), people for a vacancy (area
staff), and pseudonymous candidates for the employer.

Employers (380/2023 §118: the authority may disclose to an employer only what is needed to
offer the jobseeker for the job, and what the jobseeker has agreed to): a candidate appears only
if the person has published a job-search profile (``ProfilePublication``); the employer sees a
pseudonym, the score and the job-related reasons, never health data (limitations act only as
hard constraints) and never a name, unless the person shares their identity or has applied for
this very vacancy.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from saumaton.jobseekers.models import Person
from saumaton.matching.explain import explain

from .index import index_for, ready_index
from .models import AssignedVacancy, ProfilePublication, Vacancy

EMPLOYER_POOL = 200  # how deep to search before keeping only published profiles
# What a suggested vacancy shows (title in the reader's language, employer, deadline): not its
# descriptions, skill lists, municipality and occupation rows.
SUGGESTED_VACANCY_FIELDS = (
    "title_fi",
    "title_sv",
    "title_en",
    "deadline",
    "employer__name",
)


@dataclass
class Suggestion:
    score: float
    reasons: list[str]
    vacancy: Vacancy | None = None
    person: Person | None = None
    pseudonym: str = ""

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def _language(language: str) -> str:
    language = (language or "fi")[:2]
    return language if language in ("fi", "sv", "en") else "fi"


def _area_of(person: Person) -> int | None:
    customership = person.active_customership
    return customership.organisation.area_id if customership else None


def vacancies_for_person(
    person: Person, language: str, k: int = 5, *, wait: bool = True
) -> list[Suggestion] | None:
    """The k best open vacancies for the person; ``wait=False`` gives None instead of waiting
    for this process's first build of the area's index (``index.ready_index``)."""
    area_id = _area_of(person)
    if area_id is None:
        return []
    index = index_for(area_id) if wait else ready_index(area_id)
    if index is None:
        return None
    if str(person.pk) not in index.profile_records:
        return []
    matches = index.vacancies_for(str(person.pk), k)
    rows = (
        Vacancy.objects.select_related("employer")
        .only(*SUGGESTED_VACANCY_FIELDS)
        .in_bulk([m.id for m in matches])
    )
    lang = _language(language)
    return [
        Suggestion(m.score, [explain(r, lang) for r in m.reasons], vacancy=rows[uuid.UUID(m.id)])
        for m in matches
        if uuid.UUID(m.id) in rows
    ]


def _ranked_people(vacancy: Vacancy, k: int):
    index = index_for(vacancy.employer.area_id)
    if str(vacancy.pk) not in index.vacancy_records:
        return []
    return index.jobseekers_for(str(vacancy.pk), k)


def candidates_for_vacancy(vacancy: Vacancy, visible, language: str, k: int = 10):
    """People for a vacancy among ``visible`` (the viewer's scoped Person queryset)."""
    matches = _ranked_people(vacancy, k)
    people = visible.in_bulk([m.id for m in matches])
    lang = _language(language)
    return [
        Suggestion(m.score, [explain(r, lang) for r in m.reasons], person=people[uuid.UUID(m.id)])
        for m in matches
        if uuid.UUID(m.id) in people
    ]


def employer_candidates(vacancy: Vacancy, language: str, k: int = 10) -> list[Suggestion]:
    """Candidates the employer may see: published profiles only, pseudonymous by default."""
    matches = _ranked_people(vacancy, EMPLOYER_POOL)
    publications = {
        str(p.person_id): p
        for p in ProfilePublication.objects.filter(
            person_id__in=[m.id for m in matches], published_at__isnull=False
        ).select_related("person")
    }
    applied = {
        str(pid)
        for pid in AssignedVacancy.objects.filter(
            vacancy=vacancy,
            state__in=[
                AssignedVacancy.State.APPLIED,
                AssignedVacancy.State.HIRED,
                AssignedVacancy.State.NOT_HIRED,
            ],
        ).values_list("person_id", flat=True)
    }
    lang = _language(language)
    result = []
    for m in matches:
        publication = publications.get(m.id)
        if publication is None:
            continue
        named = publication.shares_identity or m.id in applied
        result.append(
            Suggestion(
                m.score,
                [explain(r, lang) for r in m.reasons],
                person=publication.person if named else None,
                pseudonym=str(publication.pseudonym)[:8],
            )
        )
        if len(result) == k:
            break
    return result
