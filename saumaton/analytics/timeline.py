"""A person's labour-market timeline as plain records and the columnar frames the metrics use.

Why: every outcome metric is a question about who was in which status on which day. The Django
side turns timeline events into three kinds of rows; this module fixes their shape, validates
them once and derives continuous unemployment spells, so ``metrics`` can stay vectorised.

Schemas (one row per record; dates are calendar days, ``end``/``held`` may be empty):

- status periods: ``person_id``, ``status`` (one of :data:`STATUSES`), ``start``, ``end``
  (last day, inclusive; empty = ongoing), ``service_type`` (only for ``in_service``). A
  person's periods must not overlap.
- service participations: ``person_id``, ``service_type``, ``start``, ``end`` (empty = ongoing).
- meetings: ``person_id``, ``kind``, ``due``, ``held`` (empty = not held).
- referrals: ``person_id``, ``sent_on``, ``response_due``, ``accepted_on`` (empty = never
  accepted), ``stall_after`` (an accepted referral not started is stalled after this day),
  ``started_on``, ``expected_end``, ``ended_on`` (declined, cancelled, completed or
  interrupted; empty = still open).
- plan revisions: ``person_id``, ``saved_on``, ``follow_up_deadline`` (empty = none set); the
  revision saved last on or before a day is the plan in force on that day.
- people (grouping attributes): ``person_id`` plus any grouping columns (``area``,
  ``municipality``, ``unit``, ``target_group`` ...). A person with several target groups may
  have one row per group; each group then counts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date

import numpy as np
import pandas as pd

STATUSES = (
    "unemployed",
    "laid_off",  # fully laid off: an unemployed jobseeker (380/2023 §3(4))
    "part_time",
    "in_service",
    "employed",  # open labour market
    "studying",
    "outside",  # outside the labour force
)
UNEMPLOYED = ("unemployed", "laid_off")
ACTIVE_JOBSEEKER = ("unemployed", "laid_off", "part_time")
BREAKS_SERVICE_CHAIN = ("employed", "studying", "outside")
# Services counted in ALP (RULES.md §17, activation rate); job-alternation substitutes are gone.
ACTIVATION_SERVICES = (
    "wage_subsidy",
    "work_trial",
    "education_trial",
    "labour_market_training",
    "coaching",
    "self_motivated_study",
    "rehabilitative_work_activity",
)
OPEN_END = np.datetime64("9999-12-31", "D")
ONE_DAY = np.timedelta64(1, "D")


@dataclass(frozen=True)
class StatusPeriod:
    person_id: str
    status: str
    start: date
    end: date | None = None
    service_type: str | None = None


@dataclass(frozen=True)
class ServiceParticipation:
    person_id: str
    service_type: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class Meeting:
    person_id: str
    kind: str
    due: date
    held: date | None = None


@dataclass(frozen=True)
class Referral:
    person_id: str
    sent_on: date
    response_due: date
    accepted_on: date | None = None
    stall_after: date | None = None
    started_on: date | None = None
    expected_end: date | None = None
    ended_on: date | None = None


@dataclass(frozen=True)
class PlanRevision:
    person_id: str
    saved_on: date
    follow_up_deadline: date | None = None


REFERRAL_COLUMNS = (
    "person_id",
    "sent_on",
    "response_due",
    "accepted_on",
    "stall_after",
    "started_on",
    "expected_end",
    "ended_on",
)
PLAN_COLUMNS = ("person_id", "saved_on", "follow_up_deadline")


def to_frame(records: pd.DataFrame | Iterable, columns: tuple[str, ...]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` from a DataFrame or an iterable of dataclasses."""
    if isinstance(records, pd.DataFrame):
        frame = records
    else:
        rows = [asdict(r) if is_dataclass(r) else dict(r) for r in records]
        frame = pd.DataFrame(rows, columns=list(columns))
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"missing columns: {', '.join(missing)}")
    return frame.loc[:, list(columns)].reset_index(drop=True)


def days(values) -> np.ndarray:
    """Calendar days as ``datetime64[D]``; empty values become NaT."""
    return pd.to_datetime(pd.Series(values), errors="raise").to_numpy(dtype="datetime64[D]")


def _open_ended(values) -> np.ndarray:
    out = days(values)
    out[np.isnat(out)] = OPEN_END
    return out


def status_frame(periods) -> pd.DataFrame:
    """Validated status periods sorted by person and start, with open ends filled."""
    frame = to_frame(periods, ("person_id", "status", "start", "end", "service_type"))
    unknown = sorted(set(frame["status"]) - set(STATUSES))
    if unknown:
        raise ValueError(f"unknown status {unknown}; one of {', '.join(STATUSES)}")
    frame = frame.assign(start=days(frame["start"]), end=_open_ended(frame["end"]))
    if np.isnat(frame["start"].to_numpy()).any():
        raise ValueError("every status period needs a start")
    if (frame["end"] < frame["start"]).any():
        raise ValueError("a status period ends before it starts")
    frame = frame.sort_values(["person_id", "start"], kind="stable").reset_index(drop=True)
    same = frame["person_id"].to_numpy()[1:] == frame["person_id"].to_numpy()[:-1]
    if (same & (frame["start"].to_numpy()[1:] <= frame["end"].to_numpy()[:-1])).any():
        raise ValueError("a person's status periods overlap")
    return frame


