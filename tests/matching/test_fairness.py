"""Protected traits cannot change a ranking: they are not inputs, by construction and by test."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache

from saumaton.matching import JobseekerProfile, MatchIndex
from saumaton.synth.generator import generate
from saumaton.synth.matching_data import build_matching_data

TODAY = date(2026, 6, 1)
PROTECTED = {
    "age", "birth_date", "sex", "gender", "origin", "ethnicity", "citizenship", "nationality",
    "mother_tongue", "religion", "hetu", "first_name", "last_name", "name",
}  # fmt: skip


@cache
def population():
    return generate("small", 3, TODAY, scale=0.05)


def test_profile_has_no_protected_fields():
    assert not {f.name for f in dataclasses.fields(JobseekerProfile)} & PROTECTED


def test_protected_keys_in_input_are_ignored():
    data = build_matching_data(population())
    profile = data.profiles[0]
    raw = profile.to_json() | {"age": 61, "sex": "female", "citizenship": "SO", "origin": "x"}
    assert JobseekerProfile.from_json(raw) == profile


def _swap_traits(person, index):
    """Another birth date, sex, citizenship, names and identity code; for speakers of other
    languages also another other-language mother tongue (Finnish and Swedish speakers keep
    theirs, since that is their language skill)."""
    others = ["ar", "ru", "so", "et", "uk"]
    tongue = person.mother_tongue
    if tongue not in ("fi", "sv", "en"):
        tongue = next(t for t in others if t != tongue)
    return dataclasses.replace(
        person,
        birth_date=date(1960 + index % 40, 1 + index % 12, 1 + index % 28),
        sex="female" if person.sex == "male" else "male",
        citizenship="SE" if person.citizenship == "FI" else "FI",
        first_name="Toinen",
        last_name="Henkilö",
        hetu="010101-900X",
        mother_tongue=tongue,
    )


def _rankings(data):
    index = MatchIndex(data.profiles, data.vacancies, current_year=TODAY.year)
    by_person = {p.id: [(m.id, m.score) for m in index.vacancies_for(p.id)] for p in data.profiles}
    by_vacancy = {
        v.id: [(m.id, m.score) for m in index.jobseekers_for(v.id)] for v in data.vacancies
    }
    return by_person, by_vacancy


def _without_native(profile):
    return dataclasses.replace(
        profile, languages=tuple(s for s in profile.languages if s.level != "native")
    )


def test_protected_traits_cannot_change_rankings():
    original = population()
    people = tuple(_swap_traits(p, i) for i, p in enumerate(original.people))
    changed = dataclasses.replace(original, people=people)
    before, after = build_matching_data(original), build_matching_data(changed)
    # The profiles are the same except, for other-language speakers, the code of the native
    # language; no generated vacancy asks for those languages.
    assert [_without_native(p) for p in before.profiles] == [
        _without_native(p) for p in after.profiles
    ]
    assert not {s.code for v in before.vacancies for s in v.languages} - {"fi", "sv", "en"}
    assert before.vacancies == after.vacancies
    assert _rankings(before) == _rankings(after)
