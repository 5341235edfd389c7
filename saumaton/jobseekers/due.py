"""What the law requires next for a jobseeker, asked from the rules engine (no arithmetic here).

The page shows the statutory meetings due, with the rule set and the basis the engine cites, so
a coach sees not only *what* and *by when* but *why*. Meeting history arrives with the casework
issue; until then the engine answers from the start of job search alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from saumaton.rules.process import History, meetings_due

MEETING_LABELS = {
    "initial_interview": _("Initial interview"),
    "job_search_conversation": _("Job-search conversation"),
    "supplementary_conversation": _("Supplementary conversation"),
}


@dataclass(frozen=True)
class DueItem:
    label: str
    due: date
    window_start: date | None
    basis: tuple[str, ...]
    verified: bool
    overdue: bool


@dataclass(frozen=True)
class DueSummary:
    ruleset: date
    items: tuple[DueItem, ...]
    notes: tuple[str, ...]


def due_for(customership, today: date) -> DueSummary | None:
    """The statutory meetings due for an open customership as of ``today``."""
    if customership is None or customership.end_date is not None:
        return None
    result = meetings_due(
        History(job_search_start=customership.start_date, status=customership.status), today
    )
    items = tuple(
        DueItem(
            label=str(MEETING_LABELS.get(m.kind, m.kind)),
            due=m.due,
            window_start=m.window_start,
            basis=tuple(m.basis),
            verified=m.verified,
            overdue=m.due < today,
        )
        for m in sorted(result.meetings, key=lambda m: m.due)
    )
    return DueSummary(result.ruleset, items, tuple(result.notes))
