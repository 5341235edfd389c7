"""One process-level matching index per employment area, kept current from the change journal.

Choice (documented in docs/matching.md, "From the database"): building the index for an area
reads every active jobseeker profile and published vacancy once; afterwards each query first
applies the ``IndexChange`` rows written since the last one it saw (the version stamp), re-reading
only the people and vacancies they name and calling ``upsert_*``/``remove_*`` of
``saumaton.matching.index.MatchIndex``. So a saved profile or vacancy is matched again by the
next request in every process, without a rebuild and without a message bus.

The journal is pruned, honestly: a process rebuilds an index from scratch once it is older than
``SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS`` (a stale index is never caught up), so no process ever
reads a journal row written before that horizon. Each build deletes the rows older than the
horizon plus ``PRUNE_MARGIN`` (a row is stamped when inserted and may commit later: the margin
covers any transaction shorter than it). Builds happen in every process at least that often
while it serves matching, so the journal stays a few hours long without a cron job.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connections
from django.db.models import Max
from django.utils import timezone

from saumaton.jobseekers.models import JobseekerCustomership, Person
from saumaton.matching.index import MatchIndex

from .adapter import profile_records, vacancy_record
from .models import IndexChange, Vacancy

PRUNE_MARGIN = timedelta(hours=1)


def max_age() -> timedelta:
    return timedelta(hours=settings.SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS)


@dataclass
class _Cached:
    index: MatchIndex
    journal_id: int
    built_at: datetime = field(default_factory=timezone.now)  # when its journal head was read

    def stale(self) -> bool:
        """Due for a rebuild."""
        return timezone.now() - self.built_at >= max_age()

    def expired(self) -> bool:
        """Past the prune horizon: journal rows it has not read yet may be gone."""
        return timezone.now() - self.built_at >= max_age() + PRUNE_MARGIN


_CACHE: dict[int, _Cached] = {}
_BUILDING: set[int] = set()
_LOCK = threading.Lock()


def _people(area_id: int):
    """Active jobseekers of the area; an uncorrelated IN, as in ``jobseekers.scoping`` (a join
    with DISTINCT made SQLite take seconds on the demo)."""
    active = JobseekerCustomership.objects.filter(
        organisation__area_id=area_id, end_date__isnull=True
    )
    return Person.objects.filter(pk__in=active.values("person_id"))


def _vacancies(area_id: int):
    return Vacancy.objects.open().filter(employer__area_id=area_id)


def _journal_head() -> int:
    return IndexChange.objects.aggregate(head=Max("id"))["head"] or 0


def build(area_id: int) -> MatchIndex:
    """A fresh index of the area's active jobseekers and published vacancies (and a prune of
    the journal rows no index can need any more)."""
    today = timezone.localdate()
    profiles = profile_records(_people(area_id), today).values()
    index = MatchIndex(
        (p for p in profiles if p is not None),
        (vacancy_record(v) for v in _vacancies(area_id)),
        current_year=today.year,
    )
    prune_journal()
    return index


def prune_journal(now: datetime | None = None) -> int:
    """Delete the journal rows older than the rebuild horizon plus the margin; how many."""
    horizon = (now or timezone.now()) - max_age() - PRUNE_MARGIN
    deleted, _by_model = IndexChange.objects.filter(at__lt=horizon).delete()
    return deleted


def index_for(area_id: int) -> MatchIndex:
    """The area's index, caught up with every change journalled before this call."""
    with _LOCK:
        cached = _CACHE.get(area_id)
        if cached is None or cached.stale():
            started, head = timezone.now(), _journal_head()  # changes during the build: later
            cached = _CACHE[area_id] = _Cached(build(area_id), head, started)
        else:
            _catch_up(area_id, cached)
        return cached.index


def ready_index(area_id: int) -> MatchIndex | None:
    """The area's index if this process has it (caught up), else None while it is built.

    Why: the first build reads every profile and vacancy of the area (seconds at city scale),
    and the overall picture must not wait for it: the page shows its other sections at once
    and the suggestions once the index is there. Where ``SAUMATON_MATCHING_BUILD_IN_BACKGROUND``
    is off (the tests: their data are invisible to another connection) this is ``index_for``.
    """
    if not settings.SAUMATON_MATCHING_BUILD_IN_BACKGROUND:
        return index_for(area_id)
    with _LOCK:
        cached = _CACHE.get(area_id)
        if cached is not None and cached.expired():
            del _CACHE[area_id]  # its unread journal rows may be pruned: never caught up
            cached = None
        if (cached is None or cached.stale()) and area_id not in _BUILDING:
            _BUILDING.add(area_id)
            threading.Thread(
                target=_build_in_background, args=(area_id,), name="matching-index", daemon=True
            ).start()
        if cached is None:
            return None
        # A stale index keeps serving (caught up) while its successor is built: within the
        # prune margin every journal row it has not read is still there.
        _catch_up(area_id, cached)
        return cached.index


def _build_in_background(area_id: int) -> None:
    try:
        started, head = timezone.now(), _journal_head()
        built = _Cached(build(area_id), head, started)
        with _LOCK:
            current = _CACHE.get(area_id)
            if current is None or current.built_at < built.built_at:
                _CACHE[area_id] = built
    finally:
        with _LOCK:
            _BUILDING.discard(area_id)
        connections.close_all()  # this thread's connection only


def _catch_up(area_id: int, cached: _Cached) -> None:
    changes = list(
        IndexChange.objects.filter(id__gt=cached.journal_id).values_list("id", "kind", "key")
    )
    if not changes:
        return
    person_ids = {str(k) for _, kind, k in changes if kind == IndexChange.Kind.PERSON}
    vacancy_ids = {str(k) for _, kind, k in changes if kind == IndexChange.Kind.VACANCY}
    index, today = cached.index, timezone.localdate()
    found = profile_records(_people(area_id).filter(pk__in=person_ids), today)
    for pid in person_ids:
        record = found.get(pid)
        if record is not None:
            index.upsert_profile(record)
        elif pid in index.profile_records:
            index.remove_profile(pid)
    open_now = {str(v.pk): v for v in _vacancies(area_id).filter(pk__in=vacancy_ids)}
    for vid in vacancy_ids:
        if vid in open_now:
            index.upsert_vacancy(vacancy_record(open_now[vid]))
        elif vid in index.vacancy_records:
            index.remove_vacancy(vid)
    cached.journal_id = max(change_id for change_id, _, _ in changes)


def forget_all() -> None:
    """Drop every cached index (tests; a command that rewrote the data wholesale)."""
    with _LOCK:
        _CACHE.clear()


def journal(kind: str, keys) -> None:
    """Record that these people or vacancies changed (one insert for many)."""
    IndexChange.objects.bulk_create(IndexChange(kind=kind, key=key) for key in keys)
