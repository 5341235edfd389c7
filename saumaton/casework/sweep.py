"""The seam guard: every active jobseeker has a responsible coach and a next step with a date.

``sweep(today)`` reads the facts of all open job searches in a few set-based queries, asks the
rules engine what is due, and turns every violation or near-miss into an attention item in the
coach's work queue (principle 4: seamlessness is an invariant, not a report). It is idempotent:
a second run on the same day changes nothing but ``last_seen``. Items open longer than
``ESCALATE_AFTER_DAYS`` are escalated to the unit lead. A person left without a coach is given
the least-loaded coach of their organisation (and unit), as an event on their timeline.

A "next step" is a scheduled future meeting, or else an open attention item with a due date:
after a sweep, no active person lacks one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import Max, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.module_loading import import_string

from saumaton.audit.models import Event
from saumaton.jobseekers.models import EmploymentStatusPeriod, JobseekerCustomership
from saumaton.organisations.models import AreaMunicipality, Membership
from saumaton.rules.plans import plan_review_due
from saumaton.rules.process import History, meetings_due

from .models import AttentionItem, DutyPeriod, EmploymentPlan, Meeting, Statement

Kind = AttentionItem.Kind
ESCALATE_AFTER_DAYS = 5
STATEMENT_WARNING_DAYS = 5
NEXT_STEP_HORIZON_DAYS = 10  # a "no next step" item asks for a booking within this many days
BATCH = 5000
SEAM_GUARD_BASIS = "380/2023 §§31–33, §40"
LAPSE_WINDOW_DAYS = 14  # a missed meeting without a later held one, within this many days
INTEGRATION_WARNING_DAYS = 30  # an integration plan ending this soon needs an employment plan


@dataclass
class SweepReport:
    today: date
    active: int = 0
    without_coach: int = 0
    without_next_step: int = 0
    findings: Counter = field(default_factory=Counter)
    created: int = 0
    resolved: int = 0
    escalated: int = 0
    coaches_assigned: int = 0


@dataclass(frozen=True, slots=True)
class Finding:
    person_id: object
    kind: str
    due: date | None
    detail: str = ""


def _facts(today: date, now, parallel: bool):
    held_future = _read_aside(_held_meetings, parallel)
    open_items = _read_aside(_open_items, parallel)
    active = _rows(
        JobseekerCustomership.objects.filter(end_date__isnull=True).values_list(
            "id",
            "person_id",
            "coach_id",
            "start_date",
            "status",
            "organisation_id",
            "unit_id",
            "organisation__area_id",
            "person__home_municipality_id",
        )
    )
    scheduled = Meeting.objects.filter(outcome=Meeting.Outcome.SCHEDULED)
    upcoming = {}
    for person_id, kind in _rows(
        scheduled.filter(starts_at__gte=now).values_list("person_id", "kind")
    ):
        upcoming.setdefault(person_id, set()).add(kind)
    outcome_missing = set(
        scheduled.filter(starts_at__lt=now - timedelta(hours=2)).values_list("person_id", flat=True)
    )
    plans = dict(_rows(EmploymentPlan.objects.values_list("person_id", "follow_up_deadline")))
    unevaluated = set(
        DutyPeriod.objects.filter(evaluation=DutyPeriod.Evaluation.OPEN, end__lt=today).values_list(
            "person_id", flat=True
        )
    )
    statements_due = dict(
        Statement.objects.filter(
            state=Statement.State.DRAFT,
            issuer="employment_authority",
            deadline__lte=today + timedelta(days=STATEMENT_WARNING_DAYS),
        ).values_list("person_id", "deadline")
    )
    area_municipalities = defaultdict(set)
    for area_id, code in AreaMunicipality.objects.values_list("area_id", "municipality_id"):
        area_municipalities[area_id].add(code)
    missed: dict = {}
    for person_id, starts_at in Meeting.objects.filter(
        outcome=Meeting.Outcome.NO_SHOW, starts_at__gte=now - timedelta(days=LAPSE_WINDOW_DAYS)
    ).values_list("person_id", "starts_at"):
        day = timezone.localtime(starts_at).date()
        missed[person_id] = max(day, missed.get(person_id, day))
    integration_ends = dict(
        EmploymentStatusPeriod.objects.filter(
            status=EmploymentStatusPeriod.Status.IN_SERVICE,
            service_type__startswith="integration",
            end__gte=today,
            end__lte=today + timedelta(days=INTEGRATION_WARNING_DAYS),
        ).values_list("person_id", "end")
    )
    return (
        open_items,
        active,
        held_future.result(),
        upcoming,
        outcome_missing,
        plans,
        unevaluated,
        statements_due,
        area_municipalities,
        missed,
        integration_ends,
    )


def _read_aside(read: Callable[[], object], parallel: bool) -> Future:
    """Run ``read`` on a second database connection while this one reads the other facts.

    Why: the sweep's large reads are independent, and on PostgreSQL the biggest of them (the
    held-meeting aggregate) keeps a server core busy for seconds while this process waits; run
    beside the others it costs almost nothing. The second connection sees only committed rows,
    so this is done only where nothing uncommitted can be missed (see ``sweep``); otherwise the
    read runs here and now.
    """
    if not parallel:
        done: Future = Future()
        done.set_result(read())
        return done
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sweep-read")
    future = executor.submit(_on_own_connection, read)
    executor.shutdown(wait=False)
    return future


def _on_own_connection(read: Callable[[], object]):
    try:
        return read()
    finally:
        connections.close_all()  # this thread's connections only


def _open_items() -> dict:
    return {
        (person_id, kind): pk
        for pk, person_id, kind in _rows(
            AttentionItem.objects.filter(resolved_on__isnull=True).values_list(
                "pk", "person_id", "kind"
            )
        )
    }


def _held_meetings() -> dict:
    """Held meetings of open job searches, per person: (initial interview, latest job-search
    conversation, supplementary conversations in any order).

    The one large read of the sweep (several meetings per person). It carries only what the
    schedule reads (``History.condensed``): of the job-search conversations just the latest.
    On PostgreSQL the database groups them into one row per person (no per-group sort: the
    rules sort the few supplementary dates themselves); elsewhere the rows come in the order of
    the (person, starts_at) index and are grouped here. Either way the database converts the
    times to local dates.
    """
    held = Meeting.objects.filter(outcome=Meeting.Outcome.HELD, customership__end_date__isnull=True)
    day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    if connection.vendor == "postgresql":
        from django.contrib.postgres.aggregates import ArrayAgg

        query = (
            held.values("person_id")
            .annotate(
                initial=Min(day, filter=Q(kind=Meeting.Kind.INITIAL_INTERVIEW)),
                conversation=Max(day, filter=Q(kind=Meeting.Kind.JOB_SEARCH_CONVERSATION)),
                supplementary=ArrayAgg(
                    day, filter=Q(kind=Meeting.Kind.SUPPLEMENTARY_CONVERSATION), default=None
                ),
            )
            .order_by()
            .values_list("person_id", "initial", "conversation", "supplementary")
        )
        return {
            person_id: (initial, conversation, supplementary or ())
            for person_id, initial, conversation, supplementary in _rows(query)
        }
    query = held.annotate(day=day).order_by("person_id", "starts_at")
    grouped: dict = {}
    for person_id, meetings in groupby(
        _rows(query.values_list("person_id", "kind", "day")), key=itemgetter(0)
    ):
        initial, conversation, supplementary = None, None, []
        for _, kind, when in meetings:
            if kind == Meeting.Kind.INITIAL_INTERVIEW:
                initial = initial or when
            elif kind == Meeting.Kind.JOB_SEARCH_CONVERSATION:
                conversation = when
            else:
                supplementary.append(when)
        grouped[person_id] = (initial, conversation, supplementary)
    return grouped


def _rows(query) -> list[tuple]:
    """A values_list query's rows. On PostgreSQL straight from the cursor: psycopg already
    gives UUIDs and dates, and skipping the ORM's per-row conversion matters at 10^5–10^6 rows.
    Elsewhere (SQLite stores UUIDs and dates as text) the ORM converts them."""
    if connection.vendor != "postgresql":
        return list(query)
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _find(
    today,
    row,
    held,
    upcoming,
    outcome_missing,
    plans,
    unevaluated,
    statements_due,
    areas,
    missed,
    integration_ends,
):
    _cid, person_id, coach_id, start, status, _org, _unit, area_id, home = row
    findings: list[Finding] = []
    if coach_id is None:
        findings.append(Finding(person_id, Kind.NO_COACH, today))
    initial, conversation, supplementary = held.get(person_id) or (None, None, ())
    due = meetings_due(
        History(
            job_search_start=start,
            status=status,
            initial_interview=initial,
            job_search_conversations=(conversation,) if conversation else (),
            supplementary_conversations=tuple(supplementary),
        ),
        max(today, start),
    )
    booked = upcoming.get(person_id, set())
    first_due = None
    for meeting in due.meetings:
        first_due = meeting.due if first_due is None else min(first_due, meeting.due)
        if meeting.due < today and meeting.kind not in booked:
            findings.append(Finding(person_id, Kind.OVERDUE_MEETING, meeting.due, meeting.kind))
    if not booked:
        horizon = today + timedelta(days=NEXT_STEP_HORIZON_DAYS)
        findings.append(Finding(person_id, Kind.NO_NEXT_STEP, min(first_due or horizon, horizon)))
    if person_id in outcome_missing:
        findings.append(Finding(person_id, Kind.MEETING_OUTCOME_MISSING, today))
    if initial is not None:
        if person_id not in plans:
            findings.append(Finding(person_id, Kind.NO_PLAN, today))
        elif plan_review_due(plans[person_id], today):
            findings.append(Finding(person_id, Kind.PLAN_REVIEW_DUE, plans[person_id]))
    if person_id in unevaluated:
        findings.append(Finding(person_id, Kind.DUTY_UNEVALUATED, today))
    if person_id in statements_due:
        findings.append(Finding(person_id, Kind.STATEMENT_DEADLINE, statements_due[person_id]))
    if home and area_id and home not in areas[area_id]:
        findings.append(Finding(person_id, Kind.MOVED_OUT, today))
    last_held = max([d for d in (initial, conversation, *supplementary) if d], default=None)
    if person_id in missed and (last_held is None or last_held < missed[person_id]):
        # 380/2023 §28(1)(3): failing to transact ends the job search (from 2026-03-01 at the
        # first failure): the coach decides, or records the person's valid reason, in time.
        lapse = missed[person_id] + timedelta(days=LAPSE_WINDOW_DAYS)
        findings.append(Finding(person_id, Kind.JOB_SEARCH_LAPSING, lapse))
    if person_id in integration_ends and person_id not in plans:
        findings.append(Finding(person_id, Kind.INTEGRATION_ENDING, integration_ends[person_id]))
    return findings, not booked


def _assign_coaches(rows, report: SweepReport) -> list:
    """Give people without a coach the least-loaded active coach of their organisation/unit."""
    orphans = [r for r in rows if r[2] is None]
    if not orphans:
        return rows
    load = Counter(
        JobseekerCustomership.objects.filter(
            end_date__isnull=True, coach__isnull=False
        ).values_list("coach_id", flat=True)
    )
    coaches = defaultdict(list)
    for user_id, org_id, unit_id in Membership.objects.filter(
        role="coach", active=True
    ).values_list("user_id", "organisation_id", "unit_id"):
        coaches[org_id].append((user_id, unit_id))
    assigned = {}
    for row in orphans:
        cid, person_id, _coach, _start, _status, org_id, unit_id, *_rest = row
        pool = [u for u, unit in coaches.get(org_id, []) if unit == unit_id] or [
            u for u, _ in coaches.get(org_id, [])
        ]
        if not pool:
            continue
        chosen = min(pool, key=lambda u: (load[u], u))
        load[chosen] += 1
        assigned[cid] = (person_id, chosen, org_id)
    for cid, (_person, coach_id, _org) in assigned.items():
        JobseekerCustomership.objects.filter(pk=cid, coach__isnull=True).update(coach_id=coach_id)
    Event.objects.bulk_create(
        Event(
            person_id=person_id,
            organisation_id=org_id,
            type=Event.Type.COACH_ASSIGNED,
            legal_basis=SEAM_GUARD_BASIS,
            payload={"coach": coach_id, "by": "seam_guard"},
        )
        for person_id, coach_id, org_id in assigned.values()
    )
    report.coaches_assigned = len(assigned)
    return [(r[0], r[1], assigned[r[0]][1], *r[3:]) if r[0] in assigned else r for r in rows]


@transaction.atomic
def sweep(
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    parallel_reads: bool | None = None,
) -> SweepReport:
    """One pass of the seam guard. ``parallel_reads`` (default: on PostgreSQL when the sweep is
    its own transaction) reads independent facts on a second connection; a caller that wraps
    the sweep in a transaction of its own with no uncommitted writes may ask for it too."""
    today = today or timezone.localdate()
    now = timezone.now()
    report = SweepReport(today)
    if parallel_reads is None:
        parallel_reads = connection.vendor == "postgresql" and len(connection.atomic_blocks) == 1
    open_items, active, *facts = _facts(today, now, parallel_reads)
    report.active = len(active)
    report.without_coach = sum(1 for r in active if r[2] is None)
    active = _assign_coaches(active, report)
    found: dict[tuple, Finding] = {}
    for index, row in enumerate(active, 1):
        findings, no_next = _find(today, row, *facts)
        report.without_next_step += no_next
        for f in findings:
            found[(f.person_id, f.kind)] = f
            report.findings[f.kind] += 1
        if progress and (index % BATCH == 0 or index == len(active)):
            progress(index, len(active))
    in_process = {row[1] for row in active}  # (customership, person, …)
    for finder in seam_finders():
        for f in finder(today):
            if f.person_id not in in_process:
                continue  # the job search has ended (or never began): nobody follows them up
            found[(f.person_id, f.kind)] = f
            report.findings[f.kind] += 1
    _apply(found, open_items.result(), today, report)
    return report


def seam_finders() -> list[Callable[[date], Iterable[Finding]]]:
    """The finders other apps contribute (``SAUMATON_SEAM_FINDERS``, dotted paths).

    Why a setting and not an import: the seam guard owns the attention items, but what counts as
    a seam (a stalled referral, an unanswered assigned vacancy) belongs to the app that owns the
    record; each finder returns the ``Finding`` rows that hold *today*, and an open item whose
    finding no longer holds is resolved like any other.
    """
    return [import_string(path) for path in settings.SAUMATON_SEAM_FINDERS]


def _apply(found: dict, open_items: dict, today: date, report: SweepReport) -> None:
    new = [
        AttentionItem(
            person_id=f.person_id,
            kind=f.kind,
            due=f.due,
            detail=f.detail,
            first_seen=today,
            last_seen=today,
        )
        for key, f in found.items()
        if key not in open_items
    ]
    AttentionItem.objects.bulk_create(new, batch_size=BATCH)
    report.created = len(new)
    still = [pk for key, pk in open_items.items() if key in found]
    gone = [pk for key, pk in open_items.items() if key not in found]
    for start in range(0, len(still), BATCH):
        AttentionItem.objects.filter(pk__in=still[start : start + BATCH]).update(last_seen=today)
    for start in range(0, len(gone), BATCH):
        AttentionItem.objects.filter(pk__in=gone[start : start + BATCH]).update(resolved_on=today)
    report.resolved = len(gone)
    report.escalated = AttentionItem.objects.filter(
        resolved_on__isnull=True,
        escalated_on__isnull=True,
        first_seen__lte=today - timedelta(days=ESCALATE_AFTER_DAYS),
    ).update(escalated_on=today)
