"""Synthetic jobseeker profiles, vacancies and a hidden ground truth for the matching engine.

``build_matching_data(population)`` is pure and deterministic for a population (itself a function
of size and seed): every person gets a ``JobseekerProfile`` from a ``random.Random`` seeded with
the population seed and the person's key, and the area gets vacancies in the occupation mix of
where unemployed people find work (STATISTICS.md §7).

Fairness by construction: a profile is drawn from the person's job-relevant facts only (home
municipality, last occupation, education, length of the job search, mother tongue *as a language
skill*). Birth date, sex, citizenship, names and identity code are never read, so two people who
differ only in those get identical profiles (tested).

Ground truth: each person also has latent attributes the engine never sees — their *true*
skills (of which the profile lists a noisy subset: some forgotten, a few wrong), a true commute
tolerance around the stated limit, and their true interests — and each vacancy has latent skill
needs beyond those it lists. ``GroundTruth.suitability`` scores pairs from those latents plus
deterministic per-pair noise; it reads no protected trait either. Benchmarks use it as graded
relevance for nDCG@10.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from saumaton.matching.pairs import haversine_rad
from saumaton.matching.records import (
    JobseekerProfile,
    LanguageSkill,
    Location,
    Occupation,
    Vacancy,
)
from saumaton.synth import calibration as cal
from saumaton.synth import refdata, skill_pools
from saumaton.synth.records import PersonRecord, SyntheticPopulation
from saumaton.synth.sampling import Categorical

# Open vacancies per jobseeker: the 1,200–1,600 for the small demo area and ~80,000
# nationally (58–83k PES vacancies a month against ≈ 346,400 jobseekers, MATCHING.md §1).
VACANCIES_PER_JOBSEEKER = {"small": 1 / 5.5, "city": 1 / 4.5, "national": 80_000 / 346_400}
# Where the unemployed found work 2017–2022 (S§7, confirmed shares of the named fields; the split
# among unit groups is UNCONFIRMED). The rest of the vacancies follow the inflow mix by major group.
FINDING_WORK_SHARES: dict[str, float] = {
    "5223": 0.05, "5221": 0.01, "5230": 0.01,  # sales and shop work ≈ 7 %
    "9112": 0.05, "5151": 0.01,  # cleaners ≈ 6 %
    "5321": 0.035, "5322": 0.015,  # practical nurses ≈ 5 %
    "7111": 0.02, "7115": 0.01, "9313": 0.015,  # construction ≈ 4.5 %
    "5311": 0.015, "5312": 0.015,  # childcare and school assistants
    "3412": 0.01, "2635": 0.005,  # social care
    "5120": 0.015, "5131": 0.01, "9412": 0.01,  # restaurants
    "8322": 0.01, "8332": 0.015, "8331": 0.005,  # transport
    "4321": 0.015, "9333": 0.015,  # warehouse
    "5153": 0.01, "9622": 0.005,  # property maintenance
}  # fmt: skip
NAMED_SHARE = sum(FINDING_WORK_SHARES.values())
JITTER_KM = 4.0  # people and workplaces are spread around the municipality's point

# Licences a vacancy in the unit group asks for, with the probability; people who worked there
# hold them with HOLDS_OCCUPATION_LICENCE.
OCCUPATION_LICENCES: dict[str, tuple[tuple[str, float], ...]] = {
    "8322": (("driving_b", 1.0),),
    "8331": (("driving_d", 1.0),),
    "8332": (("driving_ce", 0.5), ("driving_c", 0.5)),
    "8344": (("forklift_card", 1.0),),
    "9333": (("forklift_card", 0.5),),
    "4321": (("forklift_card", 0.3),),
    "5120": (("hygiene_passport", 1.0),),
    "5131": (("hygiene_passport", 1.0), ("alcohol_passport", 0.6)),
    "5132": (("hygiene_passport", 1.0), ("alcohol_passport", 1.0)),
    "5246": (("hygiene_passport", 1.0),),
    "9412": (("hygiene_passport", 1.0),),
    "9411": (("hygiene_passport", 1.0),),
    "5414": (("security_guard_card", 1.0),),
    "7411": (("electrical_safety_card", 1.0),),
    "7412": (("electrical_safety_card", 1.0),),
    "7212": (("hot_work_card", 0.8),),
    "7126": (("hot_work_card", 0.6),),
    "5321": (("first_aid", 0.4),),
    "5322": (("first_aid", 0.4),),
    "9313": (("occupational_safety_card", 0.9), ("road_safety_card", 0.3)),
}
CONSTRUCTION_MAJOR = "7"
CONSTRUCTION_SAFETY_CARD = 0.7
HOLDS_OCCUPATION_LICENCE = 0.8
DRIVING_B_SHARE = 0.72

# Physical and schedule demands by ISCO major group (probability each).
DEMANDS_BY_MAJOR: dict[str, tuple[tuple[str, float], ...]] = {
    "9": (("heavy_lifting", 0.5), ("prolonged_standing", 0.5), ("repetitive_motion", 0.3),
          ("dust_or_chemicals", 0.2), ("shift_work", 0.2)),
    "7": (("heavy_lifting", 0.5), ("outdoor_work", 0.5), ("working_at_height", 0.3),
          ("dust_or_chemicals", 0.3), ("cold_environment", 0.2)),
    "8": (("shift_work", 0.4), ("night_work", 0.2), ("heavy_lifting", 0.2)),
    "5": (("customer_contact", 0.8), ("prolonged_standing", 0.5), ("weekend_work", 0.5),
          ("shift_work", 0.4), ("night_work", 0.1)),
    "6": (("outdoor_work", 0.9), ("cold_environment", 0.4), ("heavy_lifting", 0.4)),
    "4": (("customer_contact", 0.5),),
    "3": (("customer_contact", 0.3), ("shift_work", 0.15)),
    "2": (("customer_contact", 0.3), ("shift_work", 0.1)),
    "1": (),
    "0": (("outdoor_work", 0.5), ("shift_work", 0.5)),
}  # fmt: skip
DRIVING_SUB_MAJOR = "83"
LIMITATION_SHARE = 0.08  # work-ability limitations: a realistic minority (UNCONFIRMED)
LIMITATION_SHARE_LONG_TERM = 0.18
LIMITATIONS = Categorical(
    {
        "no_heavy_lifting": 0.35,
        "no_prolonged_standing": 0.15,
        "no_night_work": 0.15,
        "no_shift_work": 0.10,
        "no_cold_environment": 0.08,
        "no_dust_or_chemicals": 0.07,
        "no_customer_contact": 0.05,
        "no_working_at_height": 0.05,
    }
)
COMMUTE_KM = Categorical({10.0: 0.1, 20.0: 0.25, 30.0: 0.3, 50.0: 0.2, 80.0: 0.15})
OFFICE_MAJORS = "1234"
EDUCATION = {
    "basic_or_unknown": Categorical({None: 0.3, 2: 0.7}),
    "upper_secondary": Categorical({3: 0.7, 4: 0.3}),
    "higher": Categorical({5: 0.1, 6: 0.5, 7: 0.38, 8: 0.02}),
}
ENGLISH_BY_EDUCATION = {
    "basic_or_unknown": Categorical({None: 0.3, "A2": 0.3, "B1": 0.25, "B2": 0.1, "C1": 0.05}),
    "upper_secondary": Categorical({None: 0.1, "A2": 0.2, "B1": 0.35, "B2": 0.25, "C1": 0.1}),
    "higher": Categorical({"A2": 0.05, "B1": 0.15, "B2": 0.4, "C1": 0.4}),
}
FINNISH_FOR = {
    "sv": Categorical({"B1": 0.3, "B2": 0.3, "C1": 0.3, "C2": 0.1}),
    "other": Categorical({None: 0.1, "A1": 0.15, "A2": 0.25, "B1": 0.25, "B2": 0.15, "C1": 0.1}),
}
SWEDISH_FOR = {
    "fi": Categorical({None: 0.25, "A1": 0.2, "A2": 0.3, "B1": 0.2, "B2": 0.05}),
    "other": Categorical({None: 0.85, "A2": 0.1, "B1": 0.05}),
}
SKILL_RECALL = 0.65  # share of true skills a profile lists
TRUTH_NOISE = 0.04


@dataclass(frozen=True, slots=True)
class MatchingData:
    profiles: tuple[JobseekerProfile, ...]
    vacancies: tuple[Vacancy, ...]
    truth: GroundTruth


def build_matching_data(population: SyntheticPopulation) -> MatchingData:
    """Profiles for every person and the area's vacancies, with their ground truth."""
    seed = population.seed
    points = _municipality_points()
    profiles, latents = [], []
    for person in population.people:
        profile, latent = _profile(person, population, points)
        profiles.append(profile)
        latents.append(latent)
    vacancies, needs = _vacancies(population, points)
    return MatchingData(
        tuple(profiles), tuple(vacancies), GroundTruth(profiles, latents, vacancies, needs, seed)
    )


