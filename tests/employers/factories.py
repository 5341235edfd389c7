"""Reference rows, employers and vacancies for the employers tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import factory

from saumaton.employers.models import Vacancy
from saumaton.organisations.models import Organisation
from saumaton.reference.models import EscoSkill, IscoGroup, Municipality

SKILLS = [str(uuid.UUID(int=n + 1)) for n in range(6)]


def reference_rows() -> None:
    """A small ISCO tree (cooks, cleaners, developers) and six ESCO skills."""
    for code, label in (
        ("5", "Service and sales workers"),
        ("51", "Personal service workers"),
        ("512", "Cooks"),
        ("5120", "Cooks"),
        ("9", "Elementary occupations"),
        ("91", "Cleaners and helpers"),
        ("911", "Domestic, hotel and office cleaners"),
        ("9112", "Cleaners in offices"),
    ):
        IscoGroup.objects.get_or_create(
            code=code,
            defaults={
                "level": len(code),
                "parent_id": code[:-1] or None,
                "label_en": label,
            },
        )
    for n, skill in enumerate(SKILLS):
        EscoSkill.objects.get_or_create(
            id=skill,
            defaults={
                "uri": f"http://data.europa.eu/esco/skill/{skill}",
                "preferred_label_en": f"skill {n}",
            },
        )


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    title_fi = factory.Sequence(lambda n: f"Kokki {n}")
    title_en = factory.Sequence(lambda n: f"Cook {n}")
    occupation_id = "5120"
    required_skills = factory.LazyFunction(lambda: SKILLS[:2])
    preferred_skills = factory.LazyFunction(lambda: SKILLS[2:3])
    languages = factory.LazyFunction(lambda: [{"code": "fi", "level": "B1"}])
    lat = 60.17
    lon = 24.94
    status = Vacancy.Status.PUBLISHED
    is_synthetic = True


@dataclass
class Jobs:
    employer: Organisation
    municipality: Municipality
    vacancy: Vacancy


def setup_jobs(world) -> Jobs:
    """Coordinates for the area, a matchable profile for ``world.person``, one open vacancy."""
    from saumaton.jobseekers.models.profile import LanguageSkill, PersonSkill, WorkExperience

    reference_rows()
    municipality = world.area.lead_municipality
    municipality.lat, municipality.lon = 60.17, 24.94
    municipality.save()
    employer = Organisation.objects.get(area=world.area, kind=Organisation.Kind.EMPLOYER)
    for person in (world.person, world.own_person):
        person.home_municipality = municipality
        person.save()
        LanguageSkill.objects.create(person=person, language="fi", level="native")
        for skill in SKILLS[:3]:
            PersonSkill.objects.create(person=person, skill_id=skill)
        WorkExperience.objects.create(
            person=person, occupation_id="5120", start="2019-01-01", end="2025-06-30"
        )
    vacancy = VacancyFactory(employer=employer, municipality=municipality)
    return Jobs(employer, municipality, vacancy)
