"""Turn records into the numbers the index stores: bit positions, sparse keys and weights.

Three kinds of features:

* *bits* for the set-valued hard constraints. A language held at CEFR rank r sets the bits
  ``lang:r'`` for every r' <= r, and a requirement of rank m is the single bit ``lang:m``, so
  "every required language at or above its level, every required licence" becomes
  ``required & ~held == 0`` on machine words. Demands (closed list of 12) and working times
  (closed list of 4) are small fixed masks;
* *occupation keys* ``e:<ISCO group>`` (experience, valued by the experience factor) and
  ``d:<ISCO group>`` (desired), at the 4-, 3- and 2-digit levels, so that occupation similarity
  is a sparse inner product (``weights`` explains the values);
* *skill keys*, one per ESCO skill, weighted at query time by rarity.

Token numbering grows as new codes appear, so the index can be updated without a rebuild.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from saumaton.matching import vocabulary as voc
from saumaton.matching import weights as w
from saumaton.matching.geo import unit_vector
from saumaton.matching.reasons import best_experience
from saumaton.matching.records import JobseekerProfile, LanguageSkill, Vacancy

DEMAND_BIT = {demand: 1 << i for i, demand in enumerate(voc.DEMANDS)}
WORK_TIME_BIT = {work_time: 1 << i for i, work_time in enumerate(voc.WORK_TIMES)}
ANY_WORK_TIME = sum(WORK_TIME_BIT.values())


class Vocabulary:
    """Numbers tokens in order of first appearance."""

    def __init__(self, initial: tuple[str, ...] = ()):
        self._index: dict[str, int] = {}
        for token in initial:
            self.add(token)

    def add(self, token: str) -> int:
        index = self._index.get(token)
        if index is None:
            index = self._index[token] = len(self._index)
        return index

    def get(self, token: str) -> int | None:
        return self._index.get(token)

    def __len__(self) -> int:
        return len(self._index)


@dataclass(frozen=True, slots=True)
class EncodedProfile:
    lat: float
    lon: float
    xyz: np.ndarray
    max_km: float
    accepts_remote: bool
    held_bits: tuple[int, ...]
    excluded_demands: int
    work_times: int
    education: int
    occupation_keys: np.ndarray
    occupation_values: np.ndarray
    skill_keys: np.ndarray


@dataclass(frozen=True, slots=True)
class EncodedVacancy:
    lat: float
    lon: float
    xyz: np.ndarray
    fully_remote: bool
    required_bits: tuple[int, ...]
    demands: int
    work_time: int
    education_min: int  # -1 = no minimum
    occupation_keys: np.ndarray
    occupation_values: np.ndarray
    skill_keys: np.ndarray
    skill_kinds: np.ndarray  # weights.REQUIRED or weights.PREFERRED


class Encoder:
    """Owns the token numbering of one index."""

    def __init__(self) -> None:
        self.bits = Vocabulary(tuple(f"licence:{licence}" for licence in voc.LICENCES))
        self.occupations = Vocabulary()
        self.skills = Vocabulary()

    def _language_bit(self, skill: LanguageSkill, rank: int) -> int:
        return self.bits.add(f"lang:{skill.code}:{rank}")

    def profile(self, profile: JobseekerProfile, current_year: int) -> EncodedProfile:
        held = [self.bits.add(f"licence:{licence}") for licence in profile.licences]
        for skill in profile.languages:
            held += [self._language_bit(skill, rank) for rank in range(1, skill.rank + 1)]
        values: dict[int, float] = {
            self.occupations.add(f"e:{group}"): factor
            for group, (factor, _) in best_experience(profile.occupations, current_year).items()
        }
        for desired in profile.desired_occupations:
            for group in (desired, desired[:3]):
                values[self.occupations.add(f"d:{group}")] = 1.0
        keys = np.fromiter(values, np.int64, len(values))
        excluded = 0
        for limitation in profile.limitations:
            excluded |= DEMAND_BIT[voc.excluded_demand(limitation)]
        work = sum(WORK_TIME_BIT[t] for t in profile.work_time) or ANY_WORK_TIME
        location = profile.location
        return EncodedProfile(
            lat=location.lat,
            lon=location.lon,
            xyz=unit_vector(location.lat, location.lon),
            max_km=profile.max_commute_km,
            accepts_remote=profile.accepts_remote,
            held_bits=tuple(held),
            excluded_demands=excluded,
            work_times=work,
            education=profile.education_level or 0,
            occupation_keys=keys,
            occupation_values=np.fromiter(values.values(), np.float64, len(values)),
            skill_keys=np.array([self.skills.add(s) for s in profile.skills], np.int64),
        )

    def vacancy(self, vacancy: Vacancy) -> EncodedVacancy:
        required = [self.bits.add(f"licence:{licence}") for licence in vacancy.licences]
        required += [self._language_bit(s, s.rank) for s in vacancy.languages]
        code = vacancy.occupation
        occupation = {
            self.occupations.add(f"e:{code[:digits]}"): w.OCCUPATION * share
            for digits, share in w.OCCUPATION_LEVELS
        }
        occupation[self.occupations.add(f"d:{code}")] = w.DESIRED * w.DESIRED_UNIT
        occupation[self.occupations.add(f"d:{code[:3]}")] = w.DESIRED * w.DESIRED_MINOR
        kinds = {s: w.REQUIRED for s in vacancy.required_skills}
        for skill in vacancy.preferred_skills:
            kinds.setdefault(skill, w.PREFERRED)
        demands = 0
        for demand in vacancy.demands:
            demands |= DEMAND_BIT[demand]
        location = vacancy.location
        return EncodedVacancy(
            lat=location.lat,
            lon=location.lon,
            xyz=unit_vector(location.lat, location.lon),
            fully_remote=vacancy.remote == "remote",
            required_bits=tuple(required),
            demands=demands,
            work_time=WORK_TIME_BIT[vacancy.work_time],
            education_min=-1
            if vacancy.education_level_min is None
            else vacancy.education_level_min,
            occupation_keys=np.fromiter(occupation, np.int64, len(occupation)),
            occupation_values=np.fromiter(occupation.values(), np.float64, len(occupation)),
            skill_keys=np.array([self.skills.add(s) for s in kinds], np.int64),
            skill_kinds=np.fromiter(kinds.values(), np.float64, len(kinds)),
        )


def words_for(bits: int) -> int:
    return max(1, math.ceil(bits / 64))


def bit_words(positions: tuple[int, ...], words: int) -> np.ndarray:
    out = np.zeros(words, np.uint64)
    for position in positions:
        out[position // 64] |= np.uint64(1 << (position % 64))
    return out
