"""The profile of one synthetic jobseeker: education, work history, skills, languages, licences.

Why: registering requires data on work experience, education, skills and work ability
(380/2023 §27(2)), and the overall picture and matching read them. Everything follows from the
person's record — education level, last ISCO-08 occupation, mother tongue, age — so the profile
agrees with the calibrated population. Skills come from ``skill_pools``, a documented stand-in
for ESCO's occupation–skill relations (never shown as ESCO's own).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from saumaton.rules.calendar import add_months
from saumaton.synth import history_text as text
from saumaton.synth import skill_pools
from saumaton.synth.history_records import EducationRecord, ProfileRecord, WorkRecord
from saumaton.synth.records import PersonRecord
from saumaton.synth.refdata import isco_unit_groups
from saumaton.synth.sampling import Categorical

SKILLS = (3, 8)  # ESCO skills per profile
TRANSVERSAL = (1, 2)
MASTER_SHARE = 0.4  # of higher degrees; UNCONFIRMED
GENERAL_UPPER_SECONDARY_SHARE = 0.25  # of upper secondary; UNCONFIRMED
# Work-ability limitations (coded, 380/2023 §114): UNCONFIRMED placeholders.
LIMITATION_SHARE = {"under_55": 0.07, "55_plus": 0.16}
LIMITATION_SOURCES = (
    ("Lääkärinlausunto", "Läkarutlåtande", "Medical certificate"),
    ("Asiakkaan oma ilmoitus", "Kundens egen uppgift", "The person's own account"),
)
LIMITATIONS = (
    "no_heavy_lifting", "no_standing_work", "no_night_shifts", "no_shift_work",
    "no_driving", "no_outdoor_work", "no_customer_work", "no_screen_work", "part_time_only",
)  # fmt: skip
DRIVING_B = 0.7  # UNCONFIRMED
# Licences a unit or major group usually brings, with the share that holds them (UNCONFIRMED).
OCCUPATION_LICENCES: dict[str, tuple[tuple[str, float], ...]] = {
    "8331": (("driving_d", 0.9),),
    "8332": (("driving_ce", 0.6), ("driving_c", 0.4)),
    "8344": (("forklift", 0.9),),
    "9333": (("forklift", 0.5),),
    "4321": (("forklift", 0.3),),
    "5414": (("security_guard", 0.9),),
    "7411": (("electrical_safety", 0.9),),
    "7412": (("electrical_safety", 0.8),),
    "7212": (("hot_work", 0.7),),
    "5": (("hygiene_passport", 0.5), ("first_aid", 0.3)),
    "7": (("occupational_safety_card", 0.8), ("hot_work", 0.2)),
    "9": (("occupational_safety_card", 0.4), ("hygiene_passport", 0.3)),
}
VALID_YEARS = {"occupational_safety_card": 5, "first_aid": 3, "hot_work": 5, "security_guard": 5}
SECOND_LANGUAGE = Categorical({"A2": 0.3, "B1": 0.4, "B2": 0.2, "C1": 0.1})
FINNISH_FOR_NEWCOMERS = Categorical({"A1": 0.25, "A2": 0.3, "B1": 0.3, "B2": 0.15})
ENGLISH = Categorical({"A2": 0.15, "B1": 0.3, "B2": 0.35, "C1": 0.2})
WORK_TIME_EXTRAS = (("part_time", 0.25), ("shift", 0.2), ("seasonal", 0.1))
REMOTE_MAJOR_GROUPS = "1234"


def profile(
    person: PersonRecord, today: date, lead_municipality: str, rng: random.Random
) -> ProfileRecord:
    isco = person.last_occupation_isco
    age = today.year - person.birth_date.year
    limitation_share = LIMITATION_SHARE["55_plus" if age >= 55 else "under_55"]
    limitations = ()
    if rng.random() < limitation_share:
        source = text.pick(rng.choice(LIMITATION_SOURCES), person.language)
        limitations = tuple((code, source) for code in rng.sample(LIMITATIONS, rng.randint(1, 2)))
    occupations = (isco, _sibling(isco, rng)) if isco else ()
    municipalities = tuple(dict.fromkeys((person.home_municipality_code, lead_municipality)))
    work_time = ("full_time", *(w for w, p in WORK_TIME_EXTRAS if rng.random() < p))
    return ProfileRecord(
        educations=education(person, rng),
        work=_work(person, rng) if isco else (),
        skills=_skills(isco, rng),
        languages=_languages(person, age, rng),
        licences=_licences(person, today, age, rng),
        limitations=limitations,
        preferred_occupations=tuple(dict.fromkeys(occupations)),
        preferred_municipalities=municipalities,
        max_commute_km=rng.randrange(10, 85, 5),
        accepts_remote=rng.random() < (0.7 if isco and isco[0] in REMOTE_MAJOR_GROUPS else 0.25),
        work_time=work_time,
    )


def education(person: PersonRecord, rng: random.Random) -> tuple[EducationRecord, ...]:
    """Basic education for everyone, plus the degree the education level says."""
    language, born = person.language, person.birth_date.year
    field = text.pick(text.lookup(text.FIELDS, person.last_occupation_isco), language)
    rows = [EducationRecord("basic", "", text.pick(text.DEGREES["basic"], language), born + 16)]
    if person.education_level == "upper_secondary":
        general = rng.random() < GENERAL_UPPER_SECONDARY_SHARE
        key = "general_upper_secondary" if general else "upper_secondary"
        degree = text.pick(text.DEGREES[key], language)
        rows.append(EducationRecord("upper_secondary", "" if general else field, degree, born + 19))
    elif person.education_level == "higher":
        master = rng.random() < MASTER_SHARE
        degree = text.pick(text.DEGREES["master" if master else "bachelor"], language)
        rows.append(
            EducationRecord("master" if master else "bachelor", field, degree, born + 24 + master)
        )
    return tuple(rows)


def _sibling(isco: str, rng: random.Random) -> str:
    """Another unit group of the same minor group, or the same one where it has none."""
    same_minor = [c for c in isco_unit_groups()[isco[0]] if c[:3] == isco[:3]]
    return rng.choice(same_minor)


def _work(person: PersonRecord, rng: random.Random) -> tuple[WorkRecord, ...]:
    """The last job (still held when laid off or part-time) and sometimes one before it."""
    isco = person.last_occupation_isco
    earliest = add_months(person.birth_date, 18 * 12)
    current = person.employment_status in ("laid_off", "part_time")
    end = None if current else person.job_search_start - timedelta(days=1)
    start = max(earliest, person.job_search_start - timedelta(days=rng.randint(180, 3000)))
    jobs = [WorkRecord(isco, text.employer_name(isco[0], rng), start, end)]
    if rng.random() < 0.5 and (start - earliest).days > 400:
        before_end = start - timedelta(days=rng.randint(30, 200))
        before_start = max(earliest, before_end - timedelta(days=rng.randint(180, 1500)))
        if before_start < before_end:
            other = _sibling(isco, rng)
            jobs.append(
                WorkRecord(other, text.employer_name(other[0], rng), before_start, before_end)
            )
    return tuple(jobs)


def _skills(isco: str | None, rng: random.Random) -> tuple[str, ...]:
    total = rng.randint(*SKILLS)
    transversal = skill_pools.transversal()
    if isco is None:
        return tuple(rng.sample(transversal, total))
    general = rng.randint(*TRANSVERSAL)
    pool = skill_pools.pool(isco)
    chosen = rng.sample(pool, min(len(pool), total - general)) + rng.sample(transversal, general)
    return tuple(dict.fromkeys(chosen))


def _languages(person: PersonRecord, age: int, rng: random.Random) -> tuple[tuple[str, str], ...]:
    native = person.mother_tongue
    levels = {native: "native"}
    if native == "fi":
        levels["sv"] = SECOND_LANGUAGE.draw(rng)
    elif native == "sv":
        levels["fi"] = SECOND_LANGUAGE.draw(rng)
    else:
        levels["fi"] = FINNISH_FOR_NEWCOMERS.draw(rng)
        if person.language == "sv":
            levels["sv"] = FINNISH_FOR_NEWCOMERS.draw(rng)
    if native != "en" and (age < 50 or rng.random() < 0.4):
        levels["en"] = ENGLISH.draw(rng)
    return tuple(levels.items())


def _licences(
    person: PersonRecord, today: date, age: int, rng: random.Random
) -> tuple[tuple[str, date | None], ...]:
    isco = person.last_occupation_isco or ""
    held = {}
    if age >= 18 and rng.random() < DRIVING_B:
        held["driving_b"] = None
    for kind, share in OCCUPATION_LICENCES.get(isco, ()) + OCCUPATION_LICENCES.get(isco[:1], ()):
        if kind not in held and rng.random() < share:
            years = VALID_YEARS.get(kind)
            held[kind] = add_months(today, rng.randint(1, 12 * years)) if years else None
    return tuple(held.items())
