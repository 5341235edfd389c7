"""Read the timeline out of the database set-wise, in the shapes ``saumaton.analytics`` takes.

Why: the metrics are vectorised over a whole population (``analytics.metrics``); feeding them
row by row through the ORM would cost more than the maths. Each source is one ``values_list``
query read straight from the cursor on PostgreSQL (:func:`rows`, as the seam-guard sweep does).

Sources plug in: service participations come from every callable named in the setting
``SAUMATON_INSIGHT_PARTICIPATION_SOURCES``, each called as ``source(index, status)`` and
returning ``person_id`` (coded), ``service_type``, ``start``, ``end``: the ``in_service`` status
periods and the referrals that started a service (:func:`participations_from_referrals`). A
participation that two sources both record (same person, service and start) counts once. Hires
need no source: a hire ends the unemployed period and opens an ``employed`` one
(``employers.assignments``), which the status periods already carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.fields.json import KT
from django.db.models.functions import TruncDate
from django.utils.module_loading import import_string

from saumaton.analytics.timeline import Timeline
from saumaton.audit.models import Event
from saumaton.casework.models import Meeting, PlanRevision
from saumaton.ecosystem.models import Referral
from saumaton.ecosystem.seam import STALL_AFTER_DAYS
from saumaton.jobseekers.models import EmploymentStatusPeriod, JobseekerCustomership, Person
from saumaton.jobseekers.target_groups import age_on

# The database's statuses in the analytics vocabulary (saumaton.analytics.timeline.STATUSES).
# A shortened-hours lay-off is not unemployment in the statistics (only a full lay-off is,
# 380/2023 §3(4)); like part-time work it keeps the person an active jobseeker.
STATUS_MAP = {
    "unemployed": "unemployed",
    "laid_off": "laid_off",
    "shortened_hours_layoff": "part_time",
    "part_time": "part_time",
    "in_service": "in_service",
    "employed": "employed",
    "studying": "studying",
    "outside_labour_force": "outside",
}
# The service catalogue's types (ecosystem.Service.Type) in the analytics vocabulary: the
# activation services keep their names except pay-subsidised work (the analytics' wage
# subsidy); the catalogue's other types (health check, integration training, youth guidance …)
# keep their own names, so they are participations with placement figures but not ALP.
CATALOGUE_SERVICE_MAP = {"pay_subsidised_work": "wage_subsidy"}
REFERRAL_WITHOUT_SERVICE = "other"  # a referral to an organisation, not to a catalogued service
# States a referral reaches only through acceptance.
ACCEPTED_STATES = (
    Referral.State.ACCEPTED,
    Referral.State.STARTED,
    Referral.State.COMPLETED,
    Referral.State.INTERRUPTED,
)
NATIONAL_LANGUAGES = ("fi", "sv", "se")  # Finnish, Swedish, Sami: not "foreign-language"
YOUTH_BELOW = 25
AGEING_FROM = 55


def rows(query) -> list[tuple]:
    """A values_list query's rows; on PostgreSQL straight from the cursor (see the sweep)."""
    if connection.vendor != "postgresql":
        return list(query)
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _frame(data: list[tuple], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(data, columns=columns)


class PersonIndex:
    """Person UUIDs as small integers for the vectorised maths.

    Why: the metrics test membership (``np.isin``) and join on ``person_id``; on an object
    array of UUID strings that is a sort of Python objects (seconds per month on the small
    demo), on integers it is milliseconds. The integers never leave a refresh run.
    """

    def __init__(self) -> None:
        self.ids = pd.Index(
            pd.Series([pid for (pid,) in rows(Person.objects.values_list("id"))]).astype(str)
        )

    def codes(self, values) -> np.ndarray:
        return self.ids.get_indexer(pd.Series(values, dtype=object).astype(str))


def status_periods(index: PersonIndex) -> pd.DataFrame:
    frame = _frame(
        rows(
            EmploymentStatusPeriod.objects.values_list(
                "person_id", "status", "start", "end", "service_type"
            )
        ),
        ["person_id", "status", "start", "end", "service_type"],
    )
    frame["person_id"] = index.codes(frame["person_id"])
    frame["status"] = frame["status"].map(STATUS_MAP)
    frame["service_type"] = frame["service_type"].replace(CATALOGUE_SERVICE_MAP)
    return frame


def participations_from_status(index: PersonIndex, status: pd.DataFrame) -> pd.DataFrame:
    """A participation for every ``in_service`` period that names its service (``status`` is
    already coded, so ``index`` is not needed)."""
    served = status[(status["status"] == "in_service") & (status["service_type"] != "")]
    return served.loc[:, ["person_id", "service_type", "start", "end"]]


def participations_from_referrals(index: PersonIndex, status: pd.DataFrame) -> pd.DataFrame:
    """A participation for every referral whose service started (``started_on`` set), from
    its start to its end (completed or interrupted; open while it runs). ``status`` is not
    needed: the referral rows carry their own dates."""
    frame = _frame(
        rows(
            Referral.objects.filter(started_on__isnull=False).values_list(
                "person_id", "service__type", "started_on", "ended_on"
            )
        ),
        ["person_id", "service_type", "start", "end"],
    )
    frame["person_id"] = index.codes(frame["person_id"])
    frame["service_type"] = (
        frame["service_type"].fillna(REFERRAL_WITHOUT_SERVICE).replace(CATALOGUE_SERVICE_MAP)
    )
    return frame


def referrals(index: PersonIndex) -> pd.DataFrame:
    """Every referral's dates (``analytics.timeline.REFERRAL_COLUMNS``) for the seam metric.

    The day of acceptance is not on the referral row: it is the ``referral_accepted`` event
    (the timeline is the record). A referral that is or was accepted but has no such event
    (data entered around the platform) counts as accepted on its start day, else on the day it
    was sent, so it is judged by its stall limit as the seam guard judges it today.
    ``stall_after`` is the seam guard's own limit (``ecosystem.seam``): the agreed start date,
    or the response due date when none was agreed, plus ``STALL_AFTER_DAYS``.
    """
    # Only the people with referrals: the event table is the largest of all, and its
    # (person, time) index turns a scan of every event (1 s on the small demo) into lookups.
    accepted = dict(
        rows(
            Event.objects.filter(
                type=Event.Type.REFERRAL_ACCEPTED,
                person__in=Referral.objects.values("person_id"),
            )
            .annotate(day=TruncDate("occurred_at"))
            .values_list(KT("payload__referral"), "day")
        )
    )
    frame = _frame(
        rows(
            Referral.objects.values_list(
                "pk",
                "person_id",
                "state",
                "sent_on",
                "response_due",
                "start_date",
                "started_on",
                "expected_end",
                "ended_on",
            )
        ),
        ["pk", "person_id", "state", "sent_on", "response_due", "start_date", "started_on",
         "expected_end", "ended_on"],
    )  # fmt: skip
    frame["person_id"] = index.codes(frame["person_id"])
    accepted = {int(k): v for k, v in accepted.items() if k is not None}
    was_accepted = frame["state"].isin(ACCEPTED_STATES)
    fallback = frame["started_on"].where(frame["started_on"].notna(), frame["sent_on"])
    frame["accepted_on"] = (
        frame["pk"].map(accepted).where(lambda day: day.notna() | ~was_accepted, fallback)
    )
    limit = pd.to_datetime(frame["start_date"].fillna(frame["response_due"]))
    frame["stall_after"] = limit + pd.Timedelta(days=STALL_AFTER_DAYS)
    return frame.drop(columns=["pk", "state", "start_date"])


def plan_revisions(index: PersonIndex) -> pd.DataFrame:
    """Every saved version of every employment plan: its save day (local, by the database) and
    its follow-up deadline as saved."""
    frame = _frame(
        rows(
            PlanRevision.objects.annotate(day=TruncDate("saved_at")).values_list(
                "plan__person_id", "day", KT("snapshot__follow_up_deadline")
            )
        ),
        ["person_id", "saved_on", "follow_up_deadline"],
    )
    frame["person_id"] = index.codes(frame["person_id"])
    return frame


def meetings(index: PersonIndex, since: date | None = None) -> pd.DataFrame:
    """Statutory meetings (those with a due date); ``held`` is the day of a held meeting.

    With ``since``, meetings both due and held before it are left out: no monthly figure from
    ``since`` on can count them (on-time shares look at meetings due in the month; overdue and
    next-step counts at meetings not held by the month's end), and on a mature area they are
    most of the table. So are the unheld bookings of such a meeting (a no-show rebooked for the
    same due date and then held): the metrics count a meeting once over its bookings
    (``analytics.timeline.statutory_meetings``), and without its held booking it would look
    overdue.
    """
    query = Meeting.objects.filter(due_date__isnull=False)
    if since is not None:
        held_before = Meeting.objects.filter(
            person=OuterRef("person"),
            kind=OuterRef("kind"),
            due_date=OuterRef("due_date"),
            outcome=Meeting.Outcome.HELD,
            starts_at__date__lt=since,
        )
        query = query.filter(
            Q(due_date__gte=since)
            | Q(starts_at__date__gte=since)
            | (~Q(outcome=Meeting.Outcome.HELD) & ~Exists(held_before))
        )
    data = rows(
        query.annotate(
            day=TruncDate("starts_at")
        ).values_list(  # the local day, computed by the database
            "person_id", "kind", "due_date", "day", "outcome"
        )
    )
    frame = _frame(data, ["person_id", "kind", "due", "day", "outcome"])
    frame["person_id"] = index.codes(frame["person_id"])
    held = (frame["outcome"] == Meeting.Outcome.HELD).to_numpy()
    frame["held"] = np.where(held, frame["day"].to_numpy(dtype=object), None)
    return frame.loc[:, ["person_id", "kind", "due", "held"]]


def timeline(index: PersonIndex, since: date | None = None) -> Timeline:
    status = status_periods(index)
    sources = settings.SAUMATON_INSIGHT_PARTICIPATION_SOURCES
    parts = [import_string(path)(index, status) for path in sources]
    participations = (
        pd.concat(parts, ignore_index=True).drop_duplicates(["person_id", "service_type", "start"])
        if parts
        else None
    )
    return Timeline(
        status,
        participations,
        meetings(index, since),
        referrals(index),
        plan_revisions(index),
    )


@dataclass(frozen=True)
class People:
    """Grouping attributes: ``base`` one row per person (area, municipality, unit); ``groups``
    one row per person and target group (a person may be in several)."""

    base: pd.DataFrame
    groups: pd.DataFrame

    def cells(self) -> pd.DataFrame:
        """One row per person and cell they belong to: ``person_id``, ``area``, ``dimension``
        (area, municipality, unit, target_group) and ``cell``. Grouping the metrics by
        (area, dimension, cell) gives every cut in one pass over the person indicators."""
        b = self.base
        parts = [
            b.assign(dimension="area", cell="*"),
            b.assign(dimension="municipality", cell=b["municipality"]),
            b.assign(dimension="unit", cell=b["unit"]),
            self.groups.assign(dimension="target_group", cell=self.groups["target_group"]),
        ]
        columns = ["person_id", "area", "dimension", "cell"]
        cells = pd.concat([part[columns] for part in parts], ignore_index=True)
        # Categories, not Python strings: grouping factorises them once instead of per metric.
        return cells.astype({"dimension": "category", "cell": "category"})


def people(index: PersonIndex, on: date) -> People:
    """Each person's area and unit from their latest customership, home municipality, and
    target groups by age on ``on`` and mother tongue (the groups of RULES.md §17 that the record
    states; long-term unemployment is itself a metric, not a grouping)."""
    latest = {}
    for person_id, area_id, unit_id, _start in rows(
        JobseekerCustomership.objects.order_by("start_date").values_list(
            "person_id", "organisation__area_id", "unit_id", "start_date"
        )
    ):
        latest[person_id] = (area_id, "" if unit_id is None else str(unit_id))
    records = []
    group_rows = []
    for person_id, municipality, birth, tongue in rows(
        Person.objects.values_list("id", "home_municipality_id", "birth_date", "mother_tongue")
    ):
        if person_id not in latest:
            continue
        area_id, unit = latest[person_id]
        records.append((person_id, area_id, municipality or "", unit))
        age = age_on(birth, on)
        if age < YOUTH_BELOW:
            group_rows.append((person_id, area_id, "under_25"))
        if age >= AGEING_FROM:
            group_rows.append((person_id, area_id, "age_55_plus"))
        if tongue and tongue not in NATIONAL_LANGUAGES:
            group_rows.append((person_id, area_id, "foreign_language"))
    base = _frame(records, ["person_id", "area", "municipality", "unit"])
    groups = _frame(group_rows, ["person_id", "area", "target_group"])
    base["person_id"] = index.codes(base["person_id"])
    groups["person_id"] = index.codes(groups["person_id"])
    return People(base, groups)