def _municipality_points() -> dict[str, tuple[float, float]]:
    """(lat, lon) per municipality; the region's mean point where GeoNames has none."""
    by_region: dict[str, list[tuple[float, float]]] = {}
    for m in refdata.municipalities().values():
        if m.lat is not None and m.lon is not None:
            by_region.setdefault(m.region_code, []).append((m.lat, m.lon))
    points = {}
    for m in refdata.municipalities().values():
        if m.lat is not None and m.lon is not None:
            points[m.code] = (m.lat, m.lon)
        else:
            known = by_region[m.region_code]
            points[m.code] = (
                sum(p[0] for p in known) / len(known),
                sum(p[1] for p in known) / len(known),
            )
    return points


def _place(code: str, points: dict[str, tuple[float, float]], rng: random.Random) -> Location:
    lat, lon = points[code]
    distance, bearing = JITTER_KM * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
    dlat = distance * math.cos(bearing) / 111.2
    dlon = distance * math.sin(bearing) / (111.2 * math.cos(math.radians(lat)))
    return Location(code, round(lat + dlat, 5), round(lon + dlon, 5))


@dataclass(frozen=True, slots=True)
class _Latent:
    skills: frozenset[str]
    tolerance_km: float
    interests: frozenset[str]


def _profile(
    person: PersonRecord,
    population: SyntheticPopulation,
    points: dict[str, tuple[float, float]],
) -> tuple[JobseekerProfile, _Latent]:
    rng = random.Random(f"saumaton.synth.matching:{population.seed}:person:{person.key}")
    today = population.today
    searching_years = (today - person.job_search_start).days // 365
    occupations: list[Occupation] = []
    if person.last_occupation_isco:
        last = person.last_occupation_isco
        years = round(min(rng.expovariate(1 / 4.0) + 0.3, 25.0), 1)
        occupations.append(Occupation(last, years, today.year - searching_years))
        if rng.random() < 0.35:
            earlier = _related_unit(last, rng)
            if earlier != last:
                ended = today.year - searching_years - math.ceil(years)
                occupations.append(Occupation(earlier, round(rng.uniform(0.5, 8.0), 1), ended))
    desired = _desired(person.last_occupation_isco, rng)
    true_skills: set[str] = set(rng.sample(skill_pools.transversal(), 3))
    for occupation in occupations:
        pool = skill_pools.pool(occupation.isco)
        true_skills.update(rng.sample(pool, min(len(pool), 8 + int(2 * occupation.years))))
    listed = sorted(s for s in true_skills if rng.random() < SKILL_RECALL)
    for _ in range(rng.randint(0, 2)):  # a few wrong or unsupported entries
        listed.append(rng.choice(skill_pools.pool(_any_unit(rng))))
    education = EDUCATION[person.education_level].draw(rng)
    major = (person.last_occupation_isco or "9")[0]
    max_km = COMMUTE_KM.draw(rng)
    long_term = (today - person.job_search_start).days >= 365
    profile = JobseekerProfile(
        id=f"P{person.key:06d}",
        location=_place(person.home_municipality_code, points, rng),
        max_commute_km=max_km,
        accepts_remote=rng.random() < (0.45 if major in OFFICE_MAJORS else 0.2),
        occupations=tuple(occupations),
        desired_occupations=tuple(desired),
        skills=tuple(dict.fromkeys(listed)),
        languages=_languages(person, rng),
        licences=_licences(occupations, major, rng),
        education_level=education,
        work_time=_work_time(rng),
        limitations=_limitations(long_term, rng),
    )
    interests = set(desired) | {o.isco for o in occupations[:1]}
    latent = _Latent(
        skills=frozenset(true_skills),
        tolerance_km=max_km * math.exp(rng.gauss(0, 0.25)),
        interests=frozenset(interests),
    )
    return profile, latent


