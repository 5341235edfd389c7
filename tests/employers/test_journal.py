"""The matching journal is pruned: an index older than the rebuild horizon is rebuilt rather
than caught up, so journal rows older than that horizon (plus the margin) are never read."""

import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from saumaton.employers import index
from saumaton.employers.models import IndexChange, Vacancy


def _journal_at(*ages: timedelta) -> list[int]:
    """Journal rows written ``ages`` ago (``at`` is stamped on insert, so set it after)."""
    now = timezone.now()
    rows = [IndexChange.objects.create(kind="vacancy", key=uuid.uuid4()) for _ in ages]
    for row, age in zip(rows, ages, strict=True):
        IndexChange.objects.filter(pk=row.pk).update(at=now - age)
    return [row.pk for row in rows]


def test_prune_deletes_only_rows_past_the_horizon_and_margin(db, settings):
    settings.SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS = 6
    horizon = timedelta(hours=6) + index.PRUNE_MARGIN
    IndexChange.objects.all().delete()
    _old, edge, young = _journal_at(
        horizon + timedelta(minutes=1), horizon - timedelta(minutes=1), timedelta(0)
    )
    assert index.prune_journal() == 1
    assert set(IndexChange.objects.values_list("pk", flat=True)) == {edge, young}


def test_building_an_index_prunes_the_journal(world, jobs):
    (old,) = _journal_at(timedelta(days=3))
    index.index_for(world.area.pk)
    assert not IndexChange.objects.filter(pk=old).exists()


def test_an_index_past_its_age_is_rebuilt_not_caught_up(world, jobs, settings):
    """A change the journal no longer holds still reaches an index older than the horizon."""
    settings.SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS = 6
    first = index.index_for(world.area.pk)
    assert first.vacancy_records[str(jobs.vacancy.pk)].occupation == "5120"
    Vacancy.objects.filter(pk=jobs.vacancy.pk).update(occupation_id="9112")  # no journal row
    assert index.index_for(world.area.pk) is first  # young: caught up, the change unseen
    index._CACHE[world.area.pk].built_at -= timedelta(hours=6)
    rebuilt = index.index_for(world.area.pk)
    assert rebuilt is not first
    assert rebuilt.vacancy_records[str(jobs.vacancy.pk)].occupation == "9112"


@pytest.fixture
def background_builds(settings, monkeypatch):
    """``ready_index`` as on a server, with the builds it starts recorded instead of run (a
    thread's connection would not see the test's data)."""
    settings.SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS = 6
    settings.SAUMATON_MATCHING_BUILD_IN_BACKGROUND = True
    started = []
    monkeypatch.setattr(index, "_BUILDING", set())
    monkeypatch.setattr(
        index.threading,
        "Thread",
        lambda target, args, **kwargs: SimpleNamespace(start=lambda: started.append(args)),
    )
    return started


def test_a_stale_index_keeps_serving_while_its_successor_is_built(world, jobs, background_builds):
    first = index.index_for(world.area.pk)
    index._CACHE[world.area.pk].built_at -= timedelta(hours=6, minutes=1)
    assert index.ready_index(world.area.pk) is first
    assert index.ready_index(world.area.pk) is first
    assert background_builds == [(world.area.pk,)]  # one build, however many requests


def test_an_index_past_the_prune_horizon_is_not_served(world, jobs, background_builds):
    index.index_for(world.area.pk)
    index._CACHE[world.area.pk].built_at -= timedelta(hours=6) + index.PRUNE_MARGIN
    assert index.ready_index(world.area.pk) is None
    assert background_builds == [(world.area.pk,)]


def test_a_young_index_starts_no_build(world, jobs, background_builds):
    first = index.index_for(world.area.pk)
    assert index.ready_index(world.area.pk) is first
    assert background_builds == []
