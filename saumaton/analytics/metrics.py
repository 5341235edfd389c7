"""Monthly outcome metrics of an employment area, vectorised over a whole population.

Why: leads need the statutory and statistical figures (RULES.md §17) per area, municipality,
unit, target group and service, computed from the timeline the same way every month. Each
figure here is catalogued in :mod:`saumaton.analytics.catalogue` with its definition and source;
the code below is the one implementation of those definitions.

Counting conventions (stated once so every metric agrees):

- The count date of a month is its last day; "at month end" means a status period covering it.
- "N months before" uses calendar months clamped to the month end (150/1930 §3), via pandas
  ``DateOffset``; "12 months continuously on day d" means the spell began on or before the day
  12 months before ``d + 1``.
- Open periods (empty end) last forever.

Result: a long DataFrame with columns ``metric``, the grouping columns, ``service_type`` (only
for the after-service metrics, "*" elsewhere), ``numerator``, ``denominator`` and ``value``.
Counts have ``denominator`` NaN and ``value == numerator``; shares are ``numerator /
denominator`` (NaN when the denominator is 0); medians are in ``value`` only. Every group present
in ``people`` appears for every person-level metric, with 0 for an empty count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from saumaton.analytics.catalogue import DESTINATIONS, METRICS
from saumaton.analytics.timeline import (
    ACTIVE_JOBSEEKER,
    ONE_DAY,
    OPEN_END,
    UNEMPLOYED,
    Timeline,
)

ALL = "*"
LONG_TERM_MONTHS = 12
COMPARABLE_WINDOW_MONTHS = 16
COMPARABLE_MIN_DAYS = 365
AFTER_SERVICE_WINDOW_MONTHS = 12
AFTER_SERVICE_GAP_MONTHS = 3
SHORT_SPELL_MONTHS = 3
PLACEMENT_MONTHS = (3, 6)
IN_PROCESS = (*ACTIVE_JOBSEEKER, "in_service")  # statuses in which statutory meetings are owed


def month_bounds(month: str | date) -> tuple[np.datetime64, np.datetime64]:
    """First and last day of ``month`` ("YYYY-MM" or any date in it)."""
    period = pd.Period(month, freq="M")
    return (
        np.datetime64(period.start_time.date(), "D"),
        np.datetime64(period.end_time.date(), "D"),
    )


def shift_months(day: np.datetime64, months: int) -> np.datetime64:
    """``day`` moved by calendar ``months``, clamped to the month end (150/1930 §3)."""
    return np.datetime64((pd.Timestamp(day) + pd.DateOffset(months=months)).date(), "D")


def _shift_each(values: np.ndarray, months: int) -> np.ndarray:
    shifted = pd.DatetimeIndex(values.astype("datetime64[s]")) + pd.DateOffset(months=months)
    return shifted.to_numpy(dtype="datetime64[D]")


def _status_on(timeline: Timeline, person_ids: np.ndarray, on: np.ndarray) -> np.ndarray:
    """The status of each ``person_ids[i]`` on day ``on[i]`` ("" when none is recorded)."""
    if len(person_ids) == 0:
        return np.array([], dtype=object)
    probe = pd.DataFrame(
        {"person_id": person_ids, "on": on.astype("datetime64[s]"), "row": np.arange(len(on))}
    ).sort_values("on")
    periods = timeline.status[["person_id", "start", "end", "status"]].copy()
    periods["start"] = periods["start"].astype("datetime64[s]")
    periods = periods.sort_values("start")
    found = pd.merge_asof(probe, periods, left_on="on", right_on="start", by="person_id")
    covered = found["end"].astype("datetime64[s]") >= found["on"]
    found["status"] = found["status"].where(covered, "")
    return found.sort_values("row")["status"].fillna("").to_numpy()


# ---- person-level indicators at a count date -------------------------------------------------


def person_indicators(timeline: Timeline, day: np.datetime64) -> pd.DataFrame:
    """One row per person with a status on ``day``: the boolean components and the duration.

    Exposed so that a hand-computed example can be checked component by component.
    """
    s = timeline.status
    current = s[(s["start"] <= day) & (s["end"] >= day)]
    person = current["person_id"].to_numpy()
    unemployed = current["status"].isin(UNEMPLOYED).to_numpy()
    after = day + ONE_DAY

    spells = timeline.spells
    covering = spells[(spells["start"] <= day) & (spells["end"] >= day)]
    spell_start = (
        pd.Series(covering["start"].to_numpy(), index=covering["person_id"])
        .reindex(person)
        .to_numpy(dtype="datetime64[D]")
    )
    long_term = unemployed & (spell_start <= shift_months(after, -LONG_TERM_MONTHS))

    window = shift_months(after, -COMPARABLE_WINDOW_MONTHS)
    u = s[s["status"].isin(UNEMPLOYED) & (s["start"] <= day) & (s["end"] >= window)]
    clipped = (
        np.minimum(u["end"].to_numpy(), day) - np.maximum(u["start"].to_numpy(), window)
    ) // ONE_DAY + 1
    total = pd.Series(clipped, index=u["person_id"]).groupby(level=0).sum()
    days_in_window = total.reindex(person, fill_value=0).to_numpy()
    comparable = unemployed & ~long_term & (days_in_window >= COMPARABLE_MIN_DAYS)

    ended = s[s["active_service"] & (s["end"] < day)]
    last_service_end = (
        ended.groupby("person_id")["end"].max().reindex(person).to_numpy(dtype="datetime64[D]")
    )
    after_services = (
        unemployed
        & ~long_term
        & ~comparable
        & (last_service_end >= shift_months(after, -AFTER_SERVICE_WINDOW_MONTHS))
        & (last_service_end <= shift_months(day, -AFTER_SERVICE_GAP_MONTHS))
    )

    in_service = current["active_service"].to_numpy()
    prev_service = current["prev_service_end"].to_numpy(dtype="datetime64[D]")
    prev_break = current["prev_break_end"].to_numpy(dtype="datetime64[D]")
    service_to_service = (
        in_service
        & (prev_service >= shift_months(after, -AFTER_SERVICE_WINDOW_MONTHS))
        & (np.isnat(prev_break) | (prev_service > prev_break))
    )

    jobseeker = current["status"].isin(ACTIVE_JOBSEEKER).to_numpy()
    m = timeline.meetings
    planned = m[(m["due"] > day) & (np.isnat(m["held"]) | (m["held"] > day))]["person_id"]
    p = timeline.participations
    booked = p[p["start"] > day]["person_id"]
    has_step = np.isin(person, planned.to_numpy()) | np.isin(person, booked.to_numpy())

    known_start = np.where(unemployed, spell_start, day)
    duration = np.where(unemployed, (day - known_start) // ONE_DAY + 1, 0)
    return pd.DataFrame(
        {
            "person_id": person,
            "unemployed": unemployed,
            "long_term": long_term,
            "comparable_long_term": comparable,
            "after_services": after_services,
            "service_to_service": service_to_service,
            "structural": long_term | comparable | after_services | service_to_service,
            "in_active_service": in_service,
            "activation_base": in_service | unemployed,
            "without_next_step": jobseeker & ~has_step,
            "duration_days": duration,
        }
    )


# ---- aggregation -------------------------------------------------------------------------


class _Grouper:
    """Attaches grouping attributes and turns per-row flags into catalogued result rows."""

    def __init__(self, people: pd.DataFrame | None, by: Sequence[str]) -> None:
        self.by = list(by)
        if self.by and people is None:
            raise ValueError("grouping needs a people frame")
        self.people = None if people is None else people[["person_id", *self.by]]
        self.universe = (
            None
            if self.people is None or not self.by
            else self.people[self.by].drop_duplicates().reset_index(drop=True)
        )

    def attach(self, frame: pd.DataFrame) -> pd.DataFrame:
        if not self.by:
            return frame
        return frame.merge(self.people, on="person_id", how="inner")

    def _aggregate(self, values: pd.Series, frame: pd.DataFrame, extra, how: str) -> pd.Series:
        keys = [*self.by, *extra]
        if not keys:
            return pd.Series([values.agg(how)], dtype=float)
        grouped = values.groupby([frame[k] for k in keys], observed=True, dropna=False)
        return grouped.agg(how).astype(float)

    def _finish(self, metric: str, grouped: pd.DataFrame, extra, fill: float | None):
        assert metric in METRICS, f"{metric} is not catalogued"
        keys = [*self.by, *extra]
        grouped = grouped.reset_index(drop=not keys)
        if self.universe is not None and not extra:
            grouped = self.universe.merge(grouped, on=self.by, how="left")
            if fill is not None:
                grouped[["numerator", "value"]] = grouped[["numerator", "value"]].fillna(fill)
        grouped.insert(0, "metric", metric)
        if "service_type" not in grouped:
            grouped["service_type"] = ALL
        return grouped

    def count(self, metric: str, frame: pd.DataFrame, flag: str | None = None):
        values = frame[flag] if flag else pd.Series(True, index=frame.index)
        numerator = self._aggregate(values, frame, (), "sum")
        grouped = pd.DataFrame({"numerator": numerator, "denominator": np.nan, "value": numerator})
        return self._finish(metric, grouped, (), 0.0)

    def share(self, metric: str, frame: pd.DataFrame, flag: str, base: str | None = None, extra=()):
        base_values = frame[base] if base else pd.Series(True, index=frame.index)
        numerator = self._aggregate(frame[flag] & base_values, frame, extra, "sum")
        denominator = self._aggregate(base_values, frame, extra, "sum")
        value = numerator.div(denominator.where(denominator > 0))
        grouped = pd.DataFrame({"numerator": numerator, "denominator": denominator, "value": value})
        return self._finish(metric, grouped, extra, None)

    def median(self, metric: str, frame: pd.DataFrame, column: str):
        value = self._aggregate(frame[column].astype(float), frame, (), "median")
        grouped = pd.DataFrame({"numerator": np.nan, "denominator": np.nan, "value": value})
        return self._finish(metric, grouped, (), None)


# ---- the monthly figures -------------------------------------------------------------------


def monthly_metrics(
    timeline: Timeline,
    month: str | date,
    people: pd.DataFrame | None = None,
    by: Sequence[str] = (),
) -> pd.DataFrame:
    """Every catalogued metric for ``month``, per combination of the ``by`` columns of ``people``.

    Without ``by`` the figures are area totals. See the module docstring for the result shape.
    """
    first, last = month_bounds(month)
    g = _Grouper(people, by)
    parts: list[pd.DataFrame] = []

    persons = g.attach(person_indicators(timeline, last))
    for metric, flag in (
        ("unemployed_jobseekers", "unemployed"),
        ("long_term_unemployed", "long_term"),
        ("comparable_long_term_unemployed", "comparable_long_term"),
        ("unemployed_after_services", "after_services"),
        ("service_to_service", "service_to_service"),
        ("structural_unemployment", "structural"),
        ("in_active_services", "in_active_service"),
        ("without_next_step", "without_next_step"),
    ):
        parts.append(g.count(metric, persons, flag))
    parts.append(g.share("activation_rate", persons, "in_active_service", "activation_base"))
    parts.append(
        g.median("median_duration_ongoing", persons[persons["unemployed"]], "duration_days")
    )
    parts += _flow_metrics(g, timeline, first, last)
    parts += _placement_metrics(g, timeline, first)
    parts += _process_metrics(g, timeline, first, last)
    parts.append(g.count("stalled_referrals", g.attach(stalled_referrals(timeline, last))))
    plans = g.attach(plans_up_to_date(timeline, last))
    parts.append(g.share("plans_up_to_date", plans, "up_to_date"))
    return pd.concat(parts, ignore_index=True)


def _flow_metrics(g: _Grouper, timeline: Timeline, first, last) -> list[pd.DataFrame]:
    spells = g.attach(timeline.spells)
    started = spells[(spells["start"] >= first) & (spells["start"] <= last)]
    ended = spells[(spells["end"] >= first) & (spells["end"] <= last)].copy()
    parts = [g.count("inflow", started), g.count("outflow", ended)]
    for destination in DESTINATIONS:
        ended[destination] = ended["destination"] == destination
        parts.append(g.count(f"outflow_{destination}", ended, destination))
    ended["length"] = (ended["end"] - ended["start"]).to_numpy() // ONE_DAY + 1
    parts.append(g.median("median_duration_ended", ended, "length"))

    cohort_first, cohort_last = month_bounds(pd.Timestamp(first) - pd.DateOffset(months=3))
    cohort = spells[(spells["start"] >= cohort_first) & (spells["start"] <= cohort_last)].copy()
    cohort_start = cohort["start"].to_numpy(dtype="datetime64[D]")
    cohort["short"] = cohort["end"].to_numpy(dtype="datetime64[D]") < _shift_each(
        cohort_start, SHORT_SPELL_MONTHS
    )
    parts.append(g.share("ended_within_3_months", cohort, "short"))
    return parts


def _placement_metrics(g: _Grouper, timeline: Timeline, first) -> list[pd.DataFrame]:
    parts = []
    p = timeline.participations
    for months in PLACEMENT_MONTHS:
        lo, hi = month_bounds(pd.Timestamp(first) - pd.DateOffset(months=months))
        ended = p[(p["end"] >= lo) & (p["end"] <= hi) & (p["end"] != OPEN_END)].copy()
        ended_on = ended["end"].to_numpy(dtype="datetime64[D]")
        status = _status_on(timeline, ended["person_id"].to_numpy(), _shift_each(ended_on, months))
        ended["employed"] = status == "employed"
        ended = g.attach(ended)
        metric = f"open_market_{months}m_after_service"
        parts.append(g.share(metric, ended, "employed", extra=("service_type",)))
    return parts


def _process_metrics(g: _Grouper, timeline: Timeline, first, last) -> list[pd.DataFrame]:
    m = timeline.statutory_meetings
    held = m["held"].to_numpy(dtype="datetime64[D]")
    due = m["due"].to_numpy(dtype="datetime64[D]")
    person = m["person_id"].to_numpy()
    # A meeting is owed while the person is in the process (a jobseeker or in a service): one
    # left unheld because the job search ended first is neither late nor overdue.
    unmet = (due <= last) & (np.isnat(held) | (held > last))
    overdue = _in_process(timeline, person, np.full(len(m), last), unmet)
    in_month = (due >= first) & (due <= last)
    owed = in_month & ~np.isnat(held)
    owed |= _in_process(timeline, person, due, in_month & np.isnat(held))
    m = g.attach(m.assign(on_time=~np.isnat(held) & (held <= due), overdue=overdue, owed=owed))
    due_in_month = m[m["owed"]]
    return [
        g.share("meetings_on_time", due_in_month, "on_time"),
        g.count("overdue_meetings", m, "overdue"),
    ]


def _in_process(timeline: Timeline, person_ids, on, where: np.ndarray) -> np.ndarray:
    """``where``, narrowed to the rows whose person was in the process on day ``on[i]``."""
    out = where.copy()
    out[where] = np.isin(_status_on(timeline, person_ids[where], on[where]), IN_PROCESS)
    return out


def _on_or_before(values: pd.Series, day) -> np.ndarray:
    """``values <= day`` with empty dates (NaT) false."""
    v = values.to_numpy(dtype="datetime64[D]")
    return ~np.isnat(v) & (v <= day)


def _before(values: pd.Series, day) -> np.ndarray:
    v = values.to_numpy(dtype="datetime64[D]")
    return ~np.isnat(v) & (v < day)


def stalled_referrals(timeline: Timeline, day: np.datetime64 | date) -> pd.DataFrame:
    """The referrals the seam guard (``ecosystem.seam``) would flag on ``day``, as of that day.

    A referral's state on ``day`` is rebuilt from its dates: open when sent by then and not yet
    ended; accepted when its acceptance day has come; started when its start day has. Then the
    seam guard's three conditions, with ``day`` as its "today": unanswered past the response due
    date, accepted and not started after ``stall_after``, started and past its expected end.
    """
    day = np.datetime64(day, "D")
    r = timeline.referrals
    open_ = _on_or_before(r["sent_on"], day) & ~_on_or_before(r["ended_on"], day)
    accepted = _on_or_before(r["accepted_on"], day)
    started = _on_or_before(r["started_on"], day)
    unanswered = ~accepted & _before(r["response_due"], day)
    waiting = accepted & ~started & _before(r["stall_after"], day)
    overrunning = started & _before(r["expected_end"], day)
    return r.loc[open_ & (unanswered | waiting | overrunning), ["person_id"]]


def plans_up_to_date(timeline: Timeline, day: np.datetime64 | date) -> pd.DataFrame:
    """Active jobseekers on ``day`` and whether their plan in force then is up to date.

    The plan in force is the latest revision saved on or before ``day``; it is up to date when
    the plan-review rule (``saumaton.rules.plans.plan_review_due``, vectorised here and held to
    it by a test) does not find its follow-up due.
    """
    day = np.datetime64(day, "D")
    s = timeline.status
    current = s[(s["start"] <= day) & (s["end"] >= day) & s["status"].isin(ACTIVE_JOBSEEKER)]
    plans = timeline.plans
    in_force = plans[plans["saved_on"] <= day].drop_duplicates("person_id", keep="last")
    due = review_due(in_force["follow_up_deadline"], day)
    fine = set(in_force.loc[~due, "person_id"])
    person = current["person_id"].to_numpy()
    return pd.DataFrame(
        {"person_id": person, "up_to_date": pd.Series(person).isin(fine).to_numpy()}
    )


def review_due(follow_up_deadline: pd.Series, day: np.datetime64) -> np.ndarray:
    """``rules.plans.plan_review_due`` for many plans: the deadline is set and has come."""
    return _on_or_before(follow_up_deadline, day)