def _units() -> tuple[str, ...]:
    return tuple(code for codes in refdata.isco_unit_groups().values() for code in codes)


def _any_unit(rng: random.Random) -> str:
    return rng.choice(_units())


def _related_unit(code: str, rng: random.Random) -> str:
    units = _units()
    roll = rng.random()
    prefix = code[:3] if roll < 0.5 else code[:1] if roll < 0.8 else ""
    return rng.choice([u for u in units if u.startswith(prefix)])


def _desired(last: str | None, rng: random.Random) -> list[str]:
    roll = rng.random()
    if last is None:
        return [_any_unit(rng)] if roll < 0.5 else []
    if roll < 0.6:
        return [last]
    if roll < 0.75:
        return [_sibling(last, rng)]
    return []


def _sibling(code: str, rng: random.Random) -> str:
    return rng.choice([u for u in _units() if u.startswith(code[:3])])


def _languages(person: PersonRecord, rng: random.Random) -> tuple[LanguageSkill, ...]:
    """Mother tongue as ``native``; Finnish, Swedish and English levels by language group and
    education. The mother tongue is used as a language skill only."""
    tongue = person.mother_tongue
    group = tongue if tongue in ("fi", "sv") else "other"
    levels = {tongue: "native"}
    if "fi" not in levels:
        levels["fi"] = FINNISH_FOR[group].draw(rng)
    if "sv" not in levels:
        levels["sv"] = SWEDISH_FOR["fi" if group == "fi" else "other"].draw(rng)
    if "en" not in levels:
        levels["en"] = ENGLISH_BY_EDUCATION[person.education_level].draw(rng)
    return tuple(LanguageSkill(code, level) for code, level in levels.items() if level)


