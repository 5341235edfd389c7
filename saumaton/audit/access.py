"""Writing the access log: every staff read of a person's data, one row per person and read."""

from __future__ import annotations

from collections.abc import Iterable

from saumaton.organisations.resolver import area_ids_of, area_ids_with, roles_of
from saumaton.organisations.roles import STAFF_ROLES, Perm

from .models import AccessLog


def log_reads(user, persons: Iterable, purpose: str) -> int:
    """Record that ``user`` read these persons' data; a jobseeker reading themself is not logged.

    Returns the number of rows written (one insert for a whole list page).
    """
    if not roles_of(user) & STAFF_ROLES:
        return 0
    areas = area_ids_of(user)
    area_id = min(areas) if len(areas) == 1 else None
    rows = [AccessLog(actor=user, area_id=area_id, person=p, purpose=purpose) for p in persons]
    if len(rows) == 1:
        rows[0].save()  # a single INSERT, without the transaction bulk_create opens
    else:
        AccessLog.objects.bulk_create(rows)
    return len(rows)


def access_log_visible_to(user):
    """Auditors read the access log of their own areas' staff."""
    return AccessLog.objects.filter(area_id__in=area_ids_with(user, Perm.VIEW_ACCESS_LOG))
