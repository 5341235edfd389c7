"""Creating and editing one vacancy (the staff and employer forms, and the API).

A vacancy is checked by the import's rules (``importing.check_one``): one place says what a
valid vacancy is, whether it arrives in a file, a form or an API call. Input is a *row* in the
import's format (see docs/employers.md, "Vacancy import"). An edit names the version it started
from and a stale one is refused with nothing written (optimistic lock), as for the status
change. Saving goes through ``Vacancy.save``, so the ``post_save`` signal journals the change and
the matching index picks it up on its next query (``index_signals``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from saumaton.casework.errors import ConcurrentEditError

from .importing import IMPORT_STATUSES, check_one
from .models import Vacancy
from .vacancies import ALLOWED

#: The fields a person types, by their import column names: the form's fields and the API's
#: writable keys are these (the one list of a vacancy's writable fields).
WRITABLE = (
    "reference",
    "title_fi",
    "title_sv",
    "title_en",
    "description_fi",
    "description_sv",
    "description_en",
    "occupation",
    "required_skills",
    "preferred_skills",
    "languages",
    "licences",
    "education_level_min",
    "location",
    "municipality",
    "postcode",
    "remote",
    "work_time",
    "demands",
    "duration_months",
    "start_date",
    "deadline",
    "wage_subsidy_eligible",
    "status",
)

#: The model attributes an edit replaces: the typed fields, and the coordinates that follow.
_ATTRIBUTE_OF = {
    "occupation": "occupation_id",
    "location": "location_id",
    "municipality": "municipality_id",
}
REPLACED = (*(_ATTRIBUTE_OF.get(f, f) for f in WRITABLE), "lat", "lon")


def row_of(vacancy: Vacancy) -> dict[str, Any]:
    """The vacancy as an import row: the starting point of a partial edit.

    A vacancy at one of the employer's locations gives the location and leaves the municipality
    and postcode empty, as its place follows from the location: so an edit that changes only
    the location moves the place along, and one that types a place beside it is a clash."""
    located = vacancy.location_id is not None
    return {
        "employer_business_id": vacancy.employer.business_id,
        "reference": vacancy.reference,
        **{
            f"{f}_{k}": getattr(vacancy, f"{f}_{k}")
            for f in ("title", "description")
            for k in ("fi", "sv", "en")
        },
        "occupation": vacancy.occupation_id,
        "required_skills": list(vacancy.required_skills),
        "preferred_skills": list(vacancy.preferred_skills),
        "languages": list(vacancy.languages),
        "licences": list(vacancy.licences),
        "education_level_min": vacancy.education_level_min,
        "location": vacancy.location_id if located else "",
        "municipality": "" if located else vacancy.municipality_id,
        "postcode": "" if located else vacancy.postcode,
        "remote": vacancy.remote,
        "work_time": vacancy.work_time,
        "demands": list(vacancy.demands),
        "duration_months": vacancy.duration_months,
        "start_date": vacancy.start_date.isoformat() if vacancy.start_date else "",
        "deadline": vacancy.deadline.isoformat() if vacancy.deadline else "",
        "wage_subsidy_eligible": "true" if vacancy.wage_subsidy_eligible else "false",
        "status": vacancy.status,
    }


def statuses_from(status: str) -> tuple[str, ...]:
    """An edit may keep the status or make one of the status changes allowed from it."""
    return (status, *sorted(ALLOWED[status]))


@transaction.atomic
def create_vacancy(employer, row: dict[str, Any]) -> Vacancy:
    """A new draft or published vacancy of ``employer`` (``VacancyImportError`` if invalid)."""
    checked = check_one(
        employer.area, {**row, "employer_business_id": employer.business_id}, IMPORT_STATUSES
    )
    checked.save()
    return checked


@transaction.atomic
def update_vacancy(vacancy: Vacancy, row: dict[str, Any], *, expected_version: int) -> Vacancy:
    """Replace the typed fields from ``row``; refused if saved since ``expected_version``."""
    current = Vacancy.objects.select_for_update().select_related("employer").get(pk=vacancy.pk)
    if current.version != expected_version:
        raise ConcurrentEditError(
            _("Someone else changed this vacancy meanwhile; reload the page."), "version"
        )
    checked = check_one(
        current.employer.area,
        {**row, "employer_business_id": current.employer.business_id},
        statuses_from(current.status),
        kept_location=current.location_id,
    )
    for field in REPLACED:
        setattr(current, field, getattr(checked, field))
    current.version += 1
    current.save()
    return current
