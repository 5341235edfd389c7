"""Searching the catalogue and keeping it current.

Search filters on indexed columns and a case-insensitive match in the three names and the
provider's name; the page shows each name in the UI language. A provider is reminded of entries
not reviewed for six months (``REVIEW_MONTHS``): stale entries send people to services that no
longer run.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from saumaton.rules.calendar import add_months

from .models import Service

REVIEW_MONTHS = 6


def search(filters: dict, today: date):
    qs = Service.objects.filter(active=True).exclude(ends_on__lt=today)
    text = (filters.get("q") or "").strip()
    if text:
        qs = qs.filter(
            Q(name_fi__icontains=text)
            | Q(name_sv__icontains=text)
            | Q(name_en__icontains=text)
            | Q(provider__name__icontains=text)
        )
    if filters.get("type"):
        qs = qs.filter(type=filters["type"])
    if filters.get("target_group"):
        # JSON containment is not portable to SQLite; the list is short, a text match is exact
        # enough because the values are quoted identifiers.
        qs = qs.filter(target_groups__icontains=f'"{filters["target_group"]}"')
    if filters.get("language"):
        qs = qs.filter(languages__icontains=f'"{filters["language"]}"')
    if filters.get("municipality"):
        qs = qs.filter(Q(municipality=filters["municipality"]) | Q(remote=True))
    if filters.get("remote"):
        qs = qs.filter(remote=True)
    return qs.select_related("provider", "municipality").order_by("name_fi", "id")


def review_due_before(today: date) -> date:
    return add_months(today, -REVIEW_MONTHS)
