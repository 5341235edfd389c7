"""``ReachBuckets`` never loses a person within reach, anywhere on Earth and after changes."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.matching import spatial
from saumaton.matching.constraints import COMMUTE_TOLERANCE_KM
from saumaton.matching.geo import haversine_km
from saumaton.matching.spatial import ReachBuckets
from saumaton.matching.table import Table

places = st.tuples(st.floats(-89.9, 89.9), st.floats(-180.0, 180.0))
# Mostly Finnish commutes, sometimes a continent: the last band's reach is its longest limit.
limits = st.one_of(st.sampled_from([0.0, 5.0, 10.0, 30.0, 80.0]), st.floats(0.0, 3000.0))
people = st.lists(st.tuples(places, limits), min_size=1, max_size=30)


def _table(rows) -> Table:
    table = Table({"lat": (np.float64, ()), "lon": (np.float64, ()), "max_km": (np.float64, ())})
    for i, row in enumerate(rows):
        _put(table, i, row)
    return table


def _put(table: Table, i: int, row) -> None:
    (lat, lon), max_km = row
    at = table.row_for(i)
    table.columns["lat"][at], table.columns["lon"][at] = math.radians(lat), math.radians(lon)
    table.columns["max_km"][at] = max_km


def _within_reach(rows, place) -> set[int]:
    return {
        i
        for i, ((lat, lon), max_km) in enumerate(rows)
        if haversine_km(lat, lon, *place) <= max_km + COMMUTE_TOLERANCE_KM
    }


def _candidates(buckets: ReachBuckets, place) -> list[int]:
    return buckets.candidates(math.radians(place[0]), math.radians(place[1])).tolist()


@settings(max_examples=100, deadline=None)
@given(people, places)
def test_candidates_include_everyone_within_reach_once(rows, place):
    buckets = ReachBuckets(_table(rows))
    buckets.rebuild()
    found = _candidates(buckets, place)
    assert len(found) == len(set(found))
    assert _within_reach(rows, place) <= set(found)


@settings(max_examples=100, deadline=None)
@given(people, st.lists(st.tuples(st.integers(0, 40), places, limits), max_size=12), places)
def test_moves_and_newcomers_are_found_before_and_after_a_merge(rows, changes, place):
    """Rows changed since the base was built (moved, new, a longer limit) are candidates at
    their new place only; a merge (here after every third change) keeps it so."""
    rows = list(rows)
    table = _table(rows)
    buckets = ReachBuckets(table)
    buckets.rebuild()
    saved = spatial.COMPACT_MIN_ROWS, spatial.COMPACT_FRACTION
    spatial.COMPACT_MIN_ROWS, spatial.COMPACT_FRACTION = 3, 10**9
    try:
        for target, where, max_km in changes:
            i = min(target, len(rows))  # an existing row, or the next new one
            if i == len(rows):
                rows.append((where, max_km))
            else:
                rows[i] = (where, max_km)
            _put(table, i, rows[i])
            buckets.changed(i)
            found = _candidates(buckets, place)
            assert len(found) == len(set(found))
            assert _within_reach(rows, place) <= set(found)
    finally:
        spatial.COMPACT_MIN_ROWS, spatial.COMPACT_FRACTION = saved


def test_a_far_place_is_not_a_candidate():
    """The buckets do prune: someone in Utsjoki is not a candidate for a job in Helsinki."""
    rows = [((60.17, 24.94), 30.0), ((69.91, 27.03), 80.0)]
    buckets = ReachBuckets(_table(rows))
    buckets.rebuild()
    assert _candidates(buckets, (60.2, 24.9)) == [0]
