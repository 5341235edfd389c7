"""``MatchIndex``: profiles and vacancies as arrays, queried top-k in both directions.

Built once from lists (from the database or JSONL files) and then kept current with
``upsert_*``/``remove_*``, so a changed profile is matched again without a rebuild. A query
(1) evaluates the hard constraints of every candidate pair with bit operations, the commute
first (``pairs.feasible``; people for a vacancy are only those ``spatial.ReachBuckets`` finds
within reach), (2) sums the sparse parts of the score (occupation groups and
rarity-weighted skills) from key-major postings, (3) adds the dense parts (education, distance),
(4) keeps the k best with a deterministic tie-break by id, and (5) explains only those k with
``reasons.explain_pair``, the reference definition the vectorised sum agrees with.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from saumaton.matching import weights as w
from saumaton.matching.features import Encoder, bit_words, words_for
from saumaton.matching.pairs import chord2_limit, dense_parts, feasible
from saumaton.matching.postings import Postings
from saumaton.matching.reasons import Reason, explain_pair
from saumaton.matching.records import JobseekerProfile, Vacancy
from saumaton.matching.spatial import ReachBuckets
from saumaton.matching.table import Table

# Scores are compared after rounding to this many decimals, so that sums taken in a different
# order (incremental index vs rebuild, single query vs batch) rank ties the same way.
SCORE_DECIMALS = 9


@dataclass(frozen=True, slots=True)
class Match:
    id: Hashable
    score: float
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "score": round(self.score, 6),
            "reasons": [r.to_json() for r in self.reasons],
        }


def _profile_table() -> Table:
    return Table(
        {
            "lat": (np.float64, ()),
            "lon": (np.float64, ()),
            "xyz": (np.float64, (3,)),
            "max_km": (np.float64, ()),
            "chord2_limit": (np.float64, ()),
            "remote_ok": (np.bool_, ()),
            "held": (np.uint64, (1,)),
            "excluded": (np.uint64, ()),
            "work": (np.uint8, ()),
            "edu": (np.int8, ()),
        }
    )


def _vacancy_table() -> Table:
    return Table(
        {
            "lat": (np.float64, ()),
            "lon": (np.float64, ()),
            "xyz": (np.float64, (3,)),
            "remote": (np.bool_, ()),
            "required": (np.uint64, (1,)),
            "demands": (np.uint64, ()),
            "work": (np.uint8, ()),
            "edu_min": (np.int8, ()),
        }
    )


class MatchIndex:
    """Top-k matching of jobseekers and vacancies under hard constraints.

    ``current_year`` anchors the recency of work experience; pass it explicitly wherever
    results must be reproducible.
    """

    def __init__(
        self,
        profiles: Iterable[JobseekerProfile] = (),
        vacancies: Iterable[Vacancy] = (),
        *,
        current_year: int | None = None,
    ):
        self.current_year = current_year or date.today().year
        self.encoder = Encoder()
        self.profiles = _profile_table()
        self.vacancies = _vacancy_table()
        self.profile_records: dict[Hashable, JobseekerProfile] = {}
        self.vacancy_records: dict[Hashable, Vacancy] = {}
        self.profile_occupations, self.profile_skills = Postings(), Postings()
        self.reach = ReachBuckets(self.profiles)
        self.vacancy_occupations, self.vacancy_skills = Postings(), Postings()
        self._words = 1
        self._document_frequency = np.zeros(0, np.int64)
        self._documents = 0
        self._version = 0
        self._idf_cache: tuple[int, np.ndarray] | None = None
        self._norm_cache: tuple[int, np.ndarray] | None = None
        for profile in profiles:
            self._put_profile(profile, defer=True)
        for vacancy in vacancies:
            self._put_vacancy(vacancy, defer=True)
        for postings in self._all_postings():
            postings.compact()
        self.reach.rebuild()

    def _all_postings(self) -> tuple[Postings, ...]:
        return (
            self.profile_occupations,
            self.profile_skills,
            self.vacancy_occupations,
            self.vacancy_skills,
        )

    # ---- updates ------------------------------------------------------------------------

    def upsert_profile(self, profile: JobseekerProfile) -> None:
        self._put_profile(profile, defer=False)

    def upsert_vacancy(self, vacancy: Vacancy) -> None:
        self._put_vacancy(vacancy, defer=False)

    def remove_profile(self, profile_id: Hashable) -> None:
        if self.profile_records.pop(profile_id, None) is not None:
            row = self.profiles.kill(profile_id)
            self._count_skills(self.profile_skills.row(row)[0], -1)
            self.profile_occupations.clear_row(row)
            self.profile_skills.clear_row(row)
            self._changed(-1)

    def remove_vacancy(self, vacancy_id: Hashable) -> None:
        if self.vacancy_records.pop(vacancy_id, None) is not None:
            row = self.vacancies.kill(vacancy_id)
            self._count_skills(self.vacancy_skills.row(row)[0], -1)
            self.vacancy_occupations.clear_row(row)
            self.vacancy_skills.clear_row(row)
            self._changed(-1)

    def _put_profile(self, profile: JobseekerProfile, *, defer: bool) -> None:
        new = profile.id not in self.profile_records
        row = self.profiles.row_for(profile.id)
        if not new:
            self._count_skills(self.profile_skills.row(row)[0], -1)
        self.profile_records[profile.id] = profile
        encoded = self.encoder.profile(profile, self.current_year)
        self._fit_bits()
        columns = self.profiles.columns
        place = (columns["lat"][row], columns["lon"][row], columns["max_km"][row])
        columns["lat"][row], columns["lon"][row] = np.radians([encoded.lat, encoded.lon])
        columns["xyz"][row] = encoded.xyz
        columns["max_km"][row] = encoded.max_km
        if not defer and (
            new or place != (columns["lat"][row], columns["lon"][row], encoded.max_km)
        ):
            self.reach.changed(row)
        columns["chord2_limit"][row] = chord2_limit(encoded.max_km)
        columns["remote_ok"][row] = encoded.accepts_remote
        columns["held"][row] = bit_words(encoded.held_bits, self._words)
        columns["excluded"][row] = encoded.excluded_demands
        columns["work"][row] = encoded.work_times
        columns["edu"][row] = encoded.education
        self.profile_occupations.set_row(
            row, encoded.occupation_keys, encoded.occupation_values, defer=defer
        )
        self.profile_skills.set_row(
            row, encoded.skill_keys, np.ones(len(encoded.skill_keys)), defer=defer
        )
        self._count_skills(encoded.skill_keys, +1)
        self._changed(+1 if new else 0)

    def _put_vacancy(self, vacancy: Vacancy, *, defer: bool) -> None:
        new = vacancy.id not in self.vacancy_records
        row = self.vacancies.row_for(vacancy.id)
        if not new:
            self._count_skills(self.vacancy_skills.row(row)[0], -1)
        self.vacancy_records[vacancy.id] = vacancy
        encoded = self.encoder.vacancy(vacancy)
        self._fit_bits()
        columns = self.vacancies.columns
        columns["lat"][row], columns["lon"][row] = np.radians([encoded.lat, encoded.lon])
        columns["xyz"][row] = encoded.xyz
        columns["remote"][row] = encoded.fully_remote
        columns["required"][row] = bit_words(encoded.required_bits, self._words)
        columns["demands"][row] = encoded.demands
        columns["work"][row] = encoded.work_time
        columns["edu_min"][row] = encoded.education_min
        self.vacancy_occupations.set_row(
            row, encoded.occupation_keys, encoded.occupation_values, defer=defer
        )
        self.vacancy_skills.set_row(row, encoded.skill_keys, encoded.skill_kinds, defer=defer)
        self._count_skills(encoded.skill_keys, +1)
        self._changed(+1 if new else 0)

    def _fit_bits(self) -> None:
        words = words_for(len(self.encoder.bits))
        if words > self._words:
            self._words = words
            self.profiles.widen("held", words)
            self.vacancies.widen("required", words)

    def _count_skills(self, keys: np.ndarray, delta: int) -> None:
        if len(self._document_frequency) < len(self.encoder.skills):
            grown = np.zeros(max(len(self.encoder.skills), 2 * len(self._document_frequency)))
            grown = grown.astype(np.int64)
            grown[: len(self._document_frequency)] = self._document_frequency
            self._document_frequency = grown
        np.add.at(self._document_frequency, keys, delta)

    def _changed(self, documents: int) -> None:
        self._documents += documents
        self._version += 1

    # ---- rarity ---------------------------------------------------------------------------

    def idf(self) -> np.ndarray:
        """Rarity weight per skill key over all live profiles and vacancies (``weights.idf``)."""
        if self._idf_cache is None or self._idf_cache[0] != self._version:
            df = self._document_frequency
            idf = np.log((1 + self._documents) / (1 + df)) + 1.0
            self._idf_cache = (self._version, idf)
        return self._idf_cache[1]

    def skill_idf(self, skill: str) -> float:
        key = self.encoder.skills.get(skill)
        return w.idf(0 if key is None else int(self._document_frequency[key]), self._documents)

    def vacancy_norms(self) -> np.ndarray:
        """Rarity-weighted size of each vacancy's skill demand (``reasons.skill_norm``)."""
        if self._norm_cache is None or self._norm_cache[0] != self._version:
            norms = self.vacancy_skills.row_sums(self.idf(), len(self.vacancies))
            self._norm_cache = (self._version, norms)
        return self._norm_cache[1]

    # ---- queries --------------------------------------------------------------------------

    def vacancy_scores(self, profile_row: int, rows) -> tuple[np.ndarray, np.ndarray]:
        """(feasible vacancy rows among ``rows``, their scores) for one profile."""
        n = len(self.vacancies)
        keys, values = self.profile_occupations.row(profile_row)
        occupation = self.vacancy_occupations.weighted_sum(keys, values, n)
        skill_keys = self.profile_skills.row(profile_row)[0]
        skills = self.vacancy_skills.weighted_sum(skill_keys, self.idf()[skill_keys], n)
        norms = self.vacancy_norms()
        ok = feasible(self.profiles, profile_row, self.vacancies, rows)
        found = np.flatnonzero(ok)
        if isinstance(rows, slice):
            found = found + (rows.start or 0)
        elif not isinstance(rows, int | np.integer):
            found = rows[found]
        skill_part = np.divide(
            w.SKILLS * skills[found],
            norms[found],
            out=np.zeros(len(found)),
            where=norms[found] > 0,
        )
        scores = (
            occupation[found]
            + skill_part
            + dense_parts(self.profiles, profile_row, self.vacancies, found)
        )
        return found, scores

    def profile_scores(self, vacancy_row: int) -> tuple[np.ndarray, np.ndarray]:
        """(feasible profile rows, their scores) for one vacancy."""
        n = len(self.profiles)
        keys, values = self.vacancy_occupations.row(vacancy_row)
        occupation = self.profile_occupations.weighted_sum(keys, values, n)
        skill_keys, kinds = self.vacancy_skills.row(vacancy_row)
        norm = float(np.dot(kinds, self.idf()[skill_keys])) if len(skill_keys) else 0.0
        found = self._people_within_reach(vacancy_row)
        found = found[feasible(self.profiles, found, self.vacancies, vacancy_row)]
        scores = occupation[found] + dense_parts(self.profiles, found, self.vacancies, vacancy_row)
        if norm > 0:
            weights = kinds * self.idf()[skill_keys] * (w.SKILLS / norm)
            scores += self.profile_skills.weighted_sum(skill_keys, weights, n)[found]
        return found, scores

    def _people_within_reach(self, vacancy_row: int) -> np.ndarray:
        """Profile rows that could commute to the vacancy, or everyone if it is fully remote
        (then people who accept remote work qualify wherever they live)."""
        V = self.vacancies.columns
        if V["remote"][vacancy_row]:
            return np.arange(len(self.profiles))
        return self.reach.candidates(V["lat"][vacancy_row], V["lon"][vacancy_row])

    def vacancies_for(self, profile_id: Hashable, k: int = 10) -> list[Match]:
        """The k best feasible vacancies for a profile in the index, with reasons."""
        row = self._live_row(self.profiles, profile_id, "profile")
        found, scores = self.vacancy_scores(row, slice(0, len(self.vacancies)))
        profile = self.profile_records[profile_id]
        return [
            Match(vid, score, tuple(self._explain(profile, self.vacancy_records[vid])))
            for vid, score in top_k(found, scores, self.vacancies.ids, k)
        ]

    def jobseekers_for(self, vacancy_id: Hashable, k: int = 10) -> list[Match]:
        """The k best feasible jobseekers for a vacancy in the index, with reasons."""
        row = self._live_row(self.vacancies, vacancy_id, "vacancy")
        found, scores = self.profile_scores(row)
        vacancy = self.vacancy_records[vacancy_id]
        return [
            Match(pid, score, tuple(self._explain(self.profile_records[pid], vacancy)))
            for pid, score in top_k(found, scores, self.profiles.ids, k)
        ]

    def explain(self, profile_id: Hashable, vacancy_id: Hashable) -> list[Reason]:
        """The reasons of any pair in the index (also for pairs a batch returned)."""
        return self._explain(self.profile_records[profile_id], self.vacancy_records[vacancy_id])

    def _explain(self, profile: JobseekerProfile, vacancy: Vacancy) -> list[Reason]:
        return explain_pair(profile, vacancy, self.skill_idf, self.current_year)

    @staticmethod
    def _live_row(table: Table, record_id: Hashable, kind: str) -> int:
        row = table.row_of.get(record_id)
        if row is None or not table.alive[row]:
            raise KeyError(f"no {kind} {record_id!r} in the index")
        return row


def top_k(
    rows: np.ndarray, scores: np.ndarray, ids: list[Hashable], k: int
) -> list[tuple[Hashable, float]]:
    """The k best (id, score) by score, ties broken by the id's text, deterministically."""
    if k <= 0 or len(rows) == 0:
        return []
    rounded = np.round(scores, SCORE_DECIMALS)
    if len(rows) > k:
        threshold = np.partition(rounded, len(rows) - k)[len(rows) - k]
        keep = rounded >= threshold
        rows, scores, rounded = rows[keep], scores[keep], rounded[keep]
    names = np.array([str(ids[r]) for r in rows])
    order = np.lexsort((names, -rounded))[:k]
    return [(ids[rows[i]], float(scores[i])) for i in order]
