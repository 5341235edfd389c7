"""Writing the access log: every staff read of a person's data, one row per person and read."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from saumaton.organisations.resolver import area_ids_of, area_ids_with, roles_of
from saumaton.organisations.roles import STAFF_ROLES, Perm

from .models import AccessLog


def log_reads(user, persons: Iterable, purpose: str) -> int:
    """Record that ``user`` read these persons' data; a jobseeker reading themself is not logged.

    ``persons`` are ``Person`` objects or their ids. Returns the number of rows written, in
    one statement for a whole list page.
    """
    if not roles_of(user) & STAFF_ROLES:
        return 0
    areas = area_ids_of(user)
    area_id = min(areas) if len(areas) == 1 else None
    person_ids = [getattr(p, "pk", p) for p in persons]
    if len(person_ids) > 1 and connection.vendor == "postgresql":
        _insert_with_unnest(user.pk, area_id, person_ids, purpose)
    elif len(person_ids) == 1:
        # A single INSERT, without the transaction bulk_create opens.
        AccessLog(actor=user, area_id=area_id, person_id=person_ids[0], purpose=purpose).save()
    elif person_ids:
        AccessLog.objects.bulk_create(
            AccessLog(actor=user, area_id=area_id, person_id=pid, purpose=purpose)
            for pid in person_ids
        )
    return len(person_ids)


def _insert_with_unnest(actor_id, area_id, person_ids: list, purpose: str) -> None:
    """One ``INSERT … SELECT unnest(ids)`` on PostgreSQL: a coach's work queue logs a read of
    some eighty people on every view, and building as many model instances for
    ``bulk_create`` cost more than the queue's own queries."""
    meta = AccessLog._meta
    columns = [meta.get_field(name).column for name in ("at", "actor", "area", "person", "purpose")]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {meta.db_table} ({', '.join(columns)}) "  # names from the model
            "SELECT %s, %s, %s, unnest(%s::uuid[]), %s",
            # The ids as one array literal: adapting each UUID as its own parameter cost
            # more than the insert itself.
            [
                timezone.now(),
                actor_id,
                area_id,
                "{" + ",".join(map(str, person_ids)) + "}",
                purpose,
            ],
        )


def access_log_visible_to(user):
    """Auditors read the access log of their own areas' staff."""
    return AccessLog.objects.filter(area_id__in=area_ids_with(user, Perm.VIEW_ACCESS_LOG))
