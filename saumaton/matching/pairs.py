"""Hard constraints and the dense score parts (education, distance) for many pairs at once.

Every vectorised path of the engine (single queries in both directions, the nightly batch)
evaluates pairs through these two functions, so they cannot drift apart; tests hold them to
``constraints.violations`` and ``reasons.explain_pair``. Pairs are given as aligned arrays of
profile rows and vacancy rows (either may be a scalar broadcast against the other).
"""

from __future__ import annotations

import numpy as np

from saumaton.matching import weights as w
from saumaton.matching.constraints import COMMUTE_TOLERANCE_KM
from saumaton.matching.geo import EARTH_RADIUS_KM, chord2, km_of_chord2
from saumaton.matching.table import Table


def haversine_rad(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Vectorised haversine on radians, the same formula as ``geo.haversine_km``."""
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def feasible(profiles: Table, p, vacancies: Table, v) -> np.ndarray:
    """Boolean per pair: all hard constraints hold (and both records are alive).

    ``p`` and ``v`` are row numbers: 1-D arrays of equal length, or one of them a scalar, or
    a slice ``rows[:n]`` (a view: no copy of the columns, which matters at 350,000 rows).
    The bit columns of both tables always have the same number of words (the index widens
    them together).

    Why in this order: the commute limit (one squared chord per pair, ``geo.chord2``) rules
    out most of a country at once, so the other constraints are evaluated only on the pairs
    within reach; a query over all people touches every row just twice.
    """
    P, V = profiles.columns, vacancies.columns
    shape = np.broadcast(_shape_probe(p), _shape_probe(v)).shape
    exempt = np.broadcast_to(V["remote"][v] & P["remote_ok"][p], shape)
    near = chord2(_rows(P["xyz"], p), _rows(V["xyz"], v)) <= P["chord2_limit"][p]
    near = profiles.alive[p] & vacancies.alive[v] & (exempt | near)
    at = np.flatnonzero(np.broadcast_to(near, shape))
    ok = np.zeros(shape, bool).reshape(-1)  # one pair (two scalars) is a 1-element array here
    if not at.size:
        return ok.reshape(shape)
    pp, vv = _subset(p, at), _subset(v, at)
    good = (P["work"][pp] & V["work"][vv]) != 0
    good &= (P["excluded"][pp] & V["demands"][vv]) == 0
    good &= _holds_required(P["held"], pp, V["required"], vv)
    ok[at] = good
    return ok.reshape(shape)


def chord2_limit(max_km: float) -> float:
    """The squared chord of the person's commute limit plus ``COMMUTE_TOLERANCE_KM``."""
    angle = min((max_km + COMMUTE_TOLERANCE_KM) / EARTH_RADIUS_KM, np.pi)
    return float((2 * np.sin(angle / 2)) ** 2)


def _holds_required(held: np.ndarray, p, required: np.ndarray, v) -> np.ndarray:
    """Every required bit (languages at level, licences) is held by the pairs' profiles.

    Word by word, because a reduction over the last axis costs more than the few words it
    reduces; and a word is gathered only if some pair needs a bit of it (a single vacancy
    usually needs one word, so the other words of a whole population are never read)."""
    ok = np.ones(np.broadcast(_shape_probe(p), _shape_probe(v)).shape, bool)
    for word in range(required.shape[-1]):
        need = required[v, word]
        if not need.any():
            continue
        ok &= (need & ~held[p, word]) == 0
    return ok


def dense_parts(profiles: Table, p, vacancies: Table, v) -> np.ndarray:
    """Education and distance parts of the score per pair (see ``weights``)."""
    P, V = profiles.columns, vacancies.columns
    minimum, level = V["edu_min"][v].astype(np.int64), P["edu"][p].astype(np.int64)
    gap = np.minimum(minimum - level, w.EDUCATION_GAP_LEVELS) / w.EDUCATION_GAP_LEVELS
    education = np.where(
        minimum <= 0, 0.0, np.where(level >= minimum, w.EDUCATION_MET, -w.EDUCATION_GAP * gap)
    )
    km = km_of_chord2(chord2(_rows(P["xyz"], p), _rows(V["xyz"], v)))
    exempt = V["remote"][v] & P["remote_ok"][p]
    distance = np.where(exempt, w.DISTANCE, w.DISTANCE * np.exp(-km / w.DISTANCE_SCALE_KM))
    return education + distance


def _scalar(rows) -> bool:
    return isinstance(rows, int | np.integer)


def _rows(column: np.ndarray, rows) -> np.ndarray:
    """``column[rows]``; for an array of rows with ``np.take``, which gathers (n, 3) blocks
    several times faster than fancy indexing."""
    if isinstance(rows, np.ndarray):
        return np.take(column, rows, axis=0)
    return column[rows]


def _shape_probe(rows):
    """Something with the shape ``rows`` selects, for broadcasting."""
    if isinstance(rows, slice):
        return np.empty(rows.stop - (rows.start or 0), bool)
    return rows


def _subset(rows, positions: np.ndarray):
    """The rows at ``positions`` of a selection (a scalar stays itself)."""
    if _scalar(rows):
        return rows
    if isinstance(rows, slice):
        return positions + (rows.start or 0)
    return rows[positions]
