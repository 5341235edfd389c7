"""Plain input records of the matching engine and their parsing from JSON dicts.

``JobseekerProfile`` and ``Vacancy`` carry exactly the fields the engine may use (issue 6,
the CLI/API export schema) and nothing else. Protected traits (age or birth date, sex, origin,
citizenship, mother tongue as such) are not fields at all, so no code path can feed them into a
score: this is the "by construction" half of the fairness guarantee; the other half is a test.
A language known natively is an ordinary language skill at level ``native``.

Parsing collects every problem with the JSON path of the field (``languages[1].level``), so an
import can report all mistakes of a line at once. Unknown keys are ignored: exports carry more
than the engine needs, and ignoring them is what keeps e.g. ``birth_date`` out of the engine.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from saumaton.matching import vocabulary as voc


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One problem with one field of one record; ``path`` is JSON-path-like (``a.b[2].c``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class RecordError(ValueError):
    """A record failed validation; ``problems`` lists every field at fault."""

    def __init__(self, problems: list[FieldProblem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Location:
    municipality: str  # Statistics Finland municipality code, e.g. "091"
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Occupation:
    """A past occupation: ISCO-08 unit group, years worked in it, the last calendar year."""

    isco: str
    years: float
    last_year: int


@dataclass(frozen=True, slots=True)
class LanguageSkill:
    code: str  # ISO 639-1
    level: str  # one of vocabulary.CEFR_LEVELS

    @property
    def rank(self) -> int:
        return voc.CEFR_RANK[self.level]


@dataclass(frozen=True, slots=True)
class JobseekerProfile:
    """What a jobseeker's published profile says, as far as matching needs it.

    ``work_time`` lists the working times the person accepts; empty means no restriction.
    ``education_level`` is an ISCED 2011 level (0–8) or None when unknown.
    """

    id: str | int
    location: Location
    max_commute_km: float
    accepts_remote: bool
    occupations: tuple[Occupation, ...]
    desired_occupations: tuple[str, ...]
    skills: tuple[str, ...]
    languages: tuple[LanguageSkill, ...]
    licences: tuple[str, ...]
    education_level: int | None
    work_time: tuple[str, ...]
    limitations: tuple[str, ...]

    @classmethod
    def from_json(cls, data: Any) -> JobseekerProfile:
        r = _Reader(data)
        profile = cls(
            id=r.identifier("id"),
            location=r.location("location"),
            max_commute_km=r.number("max_commute_km", minimum=0.0),
            accepts_remote=r.boolean("accepts_remote"),
            occupations=r.items("occupations", _occupation),
            desired_occupations=r.codes("desired_occupations", _isco),
            skills=r.codes("skills", _skill),
            languages=r.languages("languages"),
            licences=r.codes("licences", _member(voc.LICENCES)),
            education_level=r.education("education_level"),
            work_time=r.codes("work_time", _member(voc.WORK_TIMES)),
            limitations=r.codes("limitations", _member(voc.LIMITATIONS)),
        )
        r.raise_if_invalid()
        return profile

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "location": _location_json(self.location),
            "max_commute_km": self.max_commute_km,
            "accepts_remote": self.accepts_remote,
            "occupations": [
                {"isco": o.isco, "years": o.years, "last_year": o.last_year}
                for o in self.occupations
            ],
            "desired_occupations": list(self.desired_occupations),
            "skills": list(self.skills),
            "languages": [{"code": s.code, "level": s.level} for s in self.languages],
            "licences": list(self.licences),
            "education_level": self.education_level,
            "work_time": list(self.work_time),
            "limitations": list(self.limitations),
        }


@dataclass(frozen=True, slots=True)
class Vacancy:
    """An open vacancy as far as matching needs it.

    ``education_level_min`` is an ISCED 2011 level or None (no minimum). ``remote`` is
    ``on_site``, ``hybrid`` or ``remote``; only ``remote`` lifts the commute limit.
    """

    id: str | int
    location: Location
    remote: str
    occupation: str
    required_skills: tuple[str, ...]
    preferred_skills: tuple[str, ...]
    languages: tuple[LanguageSkill, ...]
    licences: tuple[str, ...]
    education_level_min: int | None
    work_time: str
    demands: tuple[str, ...]

    @classmethod
    def from_json(cls, data: Any) -> Vacancy:
        r = _Reader(data)
        vacancy = cls(
            id=r.identifier("id"),
            location=r.location("location"),
            remote=r.code("remote", _member(voc.REMOTE_MODES)),
            occupation=r.code("occupation", _isco),
            required_skills=r.codes("required_skills", _skill),
            preferred_skills=r.codes("preferred_skills", _skill),
            languages=r.languages("languages"),
            licences=r.codes("licences", _member(voc.LICENCES)),
            education_level_min=r.education("education_level_min"),
            work_time=r.code("work_time", _member(voc.WORK_TIMES)),
            demands=r.codes("demands", _member(voc.DEMANDS)),
        )
        r.raise_if_invalid()
        return vacancy

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "location": _location_json(self.location),
            "remote": self.remote,
            "occupation": self.occupation,
            "required_skills": list(self.required_skills),
            "preferred_skills": list(self.preferred_skills),
            "languages": [{"code": s.code, "level": s.level} for s in self.languages],
            "licences": list(self.licences),
            "education_level_min": self.education_level_min,
            "work_time": self.work_time,
            "demands": list(self.demands),
        }


def _location_json(location: Location) -> dict[str, Any]:
    return {"municipality": location.municipality, "lat": location.lat, "lon": location.lon}


# ---- validation --------------------------------------------------------------------------

# A code check returns None when the value is fine, else the problem's message.
CodeCheck = Callable[[Any], "str | None"]


def _member(allowed: tuple[str, ...]) -> CodeCheck:
    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        return f"unknown code {value!r}; allowed: {', '.join(allowed)}"

    return check


def _isco(value: Any) -> str | None:
    if isinstance(value, str) and voc.ISCO_UNIT_GROUP.match(value):
        return None
    return f"expected a 4-digit ISCO-08 unit group as a string, got {value!r}"


def _skill(value: Any) -> str | None:
    if isinstance(value, str) and voc.ESCO_SKILL_ID.match(value):
        return None
    return f"expected an ESCO skill id (UUID), got {value!r}"


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


class _Reader:
    """Reads typed fields out of one JSON object, collecting problems instead of failing."""

    def __init__(self, data: Any):
        self.problems: list[FieldProblem] = []
        if not isinstance(data, Mapping):
            self.problems.append(FieldProblem("$", "expected a JSON object"))
            data = {}
        self.data = data

    def raise_if_invalid(self) -> None:
        if self.problems:
            raise RecordError(self.problems)

    def _problem(self, path: str, message: str) -> None:
        self.problems.append(FieldProblem(path, message))

    def _get(self, key: str, source: Mapping | None = None, path: str | None = None) -> Any:
        source = self.data if source is None else source
        if key not in source:
            self._problem(path or key, "required field is missing")
            return None
        return source[key]

    def identifier(self, key: str) -> str | int:
        value = self._get(key)
        if (isinstance(value, str) and value) or (
            isinstance(value, int) and not isinstance(value, bool)
        ):
            return value
        if value is not None:
            self._problem(key, "expected a non-empty string or an integer")
        return ""

    def number(
        self, key: str, *, minimum: float, source: Mapping | None = None, path: str | None = None
    ) -> float:
        path = path or key
        value = self._get(key, source, path)
        if value is None:
            return 0.0
        if not _is_number(value):
            self._problem(path, f"expected a number, got {value!r}")
            return 0.0
        if value < minimum:
            self._problem(path, f"must be at least {minimum:g}")
        return float(value)

    def boolean(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            if value is not None:
                self._problem(key, f"expected true or false, got {value!r}")
            return False
        return value

    def code(self, key: str, check: CodeCheck) -> str:
        value = self._get(key)
        if value is None:
            return ""
        message = check(value)
        if message:
            self._problem(key, message)
            return ""
        return value

    def _list(self, key: str) -> list:
        value = self._get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._problem(key, "expected a list")
            return []
        return value

    def codes(self, key: str, check: CodeCheck) -> tuple[str, ...]:
        result: list[str] = []
        for index, value in enumerate(self._list(key)):
            message = check(value)
            if message:
                self._problem(f"{key}[{index}]", message)
            elif value in result:
                self._problem(f"{key}[{index}]", f"duplicate {value!r}")
            else:
                result.append(value)
        return tuple(result)

    def items(self, key: str, parse: Callable[[_Reader, Mapping, str], Any]) -> tuple:
        result = []
        for index, value in enumerate(self._list(key)):
            path = f"{key}[{index}]"
            if not isinstance(value, Mapping):
                self._problem(path, "expected a JSON object")
                continue
            item = parse(self, value, path)
            if item is not None:
                result.append(item)
        return tuple(result)

    def location(self, key: str) -> Location:
        value = self._get(key)
        if value is None:
            return Location("", 0.0, 0.0)
        if not isinstance(value, Mapping):
            self._problem(key, "expected a JSON object with municipality, lat and lon")
            return Location("", 0.0, 0.0)
        municipality = self._get("municipality", value, f"{key}.municipality")
        if municipality is not None and not (isinstance(municipality, str) and municipality):
            self._problem(f"{key}.municipality", "expected a municipality code as a string")
        lat = self.number("lat", minimum=-90.0, source=value, path=f"{key}.lat")
        lon = self.number("lon", minimum=-180.0, source=value, path=f"{key}.lon")
        if lat > 90:
            self._problem(f"{key}.lat", "must be at most 90")
        if lon > 180:
            self._problem(f"{key}.lon", "must be at most 180")
        return Location(municipality if isinstance(municipality, str) else "", lat, lon)

    def languages(self, key: str) -> tuple[LanguageSkill, ...]:
        skills = self.items(key, _language)
        seen: set[str] = set()
        for index, skill in enumerate(skills):
            if skill.code in seen:
                self._problem(f"{key}[{index}].code", f"duplicate language {skill.code!r}")
            seen.add(skill.code)
        return skills

    def education(self, key: str) -> int | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in voc.ISCED_LEVELS:
            self._problem(key, f"expected an ISCED 2011 level 0–8 or null, got {value!r}")
            return None
        return value


def _occupation(reader: _Reader, data: Mapping, path: str) -> Occupation | None:
    before = len(reader.problems)
    isco = data.get("isco")
    if "isco" not in data:
        reader._problem(f"{path}.isco", "required field is missing")
    elif message := _isco(isco):
        reader._problem(f"{path}.isco", message)
    years = reader.number("years", minimum=0.0, source=data, path=f"{path}.years")
    last_year = data.get("last_year")
    if "last_year" not in data:
        reader._problem(f"{path}.last_year", "required field is missing")
    elif isinstance(last_year, bool) or not isinstance(last_year, int):
        reader._problem(f"{path}.last_year", f"expected a year as an integer, got {last_year!r}")
    if len(reader.problems) > before:
        return None
    return Occupation(isco=isco, years=years, last_year=last_year)


def _language(reader: _Reader, data: Mapping, path: str) -> LanguageSkill | None:
    before = len(reader.problems)
    code, level = data.get("code"), data.get("level")
    if not (isinstance(code, str) and voc.LANGUAGE_CODE.match(code)):
        reader._problem(f"{path}.code", f"expected an ISO 639-1 code such as 'fi', got {code!r}")
    if level not in voc.CEFR_LEVELS:
        reader._problem(
            f"{path}.level", f"expected one of {', '.join(voc.CEFR_LEVELS)}, got {level!r}"
        )
    if len(reader.problems) > before:
        return None
    return LanguageSkill(code=code, level=level)
