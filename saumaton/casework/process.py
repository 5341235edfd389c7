"""The service process as the rules engine sees it: a person's history in, meetings due out.

This is the one place that turns stored meetings into ``rules.process.History``; the person's
page, the booking checks and the sweep all ask through here, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    kind: str
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

    def due_for(self, kind: str) -> DueItem | None:
        return next((item for item in self.items if item.kind == kind), None)


def history_for(customership, held: Iterable) -> History:
    """Facts for the rules engine from the held meetings (kind, date) of one job search."""
    held = sorted(held, key=lambda m: m[1])
    initial = next((day for kind, day in held if kind == "initial_interview"), None)
    return History(
        job_search_start=customership.start_date,
        status=customership.status,
        initial_interview=initial,
        job_search_conversations=tuple(d for k, d in held if k == "job_search_conversation"),
        supplementary_conversations=tuple(d for k, d in held if k == "supplementary_conversation"),
    )


def due_for(customership, today: date, held: Iterable | None = None) -> DueSummary | None:
    """The statutory meetings due for an open job search as of ``today``."""
    if customership is None or customership.end_date is not None:
        return None
    if held is None:
        held = [
            (m.kind, m.starts_at.date())
            for m in customership.meetings.filter(outcome="held").only("kind", "starts_at")
        ]
    result = meetings_due(history_for(customership, held), max(today, customership.start_date))
    items = tuple(
        DueItem(
            kind=m.kind,
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