def participation_frame(participations) -> pd.DataFrame:
    frame = to_frame(participations, ("person_id", "service_type", "start", "end"))
    return frame.assign(start=days(frame["start"]), end=_open_ended(frame["end"]))


def meeting_frame(meetings) -> pd.DataFrame:
    frame = to_frame(meetings, ("person_id", "kind", "due", "held"))
    return frame.assign(due=days(frame["due"]), held=days(frame["held"]))


def referral_frame(referrals) -> pd.DataFrame:
    """Referrals with every date as ``datetime64[D]`` (NaT where empty)."""
    frame = to_frame(referrals, REFERRAL_COLUMNS)
    return frame.assign(**{c: days(frame[c]) for c in REFERRAL_COLUMNS[1:]})


def plan_frame(revisions) -> pd.DataFrame:
    """Plan revisions sorted by person and save day (the last one of a day wins)."""
    frame = to_frame(revisions, PLAN_COLUMNS)
    frame = frame.assign(
        saved_on=days(frame["saved_on"]), follow_up_deadline=days(frame["follow_up_deadline"])
    )
    return frame.sort_values(["person_id", "saved_on"], kind="stable").reset_index(drop=True)


def unemployment_spells(status: pd.DataFrame) -> pd.DataFrame:
    """Continuous unemployment spells: adjacent unemployed/laid-off periods of a person joined.

    Columns: ``person_id``, ``start``, ``end`` (OPEN_END when ongoing), ``destination`` (the
    status starting the day after the spell, ``unknown`` when none is recorded).
    """
    person = status["person_id"].to_numpy()
    start = status["start"].to_numpy()
    end = status["end"].to_numpy()
    kind = status["status"].to_numpy()
    unemployed = np.isin(kind, UNEMPLOYED)
    rows = np.flatnonzero(unemployed)
    if rows.size == 0:
        return pd.DataFrame({"person_id": [], "start": [], "end": [], "destination": []}).astype(
            {"start": "datetime64[s]", "end": "datetime64[s]"}
        )
    # A spell continues when the previous unemployed row is the same person's immediately
    # preceding row and ends the day before this one starts.
    previous = rows - 1
    continues = np.zeros(rows.size, dtype=bool)
    continues[1:] = (
        (previous[1:] == rows[:-1])
        & (person[rows[1:]] == person[rows[:-1]])
        & (start[rows[1:]] == end[rows[:-1]] + ONE_DAY)
    )
    first_rows = rows[~continues]
    last_rows = rows[np.r_[np.flatnonzero(~continues)[1:] - 1, rows.size - 1]]
    following = last_rows + 1
    has_next = following < len(status)
    following_safe = np.where(has_next, following, 0)
    adjacent = (
        has_next
        & (person[following_safe] == person[last_rows])
        & (start[following_safe] == end[last_rows] + ONE_DAY)
    )
    destination = np.where(adjacent, kind[following_safe], "unknown")
    return pd.DataFrame(
        {
            "person_id": person[first_rows],
            "start": start[first_rows],
            "end": end[last_rows],
            "destination": destination,
        }
    )


def statutory_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per statutory meeting (person, kind, due date), ``held`` on the first day any
    booking for it was held.

    Why: a no-show or a cancellation is followed by a new booking for the same due date; the
    obligation is one meeting, met (perhaps late) when the new booking is held, so counting the
    bookings would count a met obligation as overdue for ever and an obligation met late twice.
    """
    return meetings.groupby(["person_id", "kind", "due"], as_index=False, sort=False)["held"].min()


class Timeline:
    """Validated, sorted frames of one population's timeline, with the derived spells.

    Built once per refresh and then asked for any number of months. ``prev_service_end`` and
    ``prev_break_end`` (per status row: the end of the person's latest earlier active service,
    and of the latest earlier employment, studies or time outside) let ``metrics`` decide the
    service-to-service component without a per-person loop.
    """

    def __init__(self, status, participations=(), meetings=(), referrals=(), plans=()) -> None:
        self.status = status_frame(status)
        self.spells = unemployment_spells(self.status)
        self.participations = participation_frame(participations)
        self.meetings = meeting_frame(meetings)
        # Once per refresh, not per month: the process figures of every month read it.
        self.statutory_meetings = statutory_meetings(self.meetings)
        self.referrals = referral_frame(referrals)
        self.plans = plan_frame(plans)
        s = self.status
        active_service = (s["status"] == "in_service") & s["service_type"].isin(ACTIVATION_SERVICES)
        breaks = s["status"].isin(BREAKS_SERVICE_CHAIN)
        by_person = s["person_id"]
        for column, mask in (("prev_service_end", active_service), ("prev_break_end", breaks)):
            ends = s["end"].where(mask)
            s[column] = ends.groupby(by_person).shift().groupby(by_person).ffill()
        s["active_service"] = active_service
