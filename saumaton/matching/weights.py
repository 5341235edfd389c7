"""The soft-score weights and the experience curve, in one place so docs/matching.md can cite them.

The score of a feasible (person, vacancy) pair is a sum of explainable parts whose maxima add up
to 1.0, so a score reads as "share of an ideal match" and every part's contribution is shown:

* occupation experience, up to ``OCCUPATION`` (0.35): the vacancy's ISCO-08 unit group, minor
  group and sub-major group each add a share (``UNIT``/``MINOR``/``SUB_MAJOR`` = 0.4/0.3/0.3) if
  the person has worked in that group, times an experience factor for recency and length. An
  exact match earns all three shares, a same-minor-group match 0.6, a same-sub-major match 0.3
  (JobTech boosts a primary occupation about twice its group, MATCHING.md §2.2);
* desired occupation, up to ``DESIRED`` (0.10): half for the desired minor group, half more for
  the exact unit group (a person's own goal, the motivation Työmarkkinatori also counts);
* skills, up to ``SKILLS`` (0.35): the rarity-weighted share of the vacancy's skills the person
  has, required skills counting ``REQUIRED``:``PREFERRED`` = 1:0.5. Rarity is an IDF over all
  profiles and vacancies of the index, so "communicate" counts less than "weld pipes";
* education: ``EDUCATION_MET`` (+0.05) when a stated minimum is met, a deduction up to
  ``EDUCATION_GAP`` (−0.10) growing with the ISCED gap when it is not (Työmarkkinatori deducts
  for unmet education rather than excluding);
* distance, up to ``DISTANCE`` (0.15): ``exp(-km / DISTANCE_SCALE_KM)`` with a 25 km scale, or the
  full amount for a fully remote job that the person accepts.

Occupation and skills dominate because they carry the evidence of suitability; distance only
orders jobs within the commute limit, which is already a hard constraint.
"""

from __future__ import annotations

import math

OCCUPATION = 0.35
UNIT, MINOR, SUB_MAJOR = 0.4, 0.3, 0.3
DESIRED = 0.10
DESIRED_UNIT, DESIRED_MINOR = 0.5, 0.5
SKILLS = 0.35
REQUIRED, PREFERRED = 1.0, 0.5
EDUCATION_MET = 0.05
EDUCATION_GAP = 0.10
EDUCATION_GAP_LEVELS = 3  # an ISCED gap of 3 levels or more costs the full deduction
DISTANCE = 0.15
DISTANCE_SCALE_KM = 25.0

# Experience: recent work counts fully and fades with a 4-year scale to a floor of a quarter;
# length counts half at zero years and fully from five years on.
RECENCY_FLOOR = 0.25
RECENCY_SCALE_YEARS = 4.0
FULL_LENGTH_YEARS = 5.0

# ISCO-08 levels as (number of code digits, share of OCCUPATION), finest first.
OCCUPATION_LEVELS: tuple[tuple[int, float], ...] = ((4, UNIT), (3, MINOR), (2, SUB_MAJOR))
LEVEL_NAMES = {4: "unit_group", 3: "minor_group", 2: "sub_major_group"}

# No pair without a shared occupation group or skill can score above this: the batch uses it
# to prove that candidates found through shared features are the true top-k.
NO_OVERLAP_MAX = EDUCATION_MET + DISTANCE


def experience_factor(years: float, last_year: int, current_year: int) -> float:
    """How much an occupation in the history counts, in [0.125, 1]."""
    gap = max(0, current_year - last_year)
    recency = RECENCY_FLOOR + (1 - RECENCY_FLOOR) * math.exp(-gap / RECENCY_SCALE_YEARS)
    length = 0.5 + 0.5 * min(years, FULL_LENGTH_YEARS) / FULL_LENGTH_YEARS
    return recency * length


def education_term(level: int | None, minimum: int | None) -> float:
    """The education part for a person's ISCED level (None = unknown, counted as 0)."""
    if minimum is None or minimum == 0:
        return 0.0
    have = level or 0
    if have >= minimum:
        return EDUCATION_MET
    return -EDUCATION_GAP * min(minimum - have, EDUCATION_GAP_LEVELS) / EDUCATION_GAP_LEVELS


def distance_term(km: float) -> float:
    return DISTANCE * math.exp(-km / DISTANCE_SCALE_KM)


def idf(document_frequency: int, documents: int) -> float:
    """Rarity weight of a skill held or asked for by ``document_frequency`` of ``documents``."""
    return math.log((1 + documents) / (1 + document_frequency)) + 1.0
