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
from saumaton.matching.geo import EARTH_RADIUS_KM
from saumaton.matching.table import Table

# The cosine prefilter is loosened by this much; survivors are checked with haversine.
PREFILTER_SLACK_KM = 0.5


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
    """
    P, V = profiles.columns, vacancies.columns
    shape = np.broadcast(_shape_probe(p), _shape_probe(v)).shape
    ok = profiles.alive[p] & vacancies.alive[v]
    ok = ok & ((P["work"][p] & V["work"][v]) != 0)
    ok &= (P["excluded"][p] & V["demands"][v]) == 0
    ok &= ~(V["required"][v] & ~P["held"][p]).any(axis=-1)
    exempt = np.broadcast_to(V["remote"][v] & P["remote_ok"][p], shape)
    if _scalar(p):
        cosine = V["xyz"][v] @ P["xyz"][p]
    elif _scalar(v):
        cosine = P["xyz"][p] @ V["xyz"][v]
    else:
        cosine = np.einsum("ij,ij->i", P["xyz"][p], V["xyz"][v])
    ok = np.broadcast_to(ok & (exempt | (cosine >= P["cos_limit"][p])), shape).copy()
    # Exact check on the survivors, with the formula and tolerance of ``constraints``.
    check = np.flatnonzero(ok & ~exempt)
    if check.size:
        pp, vv = _subset(p, check), _subset(v, check)
        km = haversine_rad(P["lat"][pp], P["lon"][pp], V["lat"][vv], V["lon"][vv])
        ok[check] = km <= P["max_km"][pp] + COMMUTE_TOLERANCE_KM
    return ok


def dense_parts(profiles: Table, p, vacancies: Table, v) -> np.ndarray:
    """Education and distance parts of the score per pair (see ``weights``)."""
    P, V = profiles.columns, vacancies.columns
    minimum, level = V["edu_min"][v].astype(np.int64), P["edu"][p].astype(np.int64)
    gap = np.minimum(minimum - level, w.EDUCATION_GAP_LEVELS) / w.EDUCATION_GAP_LEVELS
    education = np.where(
        minimum <= 0, 0.0, np.where(level >= minimum, w.EDUCATION_MET, -w.EDUCATION_GAP * gap)
    )
    km = haversine_rad(P["lat"][p], P["lon"][p], V["lat"][v], V["lon"][v])
    exempt = V["remote"][v] & P["remote_ok"][p]
    distance = np.where(exempt, w.DISTANCE, w.DISTANCE * np.exp(-km / w.DISTANCE_SCALE_KM))
    return education + distance


def cosine_limit(max_km: float) -> float:
    return float(np.cos(min((max_km + PREFILTER_SLACK_KM) / EARTH_RADIUS_KM, np.pi)))


def _scalar(rows) -> bool:
    return isinstance(rows, int | np.integer)


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
