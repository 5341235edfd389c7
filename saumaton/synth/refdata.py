"""Read the reference CSVs (municipalities, postcodes, ISCO-08) and the generator's own tables.

Files are located relative to the installed package, so the generator works from a wheel and
from any working directory. Each table is parsed once per process (``functools.cache``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = PACKAGE_DIR.parent / "reference" / "data"
SYNTH_DATA_DIR = PACKAGE_DIR / "data"
ALAND_REGION_CODE = "FI200"


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality row of ``municipalities.csv``; lat, lon and population may be missing."""

    code: str
    name_fi: str
    name_sv: str
    region_code: str
    region_fi: str
    lat: float | None
    lon: float | None
    place_population: int | None


@dataclass(frozen=True, slots=True)
class LanguageStatus:
    """Official language status of a municipality and its approximate Swedish-speaking share."""

    official_languages: tuple[str, ...]  # majority language first
    swedish_share: float

    @property
    def swedish_majority(self) -> bool:
        return self.official_languages[0] == "sv"


FINNISH_ONLY = LanguageStatus(("fi",), 0.0)


@dataclass(frozen=True, slots=True)
class DemoMunicipality:
    """A row of the hand-made demo-area table (``data/demo_area.csv``)."""

    code: str
    population: int
    language: LanguageStatus
    register_rate_pct: float


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _optional_float(text: str) -> float | None:
    return float(text) if text else None


@cache
def municipalities() -> dict[str, Municipality]:
    """All 309 municipalities by code, Åland included."""
    return {
        row["code"]: Municipality(
            code=row["code"],
            name_fi=row["name_fi"],
            name_sv=row["name_sv"],
            region_code=row["region_code"],
            region_fi=row["region_fi"],
            lat=_optional_float(row["lat"]),
            lon=_optional_float(row["lon"]),
            place_population=int(row["place_population"]) if row["place_population"] else None,
        )
        for row in _rows(REFERENCE_DIR / "municipalities.csv")
    }


def mainland_municipalities() -> list[Municipality]:
    """Municipalities outside Åland (region FI200), in code order."""
    return [m for m in municipalities().values() if m.region_code != ALAND_REGION_CODE]


@cache
def postcodes_by_municipality() -> dict[str, tuple[str, ...]]:
    """Ordinary (geographic) postcodes per municipality code, sorted."""
    result: dict[str, list[str]] = {}
    for row in _rows(REFERENCE_DIR / "postcodes.csv"):
        result.setdefault(row["municipality_code"], []).append(row["postcode"])
    return {code: tuple(sorted(codes)) for code, codes in result.items()}


@cache
def isco_unit_groups() -> dict[str, tuple[str, ...]]:
    """4-digit ISCO-08 unit groups per major group digit, sorted."""
    result: dict[str, list[str]] = {}
    for row in _rows(REFERENCE_DIR / "isco08.csv"):
        if row["level"] == "4":
            result.setdefault(row["code"][0], []).append(row["code"])
    return {major: tuple(sorted(codes)) for major, codes in result.items()}


def _language_status(official: str, swedish_share: str) -> LanguageStatus:
    return LanguageStatus(tuple(official.split()), float(swedish_share))


@cache
def language_statuses() -> dict[str, LanguageStatus]:
    """Mainland municipalities that are bilingual or Swedish (``data/languages.csv``).

    Municipalities not listed are unilingual Finnish (``FINNISH_ONLY``).
    """
    return {
        row["code"]: _language_status(row["official_languages"], row["swedish_share_approx"])
        for row in _rows(SYNTH_DATA_DIR / "languages.csv")
    }


def language_status(code: str) -> LanguageStatus:
    return language_statuses().get(code, FINNISH_ONLY)


@cache
def demo_area() -> tuple[DemoMunicipality, ...]:
    """The demo area's municipalities in file order (lead municipality first)."""
    return tuple(
        DemoMunicipality(
            code=row["code"],
            population=int(row["population_approx"]),
            language=_language_status(row["official_languages"], row["swedish_share_approx"]),
            register_rate_pct=float(row["register_rate_pct"]),
        )
        for row in _rows(SYNTH_DATA_DIR / "demo_area.csv")
    )
