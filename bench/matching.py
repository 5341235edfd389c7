"""Benchmark the matching engine and two peers on the same synthetic workload.

    uv run python bench/matching.py [--size national|city|small] [--seed N] [--workers 2]
        [--queries 400] [--quality 1000] [--no-postgres] [--no-faiss]

Workload: the synthetic population of ``--size`` (national ≈ 346,400 people), a profile for
each person and ≈ 80,000 vacancies (``saumaton.synth.matching_data``), with its hidden ground
truth. Figures: index build time and memory (RSS growth), single-query p50/p95 in both
directions, the nightly batch (top-10 vacancies for everyone), nDCG@10 against the ground truth
on a sample of people, and hard-constraint violations.

Peers, measured in the same run on the same people and vacancies:

* PostgreSQL full-text search (what a typical web application would do): vacancy texts from the
  ISCO label and the skill labels, ``to_tsvector('english')`` with a GIN index, queried with the
  person's occupation and skill labels (OR of the words), ranked by ``ts_rank``. Its raw top-10
  is checked for violations; its nDCG uses the top-100 filtered by the hard constraints.
* faiss ``IndexFlatIP`` (exact inner product) over the engine's own features hashed to 256
  dimensions (ISCO groups and desired groups with the engine's weights, rarity-weighted skills,
  and the place as a scaled unit vector), top-200 filtered afterwards by the hard constraints.

Only figures are printed; nothing is asserted about times.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from datetime import date

import numpy as np

from saumaton.matching import MatchIndex
from saumaton.matching import weights as w
from saumaton.matching.batch import vacancies_for_all
from saumaton.matching.constraints import violations
from saumaton.matching.pairs import feasible
from saumaton.synth.generator import generate
from saumaton.synth.matching_data import build_matching_data
from saumaton.synth.refdata import REFERENCE_DIR

K = 10
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
FAISS_DIMENSIONS = 256
PLACE_WEIGHT = 0.3
PEER_DEPTH = {"faiss": 200, "postgres": 100}


def say(text: str) -> None:
    print(text, flush=True)


def progress(label: str):
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        if done == total or done % 20_000 < 1_000:
            rate = done / max(time.perf_counter() - started, 1e-9)
            sys.stderr.write(f"\r  {label}: {done:,}/{total:,} ({rate:,.0f}/s)")
            if done == total:
                sys.stderr.write("\n")

    return report


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


def percentiles(samples: list[float]) -> tuple[float, float]:
    ms = np.array(samples) * 1000
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


# ---- quality -------------------------------------------------------------------------------


class Judge:
    """nDCG@10 against the ground truth; infeasible pairs have gain 0."""

    def __init__(self, index: MatchIndex, data):
        self.index, self.data = index, data
        self._ideal: dict[str, float] = {}
        self._gain: dict[str, np.ndarray] = {}

    def gains(self, profile_id: str) -> np.ndarray:
        if profile_id not in self._gain:
            row = self.index.profiles.row_of[profile_id]
            n = len(self.index.vacancies)
            ok = feasible(self.index.profiles, row, self.index.vacancies, slice(0, n))
            person = self.data.truth.position[profile_id]
            truth = self.data.truth.suitability(person, np.arange(n))
            gain = np.where(ok, np.maximum(truth, 0.0), 0.0)
            self._gain[profile_id] = gain
            self._ideal[profile_id] = dcg(np.sort(gain)[::-1][:K])
        return self._gain[profile_id]

    def ndcg(self, profile_id: str, vacancy_rows: list[int]) -> float:
        gain = self.gains(profile_id)
        ideal = self._ideal[profile_id]
        return dcg(gain[vacancy_rows]) / ideal if ideal > 0 else 1.0


def dcg(gains: np.ndarray) -> float:
    return float(np.sum(gains / np.log2(np.arange(2, len(gains) + 2))))


def count_violations(index: MatchIndex, pairs: list[tuple[str, str]]) -> int:
    return sum(
        1
        for pid, vid in pairs
        if violations(index.profile_records[pid], index.vacancy_records[vid])
    )


# ---- faiss peer ----------------------------------------------------------------------------


def hashed(keys: np.ndarray, values: np.ndarray, salt: int) -> np.ndarray:
    """Signed feature hashing of sparse (key, value) pairs into FAISS_DIMENSIONS."""
    mixed = (keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(salt)) >> np.uint64(
        20
    )
    slots = (mixed % np.uint64(FAISS_DIMENSIONS)).astype(np.int64)
    signs = np.where((mixed >> np.uint64(32)) & np.uint64(1), 1.0, -1.0)
    out = np.zeros(FAISS_DIMENSIONS)
    np.add.at(out, slots, signs * values)
    return out


def feature_vectors(index: MatchIndex) -> tuple[np.ndarray, np.ndarray]:
    idf, norms = index.idf(), index.vacancy_norms()
    P, V = index.profiles.columns, index.vacancies.columns
    n_p, n_v = len(index.profiles), len(index.vacancies)
    dims = FAISS_DIMENSIONS + 3
    people = np.zeros((n_p, dims), np.float32)
    for row in range(n_p):
        keys, values = index.profile_occupations.row(row)
        skills = index.profile_skills.row(row)[0]
        people[row, :FAISS_DIMENSIONS] = hashed(keys, values, 1) + hashed(skills, idf[skills], 2)
    people[:, FAISS_DIMENSIONS:] = PLACE_WEIGHT * P["xyz"][:n_p]
    jobs = np.zeros((n_v, dims), np.float32)
    for row in range(n_v):
        keys, values = index.vacancy_occupations.row(row)
        skills, kinds = index.vacancy_skills.row(row)
        scale = w.SKILLS / norms[row] if norms[row] > 0 else 0.0
        jobs[row, :FAISS_DIMENSIONS] = hashed(keys, values, 1) + hashed(skills, kinds * scale, 2)
    jobs[:, FAISS_DIMENSIONS:] = PLACE_WEIGHT * V["xyz"][:n_v]
    return people, jobs


# ---- PostgreSQL peer -----------------------------------------------------------------------


def labels() -> tuple[dict[str, str], dict[str, str]]:
    with (REFERENCE_DIR / "isco08.csv").open(encoding="utf-8", newline="") as handle:
        isco = {r["code"]: r["label_en"] for r in csv.DictReader(handle) if r["level"] == "4"}
    with (REFERENCE_DIR / "esco_skills.csv").open(encoding="utf-8", newline="") as handle:
        skills = {r["id"]: r["preferred_label_en"] for r in csv.DictReader(handle)}
    return isco, skills


WORD = re.compile(r"[a-z]{3,}")


def profile_query(profile, isco: dict[str, str], skill_labels: dict[str, str]) -> str:
    texts = [isco.get(o.isco, "") for o in profile.occupations]
    texts += [isco.get(d, "") for d in profile.desired_occupations]
    texts += [skill_labels.get(s, "") for s in profile.skills]
    words = sorted(set(WORD.findall(" ".join(texts).lower())))
    return " | ".join(words)


# ---- main ----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="national")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 6, 1))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--quality", type=int, default=1000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-faiss", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)

    say(f"# matching benchmark: size={args.size} seed={args.seed} today={args.today}")
    started = time.perf_counter()
    population = generate(args.size, args.seed, args.today, progress("people"))
    say(f"population: {len(population.people):,} people in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    data = build_matching_data(population)
    say(
        f"matching data: {len(data.profiles):,} profiles, {len(data.vacancies):,} vacancies "
        f"in {time.perf_counter() - started:.1f} s"
    )
    del population

    rss_before = rss_mb()
    started = time.perf_counter()
    index = MatchIndex(data.profiles, data.vacancies, current_year=args.today.year)
    index.vacancy_norms()
    build = time.perf_counter() - started
    say(f"index build: {build:.1f} s, memory +{rss_mb() - rss_before:,.0f} MB RSS")

    profile_ids = [p.id for p in data.profiles]
    vacancy_ids = [v.id for v in data.vacancies]
    query_people = [profile_ids[i] for i in rng.choice(len(profile_ids), args.queries, False)]
    query_jobs = [vacancy_ids[i] for i in rng.choice(len(vacancy_ids), args.queries, False)]
    quality_people = [
        profile_ids[i] for i in rng.choice(len(profile_ids), args.quality, replace=False)
    ]

    times_p, times_v, returned = [], [], []
    for pid in query_people:
        t = time.perf_counter()
        matches = index.vacancies_for(pid, K)
        times_p.append(time.perf_counter() - t)
        returned += [(pid, m.id) for m in matches]
    for vid in query_jobs:
        t = time.perf_counter()
        matches = index.jobseekers_for(vid, K)
        times_v.append(time.perf_counter() - t)
        returned += [(m.id, vid) for m in matches]
    engine_p = percentiles(times_p)
    engine_v = percentiles(times_v)
    say(f"engine single query, vacancies for a person: p50 {engine_p[0]:.2f} ms, "
        f"p95 {engine_p[1]:.2f} ms (with reasons)")  # fmt: skip
    say(f"engine single query, people for a vacancy:   p50 {engine_v[0]:.2f} ms, "
        f"p95 {engine_v[1]:.2f} ms (with reasons)")  # fmt: skip

    started = time.perf_counter()
    result = vacancies_for_all(index, K, workers=args.workers, progress=progress("batch"))
    batch = time.perf_counter() - started
    say(
        f"engine nightly batch: {len(result.profile_rows):,} people × top-{K} in {batch:.1f} s "
        f"with {args.workers} workers ({result.fallbacks:,} people needed the fallback scan)"
    )
    ok = feasible(
        index.profiles,
        np.repeat(result.profile_rows, K)[result.vacancy_rows.ravel() >= 0],
        index.vacancies,
        result.vacancy_rows.ravel()[result.vacancy_rows.ravel() >= 0],
    )
    batch_pairs = dict(result.matches(index))
    sample_pairs = [(pid, vid) for pid in quality_people for vid, _ in batch_pairs[pid]]
    engine_violations = count_violations(index, returned + sample_pairs) + int((~ok).sum())
    say(
        f"engine violations: {engine_violations} (record-level check of {len(returned):,} "
        f"single-query and {len(sample_pairs):,} batch matches; vectorised check of all "
        f"{ok.size:,} batch matches)"
    )

    judge = Judge(index, data)
    row_of = index.vacancies.row_of
    engine_ndcg = np.mean(
        [judge.ndcg(pid, [row_of[v] for v, _ in batch_pairs[pid]]) for pid in quality_people]
    )
    say(f"engine nDCG@{K}: {engine_ndcg:.3f} over {len(quality_people):,} people")
    rows = [("engine", engine_p, engine_v, batch, engine_ndcg, engine_violations)]

    if not args.no_faiss:
        rows.append(faiss_peer(index, judge, quality_people, query_jobs, len(profile_ids)))
    if not args.no_postgres:
        peer = postgres_peer(index, data, judge, quality_people)
        if peer:
            rows.append(peer)

    say("")
    say(f"| method | p50/p95 vacancies for a person (ms) | p50/p95 people for a vacancy (ms) "
        f"| batch top-{K} for everyone (s) | nDCG@{K} | violations |")  # fmt: skip
    say("|---|---|---|---|---|---|")
    for name, vp, vv, b, q, viol in rows:
        people_cell = f"{vv[0]:.2f} / {vv[1]:.2f}" if vv else "—"
        say(f"| {name} | {vp[0]:.2f} / {vp[1]:.2f} | {people_cell} | {b:.0f} | {q:.3f} | {viol} |")
    say("")
    for name, vp, vv, b, q, _ in rows[1:]:
        parts = [f"p95 vacancies-for-person {vp[1] / engine_p[1]:.1f}×"]
        if vv:
            parts.append(f"p95 people-for-vacancy {vv[1] / engine_v[1]:.1f}×")
        parts.append(f"batch {b / batch:.1f}×")
        parts.append(f"nDCG engine/peer {engine_ndcg / q:.2f}")
        say(f"ratio {name} / engine: " + ", ".join(parts))
    say(
        f"targets: p95 < 10 ms both directions: {max(engine_p[1], engine_v[1]) < 10}; "
        f"batch < 120 s: {batch < 120}; zero violations: {engine_violations == 0}; "
        f"quality >= peers: {all(engine_ndcg >= r[4] for r in rows[1:])}"
    )
    return 0


def faiss_peer(index, judge, quality_people, query_jobs, n_people):
    import faiss

    say("faiss peer: hashing features …")
    started = time.perf_counter()
    people, jobs = feature_vectors(index)
    flat_jobs = faiss.IndexFlatIP(jobs.shape[1])
    flat_jobs.add(jobs)
    flat_people = faiss.IndexFlatIP(people.shape[1])
    flat_people.add(people)
    say(f"faiss peer: vectors and indexes in {time.perf_counter() - started:.1f} s")
    P = index.profiles.row_of
    depth = PEER_DEPTH["faiss"]
    times, results, raw_violations = [], {}, 0
    for pid in quality_people:
        t = time.perf_counter()
        _, found = flat_jobs.search(people[P[pid]][None, :], depth)
        found = found[0][found[0] >= 0]
        ok = feasible(index.profiles, P[pid], index.vacancies, found)
        results[pid] = list(found[ok][:K])
        times.append(time.perf_counter() - t)
        raw_violations += int((~ok[:K]).sum())
    times_v = []
    for vid in query_jobs:
        t = time.perf_counter()
        row = index.vacancies.row_of[vid]
        _, found = flat_people.search(jobs[row][None, :], depth)
        found = found[0][found[0] >= 0]
        feasible(index.profiles, found, index.vacancies, row)
        times_v.append(time.perf_counter() - t)
    block = people[[P[pid] for pid in quality_people]]
    t = time.perf_counter()
    flat_jobs.search(block, depth)
    batch = (time.perf_counter() - t) / len(quality_people) * n_people
    quality = np.mean([judge.ndcg(pid, results[pid]) for pid in quality_people])
    say(
        f"faiss peer: nDCG@{K} {quality:.3f}; raw top-{K} had {raw_violations} violations "
        f"before filtering; batch extrapolated from {len(quality_people):,} batched searches"
    )
    return ("faiss IndexFlatIP + filter", percentiles(times), percentiles(times_v), batch,
            quality, 0)  # fmt: skip


def postgres_peer(index, data, judge, quality_people):
    try:
        import psycopg

        connection = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=5)
    except Exception as error:  # the peer is optional: any connection failure skips it
        say(f"PostgreSQL peer skipped: cannot connect to {POSTGRES_URL} ({error})")
        return None
    isco, skill_labels = labels()
    started = time.perf_counter()
    with connection:
        connection.execute("create temp table bench_vacancy (row_number int, body text)")
        with connection.cursor().copy("copy bench_vacancy from stdin") as copy:
            for v in data.vacancies:
                text = " ".join(
                    [isco.get(v.occupation, "")]
                    + [skill_labels.get(s, "") for s in v.required_skills + v.preferred_skills]
                )
                copy.write_row((index.vacancies.row_of[v.id], text))
        connection.execute(
            "alter table bench_vacancy add column tsv tsvector "
            "generated always as (to_tsvector('english', body)) stored"
        )
        connection.execute("create index on bench_vacancy using gin (tsv)")
        connection.execute("analyze bench_vacancy")
        say(f"PostgreSQL peer: table and GIN index in {time.perf_counter() - started:.1f} s")
        P = index.profiles.row_of
        depth = PEER_DEPTH["postgres"]
        times, results, raw_violations, empty = [], {}, 0, 0
        for pid in quality_people:
            query = profile_query(index.profile_records[pid], isco, skill_labels)
            t = time.perf_counter()
            found = np.array(
                [
                    r[0]
                    for r in connection.execute(
                        "select row_number from bench_vacancy, to_tsquery('english', %s) q "
                        "where tsv @@ q order by ts_rank(tsv, q) desc limit %s",
                        (query, depth),
                    )
                ]
                if query
                else [],
                np.int64,
            )
            ok = feasible(index.profiles, P[pid], index.vacancies, found)
            times.append(time.perf_counter() - t)
            results[pid] = list(found[ok][:K])
            raw_violations += int((~ok[:K]).sum())
            empty += not results[pid]
    quality = np.mean([judge.ndcg(pid, results[pid]) for pid in quality_people])
    batch = float(np.sum(times)) / len(quality_people) * len(index.profiles)
    say(
        f"PostgreSQL peer: nDCG@{K} {quality:.3f}; raw top-{K} had {raw_violations} violations "
        f"before filtering; {empty} people got nothing; batch extrapolated from single queries"
    )
    return ("PostgreSQL FTS + filter", percentiles(times), None, batch, quality, 0)


if __name__ == "__main__":
    raise SystemExit(main())
