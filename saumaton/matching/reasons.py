"""Score one (person, vacancy) pair as a list of reasons whose contributions sum to the score.

This is the reference definition of the soft score: the index computes the same sums with
numpy for many pairs at once, and calls this function only for the k pairs it returns, so each
match carries its explanation. Each ``Reason`` has a stable ``code``, its ``contribution`` and
the parameters a renderer needs (``saumaton.matching.explain``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from saumaton.matching import weights as w
from saumaton.matching.constraints import distance_km, remote_exempt
from saumaton.matching.records import JobseekerProfile, Occupation, Vacancy


@dataclass(frozen=True, slots=True)
class Reason:
    """One part of a match score. ``params`` are JSON-ready values for the renderer."""

    code: str
    contribution: float
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "contribution": round(self.contribution, 6), **self.params}


def best_experience(
    occupations: tuple[Occupation, ...], current_year: int
) -> dict[str, tuple[float, Occupation]]:
    """For every ISCO group (4-, 3- and 2-digit code) the person has worked in, the largest
    experience factor among their occupations in it and the occupation giving it (first wins)."""
    best: dict[str, tuple[float, Occupation]] = {}
    for occupation in occupations:
        factor = w.experience_factor(occupation.years, occupation.last_year, current_year)
        for digits, _ in w.OCCUPATION_LEVELS:
            key = occupation.isco[:digits]
            if key not in best or factor > best[key][0]:
                best[key] = (factor, occupation)
    return best


def explain_pair(
    profile: JobseekerProfile,
    vacancy: Vacancy,
    idf: Callable[[str], float],
    current_year: int,
) -> list[Reason]:
    """The reasons of the pair's score, largest contribution first; zero parts are left out."""
    reasons = (
        _occupation_reasons(profile, vacancy, current_year)
        + _desired_reasons(profile, vacancy)
        + _skill_reasons(profile, vacancy, idf)
        + _education_reasons(profile, vacancy)
        + _place_reasons(profile, vacancy)
    )
    return sorted(
        (r for r in reasons if r.contribution != 0.0), key=lambda r: (-r.contribution, r.code)
    )


def _occupation_reasons(
    profile: JobseekerProfile, vacancy: Vacancy, current_year: int
) -> list[Reason]:
    best = best_experience(profile.occupations, current_year)
    parts: dict[int, tuple[Occupation, float, int]] = {}  # id(occupation) -> (occ, sum, digits)
    for digits, share in w.OCCUPATION_LEVELS:
        key = vacancy.occupation[:digits]
        if key not in best:
            continue
        factor, occupation = best[key]
        _, total, finest = parts.get(id(occupation), (occupation, 0.0, digits))
        parts[id(occupation)] = (occupation, total + w.OCCUPATION * share * factor, finest)
    return [
        Reason(
            "occupation_experience",
            total,
            {
                "isco": occupation.isco,
                "vacancy_isco": vacancy.occupation,
                "level": w.LEVEL_NAMES[finest],
                "years": occupation.years,
                "last_year": occupation.last_year,
            },
        )
        for occupation, total, finest in parts.values()
    ]


def _desired_reasons(profile: JobseekerProfile, vacancy: Vacancy) -> list[Reason]:
    code = vacancy.occupation
    exact = code in profile.desired_occupations
    minor = any(d[:3] == code[:3] for d in profile.desired_occupations)
    value = w.DESIRED * (w.DESIRED_UNIT * exact + w.DESIRED_MINOR * minor)
    if not value:
        return []
    level = "unit_group" if exact else "minor_group"
    return [Reason("desired_occupation", value, {"isco": code, "level": level})]


def skill_norm(vacancy: Vacancy, idf: Callable[[str], float]) -> float:
    """The rarity-weighted size of the vacancy's skill demand; a skill listed as both required
    and preferred counts as required."""
    required = set(vacancy.required_skills)
    return sum(w.REQUIRED * idf(s) for s in required) + sum(
        w.PREFERRED * idf(s) for s in set(vacancy.preferred_skills) - required
    )


def _skill_reasons(
    profile: JobseekerProfile, vacancy: Vacancy, idf: Callable[[str], float]
) -> list[Reason]:
    norm = skill_norm(vacancy, idf)
    if norm == 0:
        return []
    held = set(profile.skills)
    required = list(dict.fromkeys(vacancy.required_skills))
    preferred = [s for s in dict.fromkeys(vacancy.preferred_skills) if s not in set(required)]
    reasons = []
    for code, skills, kind in (
        ("required_skills", required, w.REQUIRED),
        ("preferred_skills", preferred, w.PREFERRED),
    ):
        matched = [s for s in skills if s in held]
        if matched:
            value = w.SKILLS * kind * sum(idf(s) for s in matched) / norm
            reasons.append(Reason(code, value, {"matched": matched, "total": len(skills)}))
    return reasons


def _education_reasons(profile: JobseekerProfile, vacancy: Vacancy) -> list[Reason]:
    value = w.education_term(profile.education_level, vacancy.education_level_min)
    if not value:
        return []
    code = "education_met" if value > 0 else "education_below"
    return [
        Reason(
            code, value, {"level": profile.education_level, "minimum": vacancy.education_level_min}
        )
    ]


def _place_reasons(profile: JobseekerProfile, vacancy: Vacancy) -> list[Reason]:
    if remote_exempt(profile, vacancy):
        return [Reason("remote", w.DISTANCE, {})]
    km = distance_km(profile, vacancy)
    return [Reason("distance", w.distance_term(km), {"km": round(km, 1)})]


def pair_score(
    profile: JobseekerProfile, vacancy: Vacancy, idf: Callable[[str], float], current_year: int
) -> float:
    return sum(r.contribution for r in explain_pair(profile, vacancy, idf, current_year))