def _licences(occupations: list[Occupation], major: str, rng: random.Random) -> tuple[str, ...]:
    held = []
    if rng.random() < DRIVING_B_SHARE + (0.15 if major in "78" else 0.0):
        held.append("driving_b")
    for occupation in occupations:
        needed = list(OCCUPATION_LICENCES.get(occupation.isco, ()))
        if occupation.isco[0] == CONSTRUCTION_MAJOR:
            needed.append(("occupational_safety_card", 1.0))
        for licence, _ in needed:
            if licence not in held and rng.random() < HOLDS_OCCUPATION_LICENCE:
                held.append(licence)
    return tuple(held)


def _work_time(rng: random.Random) -> tuple[str, ...]:
    roll = rng.random()
    accepted = (
        ["full_time", "part_time"]
        if roll < 0.6
        else ["full_time"]
        if roll < 0.85
        else ["part_time"]
        if roll < 0.9
        else []
    )
    if accepted and rng.random() < 0.2:
        accepted += ["seasonal", "on_call"]
    return tuple(accepted)


def _limitations(long_term: bool, rng: random.Random) -> tuple[str, ...]:
    share = LIMITATION_SHARE_LONG_TERM if long_term else LIMITATION_SHARE
    if rng.random() >= share:
        return ()
    return tuple(sorted({LIMITATIONS.draw(rng) for _ in range(rng.randint(1, 2))}))


# ---- vacancies ---------------------------------------------------------------------------


def _occupation_mix() -> Categorical:
    """Named fields at their shares; the rest by major-group inflow and unit-group weights."""
    weights = dict(FINDING_WORK_SHARES)
    majors = {g: s for g, s in cal.OCCUPATION_MAJOR_SHARES.items() if g != "X"}
    total = sum(majors.values())
    for major, codes in refdata.isco_unit_groups().items():
        unit_weights = {c: cal.COMMON_UNIT_GROUP_WEIGHTS.get(c, 1.0) for c in codes}
        unit_total = sum(unit_weights.values())
        for code, weight in unit_weights.items():
            share = (1 - NAMED_SHARE) * majors.get(major, 0.0) / total * weight / unit_total
            weights[code] = weights.get(code, 0.0) + share
    return Categorical(weights)


