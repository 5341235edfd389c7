"""The nightly batch: the top-k feasible vacancies for every jobseeker in the index.

A query per person would scan all vacancies 350,000 times. The batch instead

1. groups people by map cell (about 28 × 25 km), so each group shares one candidate list: the
   vacancies within the group's largest commute limit plus its spread, and the fully remote
   ones if anyone in the group accepts remote work;
2. for a block of people, multiplies their sparse features (ISCO groups, skills) with the
   candidates' (scipy), which yields only the pairs that share an occupation group or a skill;
3. scores those pairs with the same ``pairs`` functions as a single query;
   Of those, only the pairs that can still reach a person's top-k are checked and ranked
   (``_contenders``: a bar set by the best few, and the ceiling of every other pair);
4. proves the result exact: a pair sharing nothing scores at most ``weights.NO_OVERLAP_MAX``
   (education + distance), so a person whose k-th candidate scores above that has their true
   top-k. Anyone else (few people near few vacancies) also gets the jobs they share nothing
   with, nearest first, until no farther job can enter their top-k (``_complete_weak``).

The work is split over processes with ``fork``, so the workers share the built index
copy-on-write. Results are rows and scores; explanations are made on display with
``MatchIndex.explain``, as a coach opens a suggestion.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from saumaton.matching import weights as w
from saumaton.matching.constraints import COMMUTE_TOLERANCE_KM
from saumaton.matching.index import SCORE_DECIMALS, MatchIndex
from saumaton.matching.pairs import dense_parts, feasible, haversine_rad

CELL_DEGREES_LAT = 0.25
CELL_DEGREES_LON = 0.5
BLOCK_SIZE = 256
SPREAD_SLACK_KM = 1.0
PRESELECT_PER_K = 4  # pairs per row scored first to set the bar (``_contenders``)
BAR_TOLERANCE = 2e-9  # below the bar by more than this cannot round up to it (9 decimals)
WEAK_PAIRS_PER_STEP = 2_000_000  # bounds the memory of the search for weak rows
RING_SIZE = 512  # candidates per ring of that search


@dataclass
class BatchResult:
    """``vacancy_rows[i]`` (index rows, -1 = none) and ``scores[i]`` for ``profile_rows[i]``."""

    profile_rows: np.ndarray
    vacancy_rows: np.ndarray
    scores: np.ndarray
    fallbacks: int

    def matches(self, index: MatchIndex) -> Iterator[tuple[Hashable, list[tuple[Hashable, float]]]]:
        ids_p, ids_v = index.profiles.ids, index.vacancies.ids
        for prow, vrows, scores in zip(
            self.profile_rows, self.vacancy_rows, self.scores, strict=True
        ):
            yield (
                ids_p[prow],
                [(ids_v[v], float(s)) for v, s in zip(vrows, scores, strict=True) if v >= 0],
            )


class _Snapshot:
    """The sparse feature matrices of the whole index, with today's rarity weights."""

    def __init__(self, index: MatchIndex):
        n_p, n_v = len(index.profiles), len(index.vacancies)
        n_occ, n_sk = len(index.encoder.occupations), len(index.encoder.skills)
        norms = index.vacancy_norms()
        scale = np.divide(w.SKILLS, norms, out=np.zeros(n_v), where=norms > 0)
        v_skills = sparse.diags(scale) @ index.vacancy_skills.to_csr(n_v, n_sk, index.idf())
        self.vacancy_features = sparse.hstack(
            [index.vacancy_occupations.to_csr(n_v, n_occ), v_skills], format="csr"
        )
        self.profile_features = sparse.hstack(
            [index.profile_occupations.to_csr(n_p, n_occ), index.profile_skills.to_csr(n_p, n_sk)],
            format="csr",
        )
        ids = index.vacancies.ids
        self.id_rank = np.empty(n_v, np.int64)
        self.id_rank[sorted(range(n_v), key=lambda r: str(ids[r]))] = np.arange(n_v)
        alive = index.vacancies.alive[:n_v]
        self.remote_rows = np.flatnonzero(alive & index.vacancies.columns["remote"][:n_v])
        self.alive_rows = np.flatnonzero(alive)


_STATE: tuple[MatchIndex, _Snapshot, int] | None = None


