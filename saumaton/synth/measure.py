"""Measure a generated population against its calibration targets.

Shared by the calibration tests and the documentation table, so both report the same figures
computed the same way (ages and durations as of the population's ``today``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from saumaton.synth.records import PersonRecord, SyntheticPopulation

DOMESTIC_LANGUAGES = frozenset({"fi", "sv", "se"})  # Finnish, Swedish, Sámi


def age_on(person: PersonRecord, population: SyntheticPopulation) -> int:
    birth, today = person.birth_date, population.today
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def days_searching(person: PersonRecord, population: SyntheticPopulation) -> int:
    return (population.today - person.job_search_start).days


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def calibration_figures(population: SyntheticPopulation) -> dict[str, float]:
    """Shares (0–1) of the whole stock unless the name says otherwise."""
    people = population.people
    ages = [age_on(p, population) for p in people]
    days = [days_searching(p, population) for p in people]
    foreign = [p for p in people if p.citizenship != "FI"]
    figures = {
        "under_25": _share(a < 25 for a in ages),
        "aged_55_plus": _share(a >= 55 for a in ages),
        "long_term": _share(d >= 365 for d in days),
        "two_years_or_more": _share(d >= 730 for d in days),
        "foreign_citizens": len(foreign) / len(people) if people else 0.0,
        "women_among_foreign": _share(p.sex == "female" for p in foreign),
        "foreign_language": _share(p.mother_tongue not in DOMESTIC_LANGUAGES for p in people),
        "swedish_speaking": _share(p.mother_tongue == "sv" for p in people),
        "men": _share(p.sex == "male" for p in people),
        "laid_off": _share(p.employment_status == "laid_off" for p in people),
        "part_time": _share(p.employment_status == "part_time" for p in people),
    }
    for level, count in Counter(p.education_level for p in people).items():
        figures[f"education_{level}"] = count / len(people)
    majors = Counter(p.last_occupation_isco[0] if p.last_occupation_isco else "X" for p in people)
    for major, count in majors.items():
        figures[f"occupation_{major}"] = count / len(people)
    for language, count in Counter(p.language for p in people).items():
        figures[f"service_language_{language}"] = count / len(people)
    for benefit, count in Counter(p.benefit or "none" for p in people).items():
        figures[f"benefit_{benefit}"] = count / len(people)
    caseloads = Counter(p.coach_username for p in people)
    figures["max_caseload_persons"] = float(max(caseloads.values(), default=0))
    figures["coaches_persons"] = float(sum(1 for s in population.staff if s.role == "coach"))
    return figures
