"""Train, audit, gate and store the profiling model; score current jobseekers when published.

The maths and the gate are ``saumaton.analytics.profiling`` and ``analytics.fairness``. This
module chooses the training data — the database's own registration cohort (first unemployment
spells that began at least 12 months ago, so the outcome is known) when it has at least
:data:`MIN_DATABASE_ROWS` of them, else the synthetic cohort of ``analytics.synthetic`` — and
records which on the card. A model whose audit fails the tolerances is stored (its card shows
why) but not published, and no one is scored with it. Advisory only (380/2023 §37(1)(4)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from django.db import transaction

from saumaton.analytics import profiling, synthetic
from saumaton.analytics.fairness import Tolerances, publish_decision
from saumaton.analytics.timeline import OPEN_END

from . import extract
from .covariates import at_registration
from .models import ProfilingRun, RiskScore

MIN_DATABASE_ROWS = 2000
SYNTHETIC_ROWS = 20_000
LONG_TERM_MONTHS = 12
SYNTHETIC_SOURCE = "synthetic registration cohort (saumaton.analytics.synthetic)"
DATABASE_SOURCE = "this database: first unemployment spells that began 12+ months ago"


def _shifted(days: pd.Series, months: int) -> np.ndarray:
    return (pd.DatetimeIndex(pd.to_datetime(days)) + pd.DateOffset(months=months)).to_numpy(
        dtype="datetime64[D]"
    )


def database_cohort(index: extract.PersonIndex, timeline, today: date) -> pd.DataFrame:
    """Registration-time covariates and the outcome (the spell lasted 12 months or more)."""
    spells = timeline.spells
    cutoff = np.datetime64(
        (pd.Timestamp(today) - pd.DateOffset(months=LONG_TERM_MONTHS)).date(), "D"
    )
    first = (
        spells[spells["start"] <= cutoff]
        .sort_values("start")
        .drop_duplicates("person_id")
        .reset_index(drop=True)
    )
    frame = at_registration(index, timeline, first[["person_id", "start", "end"]])
    lasted_until = _shifted(frame["start"], LONG_TERM_MONTHS) - np.timedelta64(1, "D")
    frame[profiling.TARGET] = (frame["end"].to_numpy(dtype="datetime64[D]") >= lasted_until).astype(
        int
    )
    return frame


def current_jobseekers(index: extract.PersonIndex, timeline) -> pd.DataFrame:
    """People in an ongoing unemployment spell, described as at that spell's start."""
    spells = timeline.spells
    ongoing = spells[spells["end"] == OPEN_END].drop_duplicates("person_id", keep="last")
    return at_registration(index, timeline, ongoing[["person_id", "start"]])


@dataclass(frozen=True)
class TrainingResult:
    run: ProfilingRun
    scored: int


def train_and_store(
    today: date,
    tolerances: Tolerances | None = None,
    seed: int = 0,
    force_synthetic: bool = False,
    synthetic_rows: int | None = None,
) -> TrainingResult:
    """Train on the database's cohort (or the synthetic one of ``synthetic_rows``, default
    :data:`SYNTHETIC_ROWS`), store the run with its card, publish and score if the gate allows.
    The timeline is read only when the database cohort or the scoring needs it."""
    index = extract.PersonIndex()
    timeline = None if force_synthetic else extract.timeline(index)
    cohort = None if force_synthetic else database_cohort(index, timeline, today)
    if cohort is None or len(cohort) < MIN_DATABASE_ROWS or cohort[profiling.TARGET].nunique() < 2:
        cohort, source = (
            synthetic.registration_cohort(synthetic_rows or SYNTHETIC_ROWS, seed=seed + 1),
            SYNTHETIC_SOURCE,
        )
    else:
        source = f"{DATABASE_SOURCE} ({len(cohort)} people)"
    model = profiling.train(cohort, seed=seed, data_description=source, trained_on=today)
    decision = publish_decision(model.card, tolerances or Tolerances())
    with transaction.atomic():
        run = ProfilingRun.objects.create(
            version=model.card["version"],
            data_source=source,
            card=_json_safe(model.card),
            published=decision.publish,
            refusal_reasons=list(decision.reasons),
        )
        scored = 0
        if decision.publish:
            scored = _score(run, model, index, timeline or extract.timeline(index))
    return TrainingResult(run, scored)


def _score(run: ProfilingRun, model, index, timeline) -> int:
    people = current_jobseekers(index, timeline)
    if people.empty:
        return 0
    p = model.predict(people)
    factors = model.top_factors(people)
    ids = index.ids[people["person_id"].to_numpy()]
    RiskScore.objects.bulk_create(
        (
            RiskScore(run=run, person_id=pid, p_long_term=float(risk), top_factors=_json_safe(f))
            for pid, risk, f in zip(ids, p, factors, strict=True)
        ),
        batch_size=5000,
    )
    return len(people)


def _json_safe(value):
    """The card and factors with numpy scalars as plain numbers (JSONField needs them)."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    return value
