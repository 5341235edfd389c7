"""Hard constraints and the dense score parts (education, distance) for many pairs at once.

Every vectorised path of the engine (single queries in both directions, the nightly batch)
evaluates pairs through these two functions, so they cannot drift apart; tests hold them to
``constraints.violations`` and ``reasons.explain_pair``. Pairs are given as aligned arrays of
profile rows and vacancy rows (either may be a scalar broadcast against the other).
"""

from __future__ import annotations

import numpy as np
from threadpoolctl import ThreadpoolController

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

    Why in this order: the commute prefilter (one dot product per pair) rules out most of a
    country at once, so the other constraints and the exact distance are evaluated only on
    the pairs within reach; a query over all people touches every row just twice.
    """
    P, V = profiles.columns, vacancies.columns
    shape = np.broadcast(_shape_probe(p), _shape_probe(v)).shape
    exempt = np.broadcast_to(V["remote"][v] & P["remote_ok"][p], shape)
    if _scalar(p):
        cosine = _one_thread_dot(V["xyz"][v], P["xyz"][p])
    elif _scalar(v):
        cosine = _one_thread_dot(P["xyz"][p], V["xyz"][v])
    else:
        cosine = np.einsum("ij,ij->i", P["xyz"][p], V["xyz"][v])
    near = profiles.alive[p] & vacancies.alive[v] & (exempt | (cosine >= P["cos_limit"][p]))
    at = np.flatnonzero(np.broadcast_to(near, shape))
    ok = np.zeros(shape, bool).reshape(-1)  # one pair (two scalars) is a 1-element array here
    if not at.size:
        return ok.reshape(shape)
    exempt = exempt.reshape(-1)
    pp, vv = _subset(p, at), _subset(v, at)
    good = np.ones(at.size, bool)
    good &= (P["work"][pp] & V["work"][vv]) != 0
    good &= (P["excluded"][pp] & V["demands"][vv]) == 0
    good &= _holds_required(P["held"][pp], V["required"][vv])
    # Exact check on the survivors, with the formula and tolerance of ``constraints``.
    check = np.flatnonzero(good & ~exempt[at])
    if check.size:
        cp, cv = _subset(pp, check), _subset(vv, check)
        km = haversine_rad(P["lat"][cp], P["lon"][cp], V["lat"][cv], V["lon"][cv])
        good[check] = km <= P["max_km"][cp] + COMMUTE_TOLERANCE_KM
    ok[at] = good
    return ok.reshape(shape)


_BLAS = ThreadpoolController()


def _one_thread_dot(rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """``rows @ vector`` on one BLAS thread. Why: for an (n, 3) × (3,) product the BLAS
    library's threads cost more than they bring, and on a busy machine (a web server, the batch's
    worker processes) they cost ten times the product itself (measured: 0.5 ms on one thread,
    15 ms with the default threads, at 346,400 rows on 2 busy cores)."""
    with _BLAS.limit(limits=1, user_api="blas"):
        return rows @ vector


def _holds_required(held: np.ndarray, required: np.ndarray) -> np.ndarray:
    """Every required bit (languages at level, licences) is held; word by word, because a
    reduction over the last axis costs more than the few words it reduces."""
    ok = np.ones(held.shape[:-1] if held.ndim > 1 else required.shape[:-1], bool)
    for word in range(required.shape[-1]):
        need = required[..., word]
        if need.ndim == 0 and not need:
            continue
        ok &= (need & ~held[..., word]) == 0
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
