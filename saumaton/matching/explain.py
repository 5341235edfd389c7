"""Render a match reason as a sentence in Finnish, Swedish or English.

Reasons are data (``code``, ``contribution``, params) so that the API can ship them and each
door renders them in the reader's language; this module is the one place with the wording.
Occupation and skill codes are shown as codes: labels come from the reference tables, which the
Django side renders around this text.
"""

from __future__ import annotations

from saumaton.matching.reasons import Reason

LANGUAGES = ("fi", "sv", "en")

LEVEL_WORDS = {
    "fi": {
        "unit_group": "samassa ammatissa",
        "minor_group": "samassa ammattiryhmässä",
        "sub_major_group": "samassa ammattialassa",
    },
    "sv": {
        "unit_group": "i samma yrke",
        "minor_group": "i samma yrkesgrupp",
        "sub_major_group": "inom samma yrkesområde",
    },
    "en": {
        "unit_group": "in the same occupation",
        "minor_group": "in the same occupation group",
        "sub_major_group": "in the same occupational field",
    },
}

TEMPLATES = {
    "fi": {
        "occupation_experience": "Kokemusta {level_words} (ISCO {isco}): {years} v, "
        "viimeksi {last_year}",
        "desired_occupation": "Toiveammatti {level_words} (ISCO {isco})",
        "required_skills": "Osaa {count}/{total} vaaditusta osaamisesta",
        "preferred_skills": "Osaa {count}/{total} toivotusta osaamisesta",
        "education_met": "Koulutus täyttää vaatimuksen (ISCED {minimum})",
        "education_below": "Koulutus alle vaatimuksen (ISCED {level} < {minimum})",
        "distance": "Etäisyys {km} km",
        "remote": "Etätyö, jota henkilö hakee",
    },
    "sv": {
        "occupation_experience": "Erfarenhet {level_words} (ISCO {isco}): {years} år, "
        "senast {last_year}",
        "desired_occupation": "Önskat yrke {level_words} (ISCO {isco})",
        "required_skills": "Har {count} av {total} krävda kompetenser",
        "preferred_skills": "Har {count} av {total} önskade kompetenser",
        "education_met": "Utbildningen uppfyller kravet (ISCED {minimum})",
        "education_below": "Utbildningen under kravet (ISCED {level} < {minimum})",
        "distance": "Avstånd {km} km",
        "remote": "Distansarbete som personen söker",
    },
    "en": {
        "occupation_experience": "Experience {level_words} (ISCO {isco}): {years} yrs, "
        "last in {last_year}",
        "desired_occupation": "Desired occupation {level_words} (ISCO {isco})",
        "required_skills": "Has {count} of {total} required skills",
        "preferred_skills": "Has {count} of {total} preferred skills",
        "education_met": "Education meets the requirement (ISCED {minimum})",
        "education_below": "Education below the requirement (ISCED {level} < {minimum})",
        "distance": "Distance {km} km",
        "remote": "Remote work the person accepts",
    },
}


def explain(reason: Reason, language: str) -> str:
    """``reason`` as one sentence in ``language`` (fi, sv or en) with its signed points."""
    if language not in TEMPLATES:
        raise ValueError(f"unsupported language {language!r}; use one of {', '.join(LANGUAGES)}")
    params = dict(reason.params)
    if "level" in params and reason.code in ("occupation_experience", "desired_occupation"):
        params["level_words"] = LEVEL_WORDS[language][params["level"]]
    if "matched" in params:
        params["count"] = len(params["matched"])
    if params.get("level") is None:
        params["level"] = "?"
    for name in ("years", "km"):
        if name in params:
            params[name] = _number(params[name], language)
    text = TEMPLATES[language][reason.code].format(**params)
    return f"{text} ({reason.contribution * 100:+.0f})"


def _number(value: float, language: str) -> str:
    """One decimal at most, with the decimal comma of Finnish and Swedish."""
    text = f"{value:.1f}".removesuffix(".0")
    return text if language == "en" else text.replace(".", ",")
