"""Registration-time facts of each unemployment spell, for impact estimation and profiling.

Why one module: the impact estimate and the profiling model must describe a person at
registration the same way, from facts known then (STATISTICS.md §13): the person's record and
their status periods *before* the spell began. Nothing after registration may leak in.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from saumaton.analytics.timeline import ONE_DAY, UNEMPLOYED
from saumaton.jobseekers.models import Person, WorkAbilityLimitation

from . import extract

PRIOR_DAYS = 3 * 365
DAYS_PER_MONTH = 365.25 / 12
# Not recorded in the platform: a constant, so it carries no information (docs/insight.md).
REGIONAL_UNEMPLOYMENT_RATE = 0.12


def days_in(status: pd.DataFrame, spells: pd.DataFrame, kinds) -> np.ndarray:
    """Per spell: days in ``kinds`` statuses within the three years before the spell began."""
    periods = status[status["status"].isin(kinds)][["person_id", "start", "end"]]
    joined = (
        spells[["person_id", "start"]]
        .reset_index()
        .merge(periods, on="person_id", suffixes=("", "_p"))
    )
    window_start = joined["start"] - np.timedelta64(PRIOR_DAYS, "D")
    lo = np.maximum(joined["start_p"].to_numpy(), window_start.to_numpy())
    hi = np.minimum(joined["end"].to_numpy(), (joined["start"] - ONE_DAY).to_numpy())
    days = np.maximum((hi - lo) // ONE_DAY + 1, 0)
    total = pd.Series(days, index=joined["index"]).groupby(level=0).sum()
    return total.reindex(spells.index, fill_value=0).to_numpy()


def spells_in_year_before(all_spells: pd.DataFrame, spells: pd.DataFrame) -> np.ndarray:
    """Per spell: the person's earlier spells that began within 365 days before it."""
    joined = (
        spells[["person_id", "start"]]
        .reset_index()
        .merge(all_spells[["person_id", "start"]], on="person_id", suffixes=("", "_o"))
    )
    window = joined["start"] - np.timedelta64(365, "D")
    earlier = (joined["start_o"] < joined["start"]) & (joined["start_o"] >= window)
    total = earlier.groupby(joined["index"]).sum()
    return total.reindex(spells.index, fill_value=0).to_numpy()


def registration_facts(index: extract.PersonIndex) -> pd.DataFrame:
    """The record's facts per person, in the vocabulary of ``analytics.synthetic``.

    ``sex`` is read from the identity code (its individual number is odd for men) and, like
    age band, citizenship and mother tongue, is used only to audit, never as an input.
    """
    data = extract.rows(
        Person.objects.values_list(
            "id",
            "hetu",
            "birth_date",
            "education_level",
            "mother_tongue",
            "citizenship",
            "last_occupation_id",
        )
    )
    frame = pd.DataFrame.from_records(
        data,
        columns=[
            "person_id",
            "hetu",
            "birth_date",
            "education",
            "tongue",
            "citizen",
            "occupation",
        ],
    )
    limited = {
        str(p) for (p,) in extract.rows(WorkAbilityLimitation.objects.values_list("person_id"))
    }
    frame["reduced_work_capacity"] = frame["person_id"].astype(str).isin(limited).astype(int)
    frame["person_id"] = index.codes(frame["person_id"])
    individual = pd.to_numeric(frame["hetu"].str[7:10], errors="coerce").fillna(0).astype(int)
    frame["sex"] = np.where(individual % 2 == 1, "male", "female")
    frame["citizenship"] = np.where(frame["citizen"].isin(["FI", ""]), "FI", "foreign")
    frame["mother_tongue"] = np.where(
        frame["tongue"].isin(["fi", "sv"]),
        frame["tongue"],
        np.where(frame["tongue"] == "", "fi", "other"),
    )
    frame["foreign_language"] = (frame["mother_tongue"] == "other").astype(int)
    frame["occupation_group"] = frame["occupation"].fillna("X").astype(str).str[:1]
    frame["education"] = frame["education"].fillna("basic_or_unknown")
    frame["birth_date"] = pd.to_datetime(frame["birth_date"])
    return frame.drop(columns=["hetu", "tongue", "citizen", "occupation"])


def at_registration(index: extract.PersonIndex, timeline, spells: pd.DataFrame) -> pd.DataFrame:
    """``spells`` (person_id, start, ...) with every registration-time covariate added."""
    frame = spells.reset_index(drop=True).copy()
    status = timeline.status
    frame["prior_unemployment_days_3y"] = days_in(status, frame, UNEMPLOYED)
    frame["months_employed_3y"] = np.round(
        days_in(status, frame, ("employed",)) / DAYS_PER_MONTH
    ).astype(int)
    frame["spells_last_year"] = spells_in_year_before(timeline.spells, frame)
    frame["regional_unemployment_rate"] = REGIONAL_UNEMPLOYMENT_RATE
    frame = frame.merge(registration_facts(index), on="person_id")
    age = (pd.to_datetime(frame["start"]) - frame["birth_date"]).dt.days // 365.25
    frame["age"] = age.astype(float)
    frame["age_band"] = np.where(age < 25, "under_25", np.where(age >= 55, "55_plus", "25_54"))
    return frame.drop(columns=["birth_date"])