def vacancies_for_all(
    index: MatchIndex,
    k: int = 10,
    *,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Top-k vacancies for every live profile; ``progress(done, total)`` counts people."""
    global _STATE
    _STATE = (index, _Snapshot(index), k)
    tasks = _tasks(index)
    total = sum(len(rows) for rows in tasks)
    parts, done = [], 0
    try:
        if workers > 1:
            context = multiprocessing.get_context("fork")
            with context.Pool(workers) as pool:
                for part in pool.imap_unordered(_run_block, tasks):
                    parts.append(part)
                    done += len(part[0])
                    if progress:
                        progress(done, total)
        else:
            for rows in tasks:
                parts.append(_run_block(rows))
                done += len(rows)
                if progress:
                    progress(done, total)
    finally:
        _STATE = None
    if not parts:
        empty = np.empty((0, k))
        return BatchResult(np.empty(0, np.int64), empty.astype(np.int64), empty, 0)
    order = np.argsort(np.concatenate([p[0] for p in parts]))
    return BatchResult(
        profile_rows=np.concatenate([p[0] for p in parts])[order],
        vacancy_rows=np.concatenate([p[1] for p in parts])[order],
        scores=np.concatenate([p[2] for p in parts])[order],
        fallbacks=sum(p[3] for p in parts),
    )


def _tasks(index: MatchIndex) -> list[np.ndarray]:
    """Blocks of live profile rows, each within one map cell, largest cells first."""
    n = len(index.profiles)
    rows = np.flatnonzero(index.profiles.alive[:n])
    lat = np.degrees(index.profiles.columns["lat"][rows])
    lon = np.degrees(index.profiles.columns["lon"][rows])
    cell = np.floor(lat / CELL_DEGREES_LAT).astype(np.int64) * 100_000 + np.floor(
        lon / CELL_DEGREES_LON
    ).astype(np.int64)
    order = np.lexsort((rows, cell))
    cells, starts = np.unique(cell[order], return_index=True)
    groups = np.split(rows[order], starts[1:]) if len(cells) else []
    blocks = [g[i : i + BLOCK_SIZE] for g in groups for i in range(0, len(g), BLOCK_SIZE)]
    return sorted(blocks, key=len, reverse=True)


def _candidates(index: MatchIndex, snapshot: _Snapshot, block: np.ndarray) -> np.ndarray:
    """Vacancy rows any profile of ``block`` could be matched with (a superset)."""
    P, V = index.profiles.columns, index.vacancies.columns
    lat, lon = P["lat"][block], P["lon"][block]
    centre_lat, centre_lon = lat.mean(), lon.mean()
    spread = haversine_rad(centre_lat, centre_lon, lat, lon).max()
    reach = spread + P["max_km"][block].max() + SPREAD_SLACK_KM
    alive = snapshot.alive_rows
    near = alive[haversine_rad(centre_lat, centre_lon, V["lat"][alive], V["lon"][alive]) <= reach]
    if P["remote_ok"][block].any():
        near = np.union1d(near, snapshot.remote_rows)
    return near


def _run_block(block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    index, snapshot, k = _STATE
    candidates = _candidates(index, snapshot, block)
    out_rows = np.full((len(block), k), -1, np.int64)
    out_scores = np.zeros((len(block), k))
    product = (snapshot.profile_features[block] @ snapshot.vacancy_features[candidates].T).tocsr()
    local, at = _contenders(index, block, candidates, product, k)
    vrows, sparse_part = candidates[product.indices[at]], product.data[at]
    ok = feasible(index.profiles, block[local], index.vacancies, vrows)
    local, vrows, sparse_part = local[ok], vrows[ok], sparse_part[ok]
    scores = sparse_part + dense_parts(index.profiles, block[local], index.vacancies, vrows)
    strong = np.bincount(
        local[np.round(scores, SCORE_DECIMALS) > w.NO_OVERLAP_MAX], minlength=len(block)
    )
    _fill(local, vrows, scores, snapshot.id_rank, out_rows, out_scores, k)
    weak = np.flatnonzero(strong < k)
    if len(weak):
        _complete_weak(index, snapshot, block, weak, candidates, product, out_rows, out_scores)
    return block, out_rows, out_scores, len(weak)


def _complete_weak(index, snapshot, block, weak, candidates, product, out_rows, out_scores):
    """Complete the top-k of the people whose overlapping jobs did not fill it ("weak" rows)
    with the jobs they share nothing with, nearest first.

    Why: such a job scores only its education and distance parts, at most
    ``EDUCATION_MET + DISTANCE·exp(-km/scale)``, and a job's distance from a person is at least
    its distance from the block's centre less the person's own. So the candidates are taken in
    rings by distance from the centre (fully remote jobs first, their distance part does not
    fade), and a person leaves the search when no job beyond the ring can reach their k-th
    score or their commute limit. Overlapping jobs were already ranked by ``_contenders``.
    """
    k = out_rows.shape[1]
    P, V = index.profiles.columns, index.vacancies.columns
    lat, lon = P["lat"][block], P["lon"][block]
    centre_lat, centre_lon = lat.mean(), lon.mean()
    key = haversine_rad(centre_lat, centre_lon, V["lat"][candidates], V["lon"][candidates])
    key[V["remote"][candidates]] = 0.0
    order = np.argsort(key, kind="stable")
    key = key[order]
    to_centre = haversine_rad(centre_lat, centre_lon, lat, lon)
    steps = max(1, len(weak) * len(candidates) // WEAK_PAIRS_PER_STEP)
    for chunk in np.array_split(weak, steps):
        if not len(chunk):
            continue
        shares = product[chunk].toarray() != 0
        active = np.arange(len(chunk))
        for start in range(0, len(order), RING_SIZE):
            rows = chunk[active]
            floor = np.maximum(0.0, key[start] - to_centre[rows])
            ceiling = w.EDUCATION_MET + w.DISTANCE * np.exp(-floor / w.DISTANCE_SCALE_KM)
            bar = np.where(out_rows[rows, k - 1] >= 0, out_scores[rows, k - 1], -np.inf)
            within = floor <= P["max_km"][block[rows]] + COMMUTE_TOLERANCE_KM
            active = active[(ceiling >= bar - BAR_TOLERANCE) & (within | (key[start] == 0.0))]
            if not active.size:
                break
            ring = order[start : start + RING_SIZE]
            a, c = np.nonzero(~shares[np.ix_(active, ring)])
            local, vrows = chunk[active[a]], candidates[ring[c]]
            ok = feasible(index.profiles, block[local], index.vacancies, vrows)
            local, vrows = local[ok], vrows[ok]
            scores = dense_parts(index.profiles, block[local], index.vacancies, vrows)
            _merge(local, vrows, scores, snapshot.id_rank, out_rows, out_scores)


def _merge(local, vrows, scores, id_rank, out_rows, out_scores) -> None:
    """Rank new pairs together with the current top-k of their rows."""
    if len(local) == 0:
        return
    k = out_rows.shape[1]
    rows = np.unique(local)
    held = out_rows[rows] >= 0
    local = np.concatenate([np.repeat(rows, k)[held.ravel()], local])
    vrows = np.concatenate([out_rows[rows][held], vrows])
    scores = np.concatenate([out_scores[rows][held], scores])
    out_rows[rows], out_scores[rows] = -1, 0.0
    _fill(local, vrows, scores, id_rank, out_rows, out_scores, k)


def _contenders(index: MatchIndex, block, candidates, product, k: int):
    """(local row, position in ``product.data``) of the overlapping pairs that can still be in a
    top-k.

    Why: in a dense city everyone shares a common skill with thousands of nearby jobs, and
    checking and ranking every such pair is most of the batch. A pair scores at most its sparse
    part plus ``NO_OVERLAP_MAX`` (the dense parts' ceiling). So each row first scores only its
    ``PRESELECT_PER_K × k`` pairs with the largest sparse parts; if k of them are feasible, the
    k-th best of those, T, is a bar that the top-k must reach, and every pair whose ceiling is
    below T (by more than rounding) is dropped unseen. Rows without k feasible preselected pairs
    keep all their pairs. The result is exactly the top-k of all pairs.
    """
    indptr, data = product.indptr, product.data
    counts = np.diff(indptr)
    row_of = np.repeat(np.arange(len(block)), counts)
    m = PRESELECT_PER_K * k
    chosen = []
    for i in np.flatnonzero(counts > m):
        start = indptr[i]
        chosen.append(start + np.argpartition(data[start : indptr[i + 1]], -m)[-m:])
    bar = np.full(len(block), -np.inf)
    if chosen:
        picked = np.concatenate(chosen)
        local, vrows = row_of[picked], candidates[product.indices[picked]]
        ok = feasible(index.profiles, block[local], index.vacancies, vrows)
        local, vrows, picked = local[ok], vrows[ok], picked[ok]
        scores = data[picked] + dense_parts(index.profiles, block[local], index.vacancies, vrows)
        order = np.lexsort((-scores, local))
        local, scores = local[order], scores[order]
        rank = np.arange(len(local)) - np.searchsorted(local, local, side="left")
        kth = rank == k - 1
        bar[local[kth]] = scores[kth]
    at = np.flatnonzero(data + w.NO_OVERLAP_MAX >= bar[row_of] - BAR_TOLERANCE)
    return row_of[at], at


def _fill(local, vrows, scores, id_rank, out_rows, out_scores, k) -> None:
    """Write each local row's k best (score desc, then id text) into the output arrays."""
    if len(local) == 0:
        return
    order = np.lexsort((id_rank[vrows], -np.round(scores, SCORE_DECIMALS), local))
    local, vrows, scores = local[order], vrows[order], scores[order]
    first = np.searchsorted(local, local, side="left")
    position = np.arange(len(local)) - first
    keep = position < k
    out_rows[local[keep], position[keep]] = vrows[keep]
    out_scores[local[keep], position[keep]] = scores[keep]
