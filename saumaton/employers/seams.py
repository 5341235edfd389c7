"""The employers app's seam finder (``SAUMATON_SEAM_FINDERS``): an assigned vacancy whose
deadline passed with neither an application nor a recorded failure is a person the process
is about to lose track of; the coach must record one or the other (TTL 2a:9(1)(6))."""

from __future__ import annotations

from datetime import date

from saumaton.casework.models import AttentionItem
from saumaton.casework.sweep import Finding

from .assignments import overdue


def unanswered_assignments(today: date) -> list[Finding]:
    return [
        Finding(person_id, AttentionItem.Kind.ASSIGNED_VACANCY_UNANSWERED, deadline)
        for person_id, deadline in overdue(today).values_list("person_id", "deadline")
    ]