def _vacancies(
    population: SyntheticPopulation, points: dict[str, tuple[float, float]]
) -> tuple[list[Vacancy], list[frozenset[str]]]:
    rng = random.Random(f"saumaton.synth.matching:{population.seed}:vacancies")
    count = round(len(population.people) * VACANCIES_PER_JOBSEEKER[population.size])
    jobseekers: dict[str, int] = {}
    for person in population.people:
        code = person.home_municipality_code
        jobseekers[code] = jobseekers.get(code, 0) + 1
    # Jobs concentrate in centres a little more than jobseekers do.
    places = Categorical({code: n**1.1 for code, n in sorted(jobseekers.items())})
    swedish = {m for m in jobseekers if refdata.language_status(m).swedish_majority}
    mix = _occupation_mix()
    vacancies, needs = [], []
    for number in range(count):
        code = mix.draw(rng)
        major = code[0]
        pool = skill_pools.pool(code)
        required = rng.sample(pool, rng.randint(3, 6))
        rest = [s for s in pool if s not in required]
        preferred = rng.sample(rest, rng.randint(2, 4))
        if rng.random() < 0.3:
            preferred.append(rng.choice(skill_pools.transversal()))
        hidden = rng.sample([s for s in rest if s not in preferred], 4)
        municipality = places.draw(rng)
        vacancies.append(
            Vacancy(
                id=f"V{number:06d}",
                location=_place(municipality, points, rng),
                remote=_remote_mode(major, rng),
                occupation=code,
                required_skills=tuple(required),
                preferred_skills=tuple(dict.fromkeys(preferred)),
                languages=_required_languages(major, municipality in swedish, rng),
                licences=_required_licences(code, rng),
                education_level_min=_education_minimum(major, rng),
                work_time=rng.choices(
                    ("full_time", "part_time", "seasonal", "on_call"), (0.7, 0.22, 0.05, 0.03)
                )[0],
                demands=_demands(code, rng),
            )
        )
        needs.append(frozenset(required) | frozenset(preferred) | frozenset(hidden))
    return vacancies, needs


def _remote_mode(major: str, rng: random.Random) -> str:
    if major not in OFFICE_MAJORS:
        return "on_site"
    roll = rng.random()
    return "remote" if roll < 0.06 else "hybrid" if roll < 0.3 else "on_site"


def _required_languages(
    major: str, swedish_majority: bool, rng: random.Random
) -> tuple[LanguageSkill, ...]:
    levels: dict[str, str] = {}
    local = "sv" if swedish_majority else "fi"
    if rng.random() < 0.8:
        levels[local] = (
            rng.choice(("B2", "C1"))
            if major in "1234"
            else rng.choice(("A2", "B1"))
            if major == "9"
            else rng.choice(("B1", "B2"))
        )
    if major in "123" and rng.random() < 0.4:
        levels["en"] = "B2"
    if swedish_majority and rng.random() < 0.3:
        levels["fi"] = "B1"
    return tuple(LanguageSkill(code, level) for code, level in levels.items())


def _required_licences(code: str, rng: random.Random) -> tuple[str, ...]:
    needed = [lic for lic, p in OCCUPATION_LICENCES.get(code, ()) if rng.random() < p]
    if code[0] == CONSTRUCTION_MAJOR and rng.random() < CONSTRUCTION_SAFETY_CARD:
        needed.append("occupational_safety_card")
    if not needed and rng.random() < 0.12:
        needed.append("driving_b")
    return tuple(dict.fromkeys(needed))


def _education_minimum(major: str, rng: random.Random) -> int | None:
    roll = rng.random()
    if major in "12":
        return 6 if roll < 0.7 else 7
    if major == "3":
        return rng.choice((4, 5)) if roll < 0.6 else None
    if major in "4578":
        return 3 if roll < 0.5 else None
    return None


def _demands(code: str, rng: random.Random) -> tuple[str, ...]:
    found = [d for d, p in DEMANDS_BY_MAJOR[code[0]] if rng.random() < p]
    if code.startswith(DRIVING_SUB_MAJOR):
        found.append("driving")
    return tuple(dict.fromkeys(found))


