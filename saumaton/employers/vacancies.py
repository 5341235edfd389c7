"""Changes to a vacancy's life cycle and to an employer's contact history.

A status change names the version it was made from: two staff members closing and publishing
the same vacancy at once must not silently overwrite each other (optimistic lock).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from saumaton.casework.errors import CaseworkError, ConcurrentEditError

from .models import EmployerContactLog, Vacancy

S = Vacancy.Status
ALLOWED = {
    S.DRAFT: {S.PUBLISHED, S.CLOSED},
    S.PUBLISHED: {S.FILLED, S.CLOSED},
    S.FILLED: set(),
    S.CLOSED: set(),
}


@transaction.atomic
def change_status(vacancy: Vacancy, status: str, *, expected_version: int) -> Vacancy:
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.version != expected_version:
        raise ConcurrentEditError(
            _("Someone else changed this vacancy meanwhile; reload the page."), "version"
        )
    if status not in ALLOWED[vacancy.status]:
        raise CaseworkError(
            _("A %(old)s vacancy cannot become %(new)s.")
            % {"old": vacancy.get_status_display(), "new": S(status).label},
            "status",
        )
    vacancy.status = status
    vacancy.version += 1
    vacancy.save()  # the index journal follows through the post_save signal
    return vacancy


def log_contact(actor, organisation, *, on: date, service: str, note: str) -> EmployerContactLog:
    if service not in EmployerContactLog.Service.values:
        raise CaseworkError(_("Unknown service."), "service")
    return EmployerContactLog.objects.create(
        organisation=organisation, on=on, service=service, note=note.strip(), by=actor
    )
