"""Reasons render in Finnish, Swedish and English, for every reason code."""

from __future__ import annotations

import pytest

from saumaton.matching.explain import TEMPLATES, explain
from saumaton.matching.reasons import Reason

EXAMPLES = [
    Reason(
        "occupation_experience",
        0.31,
        {"isco": "5223", "vacancy_isco": "5223", "level": "unit_group", "years": 6.5,
         "last_year": 2025},
    ),
    Reason("desired_occupation", 0.05, {"isco": "5223", "level": "minor_group"}),
    Reason("required_skills", 0.2, {"matched": ["a", "b"], "total": 5}),
    Reason("preferred_skills", 0.04, {"matched": ["c"], "total": 2}),
    Reason("education_met", 0.05, {"level": 6, "minimum": 6}),
    Reason("education_below", -0.07, {"level": None, "minimum": 6}),
    Reason("distance", 0.1, {"km": 12.3}),
    Reason("remote", 0.15, {}),
]  # fmt: skip


def test_every_code_has_an_example():
    assert {r.code for r in EXAMPLES} == set(TEMPLATES["en"])
    assert set(TEMPLATES["fi"]) == set(TEMPLATES["sv"]) == set(TEMPLATES["en"])


@pytest.mark.parametrize("reason", EXAMPLES, ids=lambda r: r.code)
def test_renders_in_three_languages(reason):
    texts = {language: explain(reason, language) for language in ("fi", "sv", "en")}
    assert len(set(texts.values())) == 3
    for text in texts.values():
        assert "{" not in text and text.strip()


def test_examples():
    assert explain(EXAMPLES[0], "fi") == (
        "Kokemusta samassa ammatissa (ISCO 5223): 6,5 v, viimeksi 2025 (+31)"
    )
    assert explain(EXAMPLES[2], "sv") == "Har 2 av 5 krävda kompetenser (+20)"
    assert explain(EXAMPLES[6], "en") == "Distance 12.3 km (+10)"


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError):
        explain(EXAMPLES[0], "de")