# ---- ground truth ------------------------------------------------------------------------


class GroundTruth:
    """Graded suitability of (person, vacancy) pairs from latent attributes, for evaluation.

    ``suitability(i, rows)`` = 0.40 × true skill coverage of the vacancy's full needs
    + 0.30 × occupational relatedness of the history (exact 1, minor 0.55, sub-major 0.25,
    major 0.05, scaled by √(years/8) up to 8 years) + 0.10 × true interest + 0.10 × commute
    comfort ``exp(-(km / true tolerance)²)`` (1 for accepted remote work) + 0.10 × education
    (1 when met, −0.35 per missing ISCED level) + N(0, 0.04) noise, fixed per pair. It does
    not know the hard constraints: callers zero the gain of infeasible pairs.
    """

    def __init__(self, profiles, latents, vacancies, needs, seed: int):
        self.seed = seed
        self.position = {p.id: i for i, p in enumerate(profiles)}
        self.vacancy_position = {v.id: i for i, v in enumerate(vacancies)}
        self._profiles, self._latents = profiles, latents
        vocabulary: dict[str, int] = {}
        rows, cols = [], []
        for row, skills in enumerate(needs):
            for skill in skills:
                rows.append(row)
                cols.append(vocabulary.setdefault(skill, len(vocabulary)))
        self._skill_index = vocabulary
        self._needs = sparse.csr_matrix(
            (np.ones(len(rows)), (cols, rows)), shape=(len(vocabulary), len(vacancies))
        )
        self._need_counts = np.array([len(n) for n in needs], np.float64)
        self._codes = np.array([int(v.occupation) for v in vacancies], np.int64)
        self._lat = np.radians([v.location.lat for v in vacancies])
        self._lon = np.radians([v.location.lon for v in vacancies])
        self._remote = np.array([v.remote == "remote" for v in vacancies])
        self._education_min = np.array(
            [-1 if v.education_level_min is None else v.education_level_min for v in vacancies]
        )

    def suitability(self, person: int, rows: np.ndarray) -> np.ndarray:
        profile, latent = self._profiles[person], self._latents[person]
        keys = [self._skill_index[s] for s in latent.skills if s in self._skill_index]
        covered = np.asarray(self._needs[keys].sum(axis=0)).ravel()[rows] if keys else 0.0
        skill_fit = covered / np.maximum(self._need_counts[rows], 1.0)
        codes = self._codes[rows]
        occupation_fit = np.zeros(len(rows))
        for occupation in profile.occupations:
            code = int(occupation.isco)
            related = np.select(
                [codes == code, codes // 10 == code // 10, codes // 100 == code // 100,
                 codes // 1000 == code // 1000],
                [1.0, 0.55, 0.25, 0.05],
                0.0,
            )  # fmt: skip
            depth = math.sqrt(min(occupation.years, 8.0) / 8.0)
            occupation_fit = np.maximum(occupation_fit, related * depth)
        interests = np.array([int(c) for c in latent.interests], np.int64)
        interest = np.where(
            np.isin(codes, interests), 1.0, np.where(np.isin(codes // 10, interests // 10), 0.5, 0)
        )
        km = haversine_rad(
            math.radians(profile.location.lat),
            math.radians(profile.location.lon),
            self._lat[rows],
            self._lon[rows],
        )
        comfort = np.exp(-((km / max(latent.tolerance_km, 1.0)) ** 2))
        comfort = np.where(self._remote[rows] & profile.accepts_remote, 1.0, comfort)
        minimum, level = self._education_min[rows], profile.education_level or 0
        education = np.where(
            (minimum <= 0) | (level >= minimum), 1.0, np.maximum(0.0, 1 - 0.35 * (minimum - level))
        )
        noise = np.random.default_rng([self.seed, person]).normal(
            0.0, TRUTH_NOISE, len(self._codes)
        )[rows]
        return (
            0.40 * skill_fit
            + 0.30 * occupation_fit
            + 0.10 * interest
            + 0.10 * comfort
            + 0.10 * education
            + noise
        )
