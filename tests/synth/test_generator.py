"""Tests of the synthetic population generator: determinism, calibration, identifiers, staff.

The full ``small`` population (8,000 people) is built once per seed and shared; property tests
run on scaled-down populations to stay quick.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.rules.identifiers import validate_business_id, validate_hetu
from saumaton.synth import calibration as cal
from saumaton.synth import geography, refdata
from saumaton.synth.generator import SIZES, generate
from saumaton.synth.measure import age_on, calibration_figures, days_searching
from saumaton.synth.records import SyntheticPopulation
from saumaton.synth.staff import DEMO_USERNAMES

TODAY = date(2026, 6, 1)  # after the 2026-05-01 switch to general support
BEFORE_GENERAL_SUPPORT = date(2026, 3, 15)
REFERENCE = Path(refdata.__file__).resolve().parent.parent / "reference" / "data"
USERNAME = re.compile(r"^[a-z0-9.]+$")


@cache
def small(seed: int = 1, today: date = TODAY) -> SyntheticPopulation:
    return generate("small", seed=seed, today=today)


@cache
def reference_codes(filename: str, column: str, level: str | None = None) -> frozenset[str]:
    with (REFERENCE / filename).open(encoding="utf-8", newline="") as handle:
        return frozenset(
            row[column] for row in csv.DictReader(handle) if level is None or row["level"] == level
        )


def assert_invariants(population: SyntheticPopulation) -> None:
    """Everything that must hold for any size, seed and scale."""
    today = population.today
    municipalities = reference_codes("municipalities.csv", "code")
    postcodes = refdata.postcodes_by_municipality()
    unit_groups = reference_codes("isco08.csv", "code", level="4")
    area_of_municipality = {
        code: area.code for area in population.areas for code in area.municipality_codes
    }
    organisation_area = {o.key: o.area_code for o in population.organisations}
    staff_by_username = {s.username: s for s in population.staff}

    assert len({a.code for a in population.areas}) == len(population.areas)
    assert [p.key for p in population.people] == list(range(len(population.people)))

    hetus = [p.hetu for p in population.people]
    assert len(set(hetus)) == len(hetus)
    assert len({h[:6] + h[7:10] for h in hetus}) == len(hetus)  # unique even without the sign
    for person in population.people:
        checked = validate_hetu(person.hetu)
        assert checked.valid, (person.hetu, checked.reason)
        assert checked.temporary
        assert checked.birth_date == person.birth_date
        assert checked.sex == person.sex
        assert 17 <= age_on(person, population) <= 64
        assert person.home_municipality_code in municipalities
        assert person.area_code == area_of_municipality[person.home_municipality_code]
        assert person.postcode in postcodes[person.home_municipality_code]
        assert person.last_occupation_isco is None or person.last_occupation_isco in unit_groups
        assert person.job_search_start <= today
        assert person.email.endswith("@example.invalid")
        coach = staff_by_username[person.coach_username]
        assert coach.role == "coach"
        assert organisation_area[coach.organisation_key] == person.area_code
        if person.benefit is None:
            assert person.paid_days_to_date == 0
        if person.benefit == "earnings_related_allowance":
            assert person.paid_days_to_date <= cal.MAX_ALLOWANCE_DAYS_AGED
        if today >= cal.GENERAL_SUPPORT_FROM:
            assert person.benefit not in {"labour_market_subsidy", "basic_allowance"}
        else:
            assert person.benefit != "general_support"
        most_days = days_searching(person, population) * 5 // 7
        assert person.paid_days_to_date <= most_days + cal.EARLIER_HISTORY_DAYS_LONG_TERM[1]

    caseloads = Counter(p.coach_username for p in population.people)
    assert max(caseloads.values(), default=0) <= cal.CASELOAD_MAX

    business_ids = [o.business_id for o in population.organisations]
    assert len(set(business_ids)) == len(business_ids)
    assert all(validate_business_id(b).valid for b in business_ids)
    assert len(organisation_area) == len(population.organisations)

    usernames = [s.username for s in population.staff]
    assert len(set(usernames)) == len(usernames)
    assert all(USERNAME.match(u) for u in usernames)
    assert all(s.organisation_key in organisation_area for s in population.staff)
    first_area = population.areas[0].code
    for role, username in DEMO_USERNAMES.items():
        member = staff_by_username[username]
        assert member.role == role
        assert organisation_area[member.organisation_key] == first_area


# --- Contract and determinism ------------------------------------------------------------------


def test_sizes_and_unknown_size():
    assert SIZES == ("small", "city", "national")
    with pytest.raises(ValueError, match="small, city, national"):
        generate("huge")


def test_same_seed_same_population_other_seed_differs():
    assert generate("small", seed=1, today=TODAY) == small(1)
    other = small(2)
    assert other.people != small(1).people
    assert [o.business_id for o in other.organisations] != [
        o.business_id for o in small(1).organisations
    ]


def test_today_defaults_to_the_current_date():
    assert generate("small", seed=3, scale=0.01).today == date.today()


def test_progress_is_reported_until_done():
    calls: list[tuple[int, int]] = []
    population = generate("small", seed=1, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (len(population.people), len(population.people))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) >= len(population.people) // 1_000


# --- The demo area -----------------------------------------------------------------------------


def test_small_is_the_demo_area():
    population = small()
    (area,) = population.areas
    assert (area.code, area.name, area.form) == ("DEMO", "Demo työllisyysalue", "lead_municipality")
    assert area.lead_municipality_code == "905"
    assert set(area.municipality_codes) == {"905", "499", "399", "946", "475", "152", "280", "545"}
    assert area.official_languages == ("fi", "sv")
    assert len(population.people) == cal.SMALL_JOBSEEKERS
    per_municipality = Counter(p.home_municipality_code for p in population.people)
    assert set(per_municipality) == set(area.municipality_codes)
    assert per_municipality["905"] == max(per_municipality.values())


def test_small_invariants():
    assert_invariants(small())


def test_demo_organisations_and_staff():
    population = small()
    kinds = Counter(o.kind for o in population.organisations)
    assert kinds["employment_authority"] == 1
    for kind in ("wellbeing_county", "kela", "education", "third_sector"):
        assert kinds[kind] == 1
    assert 2 <= kinds["employer"] <= 3
    authority = next(o for o in population.organisations if o.kind == "employment_authority")
    assert 3 <= len(authority.units) <= 4
    roles = Counter(s.role for s in population.staff)
    assert roles["unit_lead"] == len(authority.units)
    assert roles["statement_officer"] == 2
    assert roles["partner"] == 4
    assert roles["employer_user"] == kinds["employer"]
    assert roles["analyst"] == roles["area_admin"] == roles["auditor"] == 1
    people = len(population.people)
    assert people / 200 <= roles["coach"] <= people / 150 + 3
    assert "coach.demo.002" in {s.username for s in population.staff}
    languages = Counter(s.language for s in population.staff)
    assert languages["fi"] > languages["sv"] > 0
    assert 1 <= languages["en"] <= 2


# --- Calibration (small, seed 1) ----------------------------------------------------------------

CALIBRATION = [
    ("under_25", cal.UNDER_25_SHARE, 0.025),
    ("aged_55_plus", cal.AGED_55_PLUS_SHARE, 0.025),
    ("long_term", cal.LONG_TERM_SHARE, 0.03),
    ("two_years_or_more", cal.TWO_YEAR_SHARE, 0.03),
    ("foreign_citizens", cal.FOREIGN_SHARE_ELSEWHERE, 0.02),
    ("women_among_foreign", cal.FOREIGN_WOMEN_SHARE, 0.05),
    ("men", cal.MALE_SHARE, 0.03),
    ("laid_off", cal.LAID_OFF_SHARE, 0.015),
    ("part_time", cal.PART_TIME_SHARE, 0.015),
    *[(f"education_{level}", share, 0.03) for level, share in cal.EDUCATION_SHARES.items()],
    *[(f"occupation_{g}", share, 0.03) for g, share in cal.OCCUPATION_MAJOR_SHARES.items()],
]


@pytest.mark.parametrize(("figure", "target", "tolerance"), CALIBRATION)
def test_small_calibration(figure, target, tolerance):
    measured = calibration_figures(small()).get(figure, 0.0)
    assert abs(measured - target) <= tolerance, f"{figure}: {measured:.3f} vs {target:.3f}"


def test_foreign_language_share_exceeds_foreign_citizen_share():
    figures = calibration_figures(small())
    assert figures["foreign_language"] > figures["foreign_citizens"]


def test_long_term_lean_to_occupation_groups_5_7_9():
    population = small()

    def share_579(long_term: bool) -> float:
        group = [
            p for p in population.people if (days_searching(p, population) >= 365) == long_term
        ]
        hits = sum(
            1 for p in group if p.last_occupation_isco and p.last_occupation_isco[0] in "579"
        )
        return hits / len(group)

    assert share_579(True) > share_579(False) + 0.05


def test_swedish_service_follows_swedish_majority():
    population = small()

    def swedish_service(codes: set[str]) -> float:
        group = [p for p in population.people if p.home_municipality_code in codes]
        return sum(p.language == "sv" for p in group) / len(group)

    assert swedish_service({"280", "545", "946", "475"}) > 0.5 > swedish_service({"399", "152"})
    assert {"fi", "sv", "en"} <= {p.language for p in population.people}


def test_benefits_follow_the_law_in_force():
    before = Counter(p.benefit for p in small(1, BEFORE_GENERAL_SUPPORT).people)
    after = Counter(p.benefit for p in small().people)
    assert before["labour_market_subsidy"] and before["basic_allowance"]
    assert not before["general_support"]
    assert after["general_support"] and after["earnings_related_allowance"] and after[None]
    assert not after["labour_market_subsidy"] and not after["basic_allowance"]


def test_both_old_and_new_century_signs_are_used():
    signs = Counter(p.hetu[6] for p in small().people)
    assert signs["-"] and signs["Y"]


# --- Other sizes ----------------------------------------------------------------------------


def test_city_is_helsinki_with_more_foreign_citizens():
    population = generate("city", seed=1, today=TODAY, scale=0.2)
    (area,) = population.areas
    assert (area.form, area.municipality_codes) == ("single_municipality", ("091",))
    assert len(population.people) == round(cal.CITY_JOBSEEKERS * 0.2)
    figures = calibration_figures(population)
    assert abs(figures["foreign_citizens"] - cal.FOREIGN_SHARE_HELSINKI) <= 0.02
    assert_invariants(population)


def test_national_plan_covers_mainland_finland():
    plans = geography.plan("national", 1.0)
    assert len(plans) == geography.NATIONAL_AREA_COUNT
    assert sum(area.jobseekers for area in plans) == cal.NATIONAL_JOBSEEKERS
    codes = [code for area in plans for code in area.record.municipality_codes]
    mainland = {m.code for m in refdata.mainland_municipalities()}
    assert sorted(codes) == sorted(mainland)
    assert "478" not in codes  # Maarianhamina, Åland
    forms = Counter(area.record.form for area in plans)
    assert forms == {"lead_municipality": 39, "single_municipality": 4, "joint_authority": 2}
    singles = {
        a.record.lead_municipality_code for a in plans if a.record.form == "single_municipality"
    }
    assert singles == {"091", "092", "398", "286"}
    regions = refdata.municipalities()
    for area in plans:
        assert len({regions[c].region_code for c in area.record.municipality_codes}) == 1
        assert area.record.lead_municipality_code in area.record.municipality_codes


def test_national_population_at_reduced_scale():
    population = generate("national", seed=1, today=TODAY, scale=0.02)
    assert len(population.areas) == 45
    assert_invariants(population)
    figures = calibration_figures(population)
    assert abs(figures["foreign_citizens"] - 0.16) <= 0.02


# --- Data files -------------------------------------------------------------------------------


def test_demo_table_agrees_with_the_language_list():
    for row in refdata.demo_area():
        listed = refdata.language_status(row.code)
        assert listed.official_languages == row.language.official_languages
        assert listed.swedish_share == pytest.approx(row.language.swedish_share, abs=0.02)
    assert {r.register_rate_pct for r in refdata.demo_area()} >= {8, 16}


def test_calibration_mixes_add_up():
    for mix in (
        {(first, last): share for first, last, share in cal.AGE_BANDS},
        cal.EDUCATION_SHARES,
        cal.OCCUPATION_MAJOR_SHARES,
        *cal.MOTHER_TONGUES_BY_CITIZENSHIP.values(),
    ):
        assert sum(mix.values()) == pytest.approx(1.0, abs=0.002)
    for mix in (*cal.education_mix_by_age(), *cal.occupation_mix_by_duration()):
        assert min(mix.values()) >= 0
        assert sum(mix.values()) == pytest.approx(1.0)
    assert set(cal.FOREIGN_CITIZENSHIPS) == set(cal.MOTHER_TONGUES_BY_CITIZENSHIP)


# --- Properties -------------------------------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10_000), size=st.sampled_from(SIZES))
def test_invariants_hold_for_any_seed(seed, size):
    scale = {"small": 0.05, "city": 0.01, "national": 0.002}[size]
    assert_invariants(generate(size, seed=seed, today=TODAY, scale=scale))


@settings(max_examples=10, deadline=None)
@given(today=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)))
def test_invariants_hold_on_any_day(today):
    assert_invariants(generate("small", seed=7, today=today, scale=0.05))
