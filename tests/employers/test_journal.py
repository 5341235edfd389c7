"""The matching journal is pruned: an index older than the rebuild horizon is rebuilt rather
than caught up, so journal rows older than that horizon (plus the margin) are never read."""

import uuid
from datetime import timedelta

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


def test_a_stale_index_is_dropped_by_ready_index_too(world, jobs, settings):
    settings.SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS = 6
    first = index.ready_index(world.area.pk)
    index._CACHE[world.area.pk].built_at -= timedelta(hours=7)
    assert index.ready_index(world.area.pk) is not first
