"""The jobs section of a person's overall picture: assigned vacancies and top suggestions.

Called by ``casework.overview`` so the coach's page and the jobseeker's own page show the same
compact section; a query or two, plus the index catch-up (``employers.index``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language

from .models import AssignedVacancy
from .suggestions import Suggestion, vacancies_for_person

SUGGESTIONS_ON_PERSON_PAGE = 5
# What the section shows of an assigned vacancy: not the vacancy's descriptions, skill lists
# and the employer's whole row.
ASSIGNED_FIELDS = (
    "state",
    "deadline",
    "vacancy__title_fi",
    "vacancy__title_sv",
    "vacancy__title_en",
    "vacancy__employer__name",
)


@dataclass
class JobsSection:
    assigned: list[AssignedVacancy]
    suggestions: list[Suggestion] | None  # None: the area's index is still being built


def jobs_for(person) -> JobsSection:
    return JobsSection(
        assigned=list(
            AssignedVacancy.objects.filter(person=person)
            .exclude(state__in=[AssignedVacancy.State.NOT_HIRED])
            .select_related("vacancy__employer")
            .only(*ASSIGNED_FIELDS)
        ),
        suggestions=vacancies_for_person(
            person, get_language(), SUGGESTIONS_ON_PERSON_PAGE, wait=False
        ),
    )
