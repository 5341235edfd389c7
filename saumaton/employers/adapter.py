"""Database rows -> the matching engine's input records (``saumaton.matching.records``).

Why a translation table and not shared codes: the jobseeker profile (``jobseekers.models
.profile``) was built before the engine and names a few codes differently (``hot_work`` vs
``hot_work_card``, ``no_night_shifts`` vs ``no_night_work``). The mapping is kept here, in one
place, so neither side has to change. Only job-relevant fields are read: birth date, sex,
citizenship, names and the identity code never enter a record (fairness by construction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from saumaton.jobseekers.models.profile import (
    Education,
    Licence,
    PersonSkill,
    Preferences,
    WorkAbilityLimitation,
    WorkExperience,
)
from saumaton.jobseekers.models.profile import (
    LanguageSkill as LanguageRow,
)
from saumaton.matching import vocabulary as voc
from saumaton.matching.records import JobseekerProfile, LanguageSkill, Location, Occupation
from saumaton.matching.records import Vacancy as VacancyRecord

from .models import Vacancy

LICENCE_CODES = {
    "hot_work": "hot_work_card",
    "forklift": "forklift_card",
    "security_guard": "security_guard_card",
    "electrical_safety": "electrical_safety_card",
}
LIMITATION_CODES = {
    "no_standing_work": "no_prolonged_standing",
    "no_night_shifts": "no_night_work",
    "no_customer_work": "no_customer_contact",
}
PART_TIME_ONLY = "part_time_only"  # not a demand: it narrows the working times accepted
EDUCATION_ISCED = {
    "basic": 2,
    "upper_secondary": 3,
    "short_tertiary": 5,
    "bachelor": 6,
    "master": 7,
    "doctorate": 8,
}
PERSON_EDUCATION_ISCED = {"upper_secondary": 3, "higher": 6}
DEFAULT_COMMUTE_KM = 40.0


@dataclass
class _Rows:
    """One person's profile rows as plain values (what ``profile_records`` reads)."""

    home: tuple[str, float | None, float | None] | None
    person_education: str
    preferences: tuple[int, bool, list] | None = None
    desired: list[str] = field(default_factory=list)
    jobs: list[tuple[str, date, date | None]] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)
    licences: list[str] = field(default_factory=list)
    limitations: list[str] = field(default_factory=list)
    educations: list[str] = field(default_factory=list)


def profile_records(people, today: date) -> dict[str, JobseekerProfile | None]:
    """Matching profiles of ``people`` (a Person queryset) by id; None where unmatchable.

    Why plain ``values_list`` queries and not ``prefetch_related``: building an area's index
    reads every active jobseeker, and Django's per-object prefetch bookkeeping took ~15 s for
    the demo's 8,000 people; these ten queries take well under a second. One query per table
    whatever the number of people, filtered by the same subquery.
    """
    ids = people.values("pk")
    rows: dict = {
        pk: _Rows((code, lat, lon) if code else None, education)
        for pk, code, lat, lon, education in people.values_list(
            "pk",
            "home_municipality_id",
            "home_municipality__lat",
            "home_municipality__lon",
            "education_level",
        )
    }

    def each(model, *fields):
        return model.objects.filter(person_id__in=ids).values_list("person_id", *fields)

    preference_person = {}
    for pk, pref_id, km, remote, work in each(
        Preferences, "id", "max_commute_km", "accepts_remote", "work_time"
    ):
        rows[pk].preferences = (km, remote, work)
        preference_person[pref_id] = pk
    for pref_id, code, level in Preferences.occupations.through.objects.filter(
        preferences_id__in=list(preference_person)
    ).values_list("preferences_id", "iscogroup_id", "iscogroup__level"):
        if level == 4:
            rows[preference_person[pref_id]].desired.append(code)
    for pk, code, start, end in each(WorkExperience, "occupation_id", "start", "end").order_by(
        "start"
    ):
        rows[pk].jobs.append((code, start, end))
    for pk, skill in each(PersonSkill, "skill_id"):
        rows[pk].skills.append(str(skill))
    for pk, language, level in each(LanguageRow, "language", "level"):
        rows[pk].languages.append((language, level))
    for pk, kind in each(Licence, "kind"):
        rows[pk].licences.append(kind)
    for pk, code in each(WorkAbilityLimitation, "code"):
        rows[pk].limitations.append(code)
    for pk, level in each(Education, "level"):
        rows[pk].educations.append(level)
    return {str(pk): _record(str(pk), r, today) for pk, r in rows.items()}


def _record(pk: str, r: _Rows, today: date) -> JobseekerProfile | None:
    if r.home is None or r.home[1] is None or r.home[2] is None:
        return None
    km, remote, accepted = r.preferences or (DEFAULT_COMMUTE_KM, True, [])
    work_time = [t for t in accepted if t in voc.WORK_TIMES]
    if PART_TIME_ONLY in r.limitations:
        work_time = ["part_time"]
    return JobseekerProfile(
        id=pk,
        location=Location(*r.home),
        max_commute_km=float(km),
        accepts_remote=remote,
        occupations=_occupations(r.jobs, today),
        desired_occupations=tuple(dict.fromkeys(r.desired)),
        skills=tuple(dict.fromkeys(r.skills)),
        languages=tuple(
            LanguageSkill(code, level)
            for code, level in r.languages
            if voc.LANGUAGE_CODE.match(code) and level in voc.CEFR_LEVELS
        ),
        licences=_known((LICENCE_CODES.get(k, k) for k in r.licences), voc.LICENCES),
        education_level=_education(r),
        work_time=tuple(dict.fromkeys(work_time)),
        limitations=_known((LIMITATION_CODES.get(c, c) for c in r.limitations), voc.LIMITATIONS),
    )


def _known(codes, allowed) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for c in codes if c in allowed))


def _occupations(jobs, today: date) -> tuple[Occupation, ...]:
    """Years and last year per ISCO unit group, summed over the person's jobs in it."""
    totals: dict[str, tuple[float, int]] = {}
    for code, start, end in jobs:
        if len(code) != 4:
            continue
        end = end or today
        years = max((end - start).days, 0) / 365.25
        before_years, before_last = totals.get(code, (0.0, 0))
        totals[code] = (before_years + years, max(before_last, end.year))
    return tuple(Occupation(code, round(years, 2), last) for code, (years, last) in totals.items())


def _education(r: _Rows) -> int | None:
    levels = [EDUCATION_ISCED[level] for level in r.educations if level in EDUCATION_ISCED]
    if levels:
        return max(levels)
    return PERSON_EDUCATION_ISCED.get(r.person_education)


def vacancy_record(vacancy: Vacancy) -> VacancyRecord:
    """The vacancy as the engine reads it; also the API's export schema (``to_json``)."""
    return VacancyRecord(
        id=str(vacancy.pk),
        location=Location(vacancy.municipality_id, vacancy.lat, vacancy.lon),
        remote=vacancy.remote,
        occupation=vacancy.occupation_id,
        required_skills=tuple(vacancy.required_skills),
        preferred_skills=tuple(vacancy.preferred_skills),
        languages=tuple(LanguageSkill(x["code"], x["level"]) for x in vacancy.languages),
        licences=tuple(vacancy.licences),
        education_level_min=vacancy.education_level_min,
        work_time=vacancy.work_time,
        demands=tuple(vacancy.demands),
    )
