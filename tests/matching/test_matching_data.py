"""The synthetic matching data: deterministic, valid, plausible in size and mix."""

from __future__ import annotations

from datetime import date

import numpy as np

from saumaton.matching import JobseekerProfile, Vacancy
from saumaton.synth.generator import generate
from saumaton.synth.matching_data import build_matching_data

TODAY = date(2026, 6, 1)


def test_deterministic_by_seed():
    a = build_matching_data(generate("small", 5, TODAY, scale=0.05))
    b = build_matching_data(generate("small", 5, TODAY, scale=0.05))
    c = build_matching_data(generate("small", 6, TODAY, scale=0.05))
    assert a.profiles == b.profiles and a.vacancies == b.vacancies
    assert a.profiles != c.profiles
    rows = np.arange(len(a.vacancies))
    assert np.array_equal(a.truth.suitability(3, rows), b.truth.suitability(3, rows))


def test_records_round_trip_through_the_schema():
    data = build_matching_data(generate("small", 1, TODAY, scale=0.05))
    for profile in data.profiles:
        assert JobseekerProfile.from_json(profile.to_json()) == profile
    for vacancy in data.vacancies:
        assert Vacancy.from_json(vacancy.to_json()) == vacancy


def test_small_area_has_the_demo_number_of_vacancies():
    data = build_matching_data(generate("small", 1, TODAY))
    assert 1_200 <= len(data.vacancies) <= 1_600
    limited = sum(1 for p in data.profiles if p.limitations) / len(data.profiles)
    assert 0.05 < limited < 0.25
