"""Service effectiveness: the effect of each service on employment, from the area's own timeline.

Design (docs/insight.md): the cohort is every unemployment spell that began at least
:data:`FOLLOW_UP_MONTHS` months before the refresh day (a person's first such spell). A person is
*treated* for service S when a participation in S started within :data:`TREATMENT_WINDOW_MONTHS`
months of the spell's start; everyone else in the cohort is the comparison ("did not (yet) take
part"). The outcome is open-market employment on the day :data:`FOLLOW_UP_MONTHS` months after
the spell began — at least six months after any counted service began. Covariates are known at
registration: age, education, mother-tongue group, occupation group and the unemployed and
employed days of the previous three years. The estimators, intervals, overlap, balance and
caveats are ``saumaton.analytics.impact``'s (IPW and matching; ATT). Only aggregates are stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
from django.db import transaction
from django.utils import timezone

from saumaton.analytics.impact import estimate_impact
from saumaton.analytics.metrics import _status_on, shift_months

from . import extract
from .covariates import at_registration
from .models import ServiceImpact

FOLLOW_UP_MONTHS = 12
TREATMENT_WINDOW_MONTHS = 6
MIN_GROUP = 20  # fewer treated or comparison people than this: no estimate at all
COVARIATES = (
    "age",
    "education",
    "foreign_language",
    "occupation_group",
    "prior_unemployment_days_3y",
    "months_employed_3y",
)
N_BOOTSTRAP = 100


def cohort(index: extract.PersonIndex, today: date, people: extract.People) -> pd.DataFrame:
    """One row per person: area, covariates, outcome and a column per service taken."""
    timeline = extract.timeline(index)
    cutoff = shift_months(np.datetime64(today, "D"), -FOLLOW_UP_MONTHS)
    spells = timeline.spells
    spells = (
        spells[spells["start"] <= cutoff]
        .sort_values("start")
        .drop_duplicates("person_id")
        .reset_index(drop=True)
    )
    if spells.empty:
        return pd.DataFrame()
    frame = at_registration(index, timeline, spells[["person_id", "start"]])
    frame = frame.rename(columns={"start": "spell_start"})
    follow = _months_after(frame["spell_start"], FOLLOW_UP_MONTHS)
    window_end = _months_after(frame["spell_start"], TREATMENT_WINDOW_MONTHS)
    frame["employed_12m"] = (
        _status_on(timeline, frame["person_id"].to_numpy(), follow) == "employed"
    ).astype(int)
    p = timeline.participations.merge(
        frame[["person_id", "spell_start"]].assign(window_end=window_end), on="person_id"
    )
    p = p[(p["start"] >= p["spell_start"]) & (p["start"] <= p["window_end"])]
    for service in sorted(p["service_type"].unique()):
        took = set(p.loc[p["service_type"] == service, "person_id"])
        frame[f"took:{service}"] = frame["person_id"].isin(took).astype(int)
    return frame.merge(people.base[["person_id", "area"]], on="person_id")


def _months_after(days: pd.Series, months: int) -> np.ndarray:
    """Each day moved by calendar ``months``, clamped to the month end (150/1930 §3)."""
    shifted = pd.DatetimeIndex(pd.to_datetime(days)) + pd.DateOffset(months=months)
    return shifted.to_numpy(dtype="datetime64[D]")


def estimates(frame: pd.DataFrame, groups: pd.DataFrame, n_bootstrap: int = N_BOOTSTRAP):
    """``(area, service, target group, report dict)`` for every cell with enough people."""
    services = [c.removeprefix("took:") for c in frame.columns if c.startswith("took:")]
    for area, in_area in frame.groupby("area"):
        member = groups[groups["area"] == area]
        cells = [("*", in_area)] + [
            (group, in_area[in_area["person_id"].isin(member.loc[rows, "person_id"])])
            for group, rows in member.groupby("target_group").groups.items()
        ]
        for service in services:
            for group, part in cells:
                treated = int(part[f"took:{service}"].sum())
                if treated < MIN_GROUP or len(part) - treated < MIN_GROUP:
                    continue
                report = estimate_impact(
                    part.reset_index(drop=True),
                    f"took:{service}",
                    "employed_12m",
                    COVARIATES,
                    n_bootstrap=n_bootstrap,
                )
                yield int(area), service, group, report.to_dict()


def refresh_impacts(
    today: date | None = None,
    n_bootstrap: int = N_BOOTSTRAP,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Recompute and store every estimate; returns how many were stored."""
    today = today or timezone.localdate()
    index = extract.PersonIndex()
    people = extract.people(index, today)
    frame = cohort(index, today, people)
    found = [] if frame.empty else list(estimates(frame, people.groups, n_bootstrap))
    if progress:
        progress(1, 1)
    now = timezone.now()
    with transaction.atomic():
        ServiceImpact.objects.all().delete()
        ServiceImpact.objects.bulk_create(
            ServiceImpact(
                area_id=area,
                service_type=service,
                target_group=group,
                report=report,
                computed_at=now,
            )
            for area, service, group, report in found
        )
    return len(found)
