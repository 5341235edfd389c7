"""Draw one synthetic unemployed jobseeker at a time from the calibration tables.

The order of draws is fixed (age, citizenship, sex, languages, identity, education, duration,
status, occupation, benefit, contact details), so a population is a pure function of its seed.
Dependencies kept on purpose, because analytics and the profiling audit need them: the young
are less often long-term unemployed and the over-55s more often; the long-term lean toward
occupation groups 5, 7 and 9; lay-offs are short; nobody under 21 has a higher degree.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from saumaton.synth import calibration as cal
from saumaton.synth.benefits import draw_benefit
from saumaton.synth.geography import MunicipalityPlan
from saumaton.synth.identity import HetuAllocator
from saumaton.synth.names import ascii_slug, pool_for
from saumaton.synth.records import PersonRecord
from saumaton.synth.refdata import isco_unit_groups
from saumaton.synth.sampling import Categorical

DAYS_PER_MONTH = 365.25 / 12
ONE_YEAR = 365
TWO_YEARS = 730
MIDDLE_AGE = 40


class PersonFactory:
    """Holds the precomputed distributions and the identity-code allocator of one population."""

    def __init__(self, today: date, hetus: HetuAllocator):
        self.today = today
        self._hetus = hetus
        self._age_bands = Categorical([((lo, hi), share) for lo, hi, share in cal.AGE_BANDS])
        self._long_term = cal.long_term_probability_by_age_band()
        self._two_years_given_long = cal.TWO_YEAR_SHARE / cal.LONG_TERM_SHARE
        survival = cal.monthly_survival_weights()
        self._months = {
            "short": Categorical([(m, survival[m]) for m in range(12)]),
            "year": Categorical([(m, survival[m]) for m in range(12, 24)]),
            "two_years": Categorical([(m, survival[m]) for m in range(24, len(survival))]),
        }
        young_edu, older_edu = cal.education_mix_by_age()
        self._education_young = Categorical(young_edu)
        self._education_older = Categorical(older_edu)
        short_occ, long_occ = cal.occupation_mix_by_duration()
        self._occupation_short = Categorical(short_occ)
        self._occupation_long = Categorical(long_occ)
        self._unit_groups = {
            major: Categorical([(c, cal.COMMON_UNIT_GROUP_WEIGHTS.get(c, 1.0)) for c in codes])
            for major, codes in isco_unit_groups().items()
        }
        self._citizenships = Categorical(cal.FOREIGN_CITIZENSHIPS)
        self._mother_tongues = {
            c: Categorical(langs) for c, langs in cal.MOTHER_TONGUES_BY_CITIZENSHIP.items()
        }
        self._naturalised_tongues = Categorical(_foreign_language_mix())
        self._laid_off_given_short = cal.LAID_OFF_SHARE / (1 - cal.LONG_TERM_SHARE)
        self._part_time_given_not_laid_off = cal.PART_TIME_SHARE / (1 - cal.LAID_OFF_SHARE)

    def make(
        self, key: int, area_code: str, municipality: MunicipalityPlan, rng: random.Random
    ) -> PersonRecord:
        """One jobseeker living in ``municipality``; the coach is assigned later."""
        first_age, last_age = self._age_bands.draw(rng)
        age = rng.randint(first_age, last_age)
        foreign = rng.random() < municipality.foreign_share
        if foreign:
            male = rng.random() >= cal.FOREIGN_WOMEN_SHARE
            citizenship = self._citizenships.draw(rng)
            mother_tongue = self._mother_tongues[citizenship].draw(rng)
        else:
            male = rng.random() < cal.male_share_of_finnish_citizens(municipality.foreign_share)
            citizenship = "FI"
            mother_tongue = self._citizen_mother_tongue(rng, municipality)
        language = _service_language(rng, mother_tongue, municipality)
        new_signs = rng.random() < cal.NEW_CENTURY_SIGN_SHARE["foreign" if foreign else "finnish"]
        hetu, birth = self._hetus.allocate(
            rng,
            _birth_date(self.today, age, rng),
            male,
            new_signs=new_signs,
            young=age < MIDDLE_AGE,
        )
        first_name, last_name = pool_for(mother_tongue).draw(rng, male)
        education = (
            self._education_young
            if age < cal.YOUNGEST_WITH_HIGHER_EDUCATION
            else self._education_older
        ).draw(rng)
        days = self._elapsed_days(rng, age, birth)
        status = self._employment_status(rng, days)
        isco = self._last_occupation(rng, days)
        start = self.today - timedelta(days=days)
        benefit, paid_days = draw_benefit(
            rng,
            today=self.today,
            job_search_start=start,
            age=age,
            foreign=foreign,
            employment_status=status,
        )
        return PersonRecord(
            key=key,
            area_code=area_code,
            hetu=hetu,
            first_name=first_name,
            last_name=last_name,
            birth_date=birth,
            sex="male" if male else "female",
            language=language,
            mother_tongue=mother_tongue,
            citizenship=citizenship,
            home_municipality_code=municipality.code,
            postcode=rng.choice(municipality.postcodes),
            email=f"{ascii_slug(first_name)}.{ascii_slug(last_name)}.{key}@example.invalid",
            phone=f"+358 50 000 {rng.randrange(10_000):04d}",
            education_level=education,
            last_occupation_isco=isco,
            job_search_start=start,
            employment_status=status,
            benefit=benefit,
            paid_days_to_date=paid_days,
            coach_username=None,
        )

    def _citizen_mother_tongue(self, rng: random.Random, municipality: MunicipalityPlan) -> str:
        naturalised = cal.FOREIGN_LANGUAGE_CITIZEN_FACTOR * municipality.foreign_share
        if rng.random() < naturalised:
            return self._naturalised_tongues.draw(rng)
        return "sv" if rng.random() < municipality.language.swedish_share else "fi"

    def _elapsed_days(self, rng: random.Random, age: int, birth: date) -> int:
        """Days since the job search started, by duration band and then by survival."""
        if rng.random() < self._long_term[cal.age_band_label(age)]:
            band = "two_years" if rng.random() < self._two_years_given_long else "year"
        else:
            band = "short"
        low, high = {
            "short": (0, ONE_YEAR - 1),
            "year": (ONE_YEAR, TWO_YEARS - 1),
            "two_years": (TWO_YEARS, int(cal.MAX_DURATION_MONTHS * DAYS_PER_MONTH)),
        }[band]
        days = min(
            max(int((self._months[band].draw(rng) + rng.random()) * DAYS_PER_MONTH), low), high
        )
        earliest_start = add_years(birth, cal.MIN_AGE_AT_JOB_SEARCH_START)
        return max(0, min(days, (self.today - earliest_start).days))

    def _last_occupation(self, rng: random.Random, days: int) -> str | None:
        """A 4-digit ISCO-08 unit group, or None for the unknown group X."""
        mix = self._occupation_long if days >= ONE_YEAR else self._occupation_short
        major = mix.draw(rng)
        return None if major == "X" else self._unit_groups[major].draw(rng)

    def _employment_status(self, rng: random.Random, days: int) -> str:
        if days < ONE_YEAR and rng.random() < self._laid_off_given_short:
            return "laid_off"
        if rng.random() < self._part_time_given_not_laid_off:
            return "part_time"
        return "unemployed"


def _foreign_language_mix() -> dict[str, float]:
    """Mother tongues of foreign-language Finnish citizens: the foreign citizens' mix without
    Swedish (a Swedish speaker is not counted as foreign-language)."""
    mix: dict[str, float] = {}
    for citizenship, share in cal.FOREIGN_CITIZENSHIPS.items():
        for language, part in cal.MOTHER_TONGUES_BY_CITIZENSHIP[citizenship].items():
            if language != "sv":
                mix[language] = mix.get(language, 0.0) + share * part
    return mix


def _service_language(
    rng: random.Random, mother_tongue: str, municipality: MunicipalityPlan
) -> str:
    swedish_majority = municipality.language.swedish_majority
    if mother_tongue == "fi":
        return "fi"
    if mother_tongue == "sv":
        key = "swedish_majority" if swedish_majority else "finnish_majority"
        return "sv" if rng.random() < cal.SV_SERVICE_FOR_SWEDISH_SPEAKERS[key] else "fi"
    if rng.random() < cal.EN_SERVICE_FOR_FOREIGN_LANGUAGE:
        return "en"
    if swedish_majority and rng.random() < cal.SV_SERVICE_FOR_FOREIGN_LANGUAGE_IN_SWEDISH_MAJORITY:
        return "sv"
    return "fi"


def add_years(day: date, years: int) -> date:
    """Same calendar day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _birth_date(today: date, age: int, rng: random.Random) -> date:
    """A birth date that makes the person exactly ``age`` years old on ``today``."""
    latest = add_years(today, -age)
    return latest - timedelta(days=rng.randrange(365))
