"""Target groups derived from the record, never typed in (they must not drift from the facts).

Definitions: youth guarantee ages (under 25 / under 30), ageing workers (55+), long-term
unemployed (≥ 12 months continuously unemployed; Statistics Finland), reduced work ability
(a recorded work-ability limitation), multisectoral need (the latest service-need assessment,
381/2023 §3). Integration clients need the integration plan of the ecosystem issue and are not
derived yet.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

LABELS = {
    "under_25": _("Under 25"),
    "under_30": _("Under 30"),
    "age_55_plus": _("55 or over"),
    "long_term_unemployed": _("Long-term unemployed"),
    "reduced_work_ability": _("Reduced work ability"),
    "multisectoral_need": _("Multisectoral support need"),
}


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def unemployed_since(status_periods, customership) -> date | None:
    """Start of the current continuous unemployment: the open unemployed/laid-off status run,
    or, without any status periods, the start of the open job search; None when the open status
    is something else (a service ends the spell, as in the statistics)."""
    runs = sorted(
        (p for p in status_periods if p.status in ("unemployed", "laid_off")), key=lambda p: p.start
    )
    since, previous_end = None, None
    for period in runs:
        gap = previous_end is not None and (period.start - previous_end).days > 1
        if since is None or gap:
            since = period.start
        if period.end is None:
            return since
        previous_end = period.end
    if not status_periods and customership is not None:
        # No status recorded at all: the open job search is the best evidence there is.
        return customership.start_date if customership.end_date is None else None
    return None  # in a service, studying, employed …: not unemployed now


def derive(
    person,
    today: date,
    *,
    status_periods=(),
    customership=None,
    has_limitations=False,
    multisectoral_need=False,
) -> list[str]:
    groups = []
    age = age_on(person.birth_date, today)
    if age < 25:
        groups.append("under_25")
    if age < 30:
        groups.append("under_30")
    if age >= 55:
        groups.append("age_55_plus")
    since = unemployed_since(status_periods, customership)
    if since is not None and (today - since).days >= 365:
        groups.append("long_term_unemployed")
    if has_limitations:
        groups.append("reduced_work_ability")
    if multisectoral_need:
        groups.append("multisectoral_need")
    return groups
