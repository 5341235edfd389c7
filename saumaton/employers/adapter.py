"""Database rows -> the matching engine's input records (``saumaton.matching.records``).

Why a translation table and not shared codes: the jobseeker profile (``jobseekers.models
.profile``) was built before the engine and names a few codes differently (``hot_work`` vs
``hot_work_card``, ``no_night_shifts`` vs ``no_night_work``). The mapping is kept here, in one
place, so neither side has to change. Only job-relevant fields are read: birth date, sex,
citizenship, names and the identity code never enter a record (fairness by construction).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch

from saumaton.jobseekers.models import Person
from saumaton.jobseekers.models.profile import Preferences, WorkExperience
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


def person_queryset(queryset=None):
    """People with everything ``profile_record`` reads, in a fixed number of queries."""
    queryset = Person.objects.all() if queryset is None else queryset
    return queryset.select_related("home_municipality").prefetch_related(
        Prefetch("work_history", queryset=WorkExperience.objects.order_by("start")),
        "skills",
        "languages",
        "licences",
        "limitations",
        "educations",
        Prefetch(
            "preferences",
            queryset=Preferences.objects.prefetch_related("occupations"),
        ),
    )


def profile_record(person: Person, today: date) -> JobseekerProfile | None:
    """The person's matching profile, or None when there is no place to measure from."""
    home = person.home_municipality
    if home is None or home.lat is None or home.lon is None:
        return None
    try:
        preferences = person.preferences
    except Preferences.DoesNotExist:
        preferences = None
    limitations = [lim.code for lim in person.limitations.all()]
    work_time = [t for t in (preferences.work_time if preferences else []) if t in voc.WORK_TIMES]
    if PART_TIME_ONLY in limitations:
        work_time = ["part_time"]
    return JobseekerProfile(
        id=str(person.pk),
        location=Location(home.code, home.lat, home.lon),
        max_commute_km=float(preferences.max_commute_km if preferences else DEFAULT_COMMUTE_KM),
        accepts_remote=preferences.accepts_remote if preferences else True,
        occupations=_occupations(person.work_history.all(), today),
        desired_occupations=tuple(
            o.code for o in (preferences.occupations.all() if preferences else ()) if o.level == 4
        ),
        skills=tuple(dict.fromkeys(str(s.skill_id) for s in person.skills.all())),
        languages=tuple(
            LanguageSkill(lang.language, lang.level)
            for lang in person.languages.all()
            if voc.LANGUAGE_CODE.match(lang.language) and lang.level in voc.CEFR_LEVELS
        ),
        licences=tuple(
            dict.fromkeys(
                code
                for code in (LICENCE_CODES.get(lic.kind, lic.kind) for lic in person.licences.all())
                if code in voc.LICENCES
            )
        ),
        education_level=_education(person),
        work_time=tuple(dict.fromkeys(work_time)),
        limitations=tuple(
            dict.fromkeys(
                code
                for code in (LIMITATION_CODES.get(c, c) for c in limitations)
                if code in voc.LIMITATIONS
            )
        ),
    )


def _occupations(history: Iterable[WorkExperience], today: date) -> tuple[Occupation, ...]:
    """Years and last year per ISCO unit group, summed over the person's jobs in it."""
    totals: dict[str, tuple[float, int]] = {}
    for job in history:
        if len(job.occupation_id) != 4:
            continue
        end = job.end or today
        years = max((end - job.start).days, 0) / 365.25
        before_years, before_last = totals.get(job.occupation_id, (0.0, 0))
        totals[job.occupation_id] = (before_years + years, max(before_last, end.year))
    return tuple(Occupation(code, round(years, 2), last) for code, (years, last) in totals.items())


def _education(person: Person) -> int | None:
    levels = [
        EDUCATION_ISCED[e.level] for e in person.educations.all() if e.level in EDUCATION_ISCED
    ]
    if levels:
        return max(levels)
    return PERSON_EDUCATION_ISCED.get(person.education_level)


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
