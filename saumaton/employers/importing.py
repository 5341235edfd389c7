"""Bulk import of vacancies from CSV or JSON: every line checked, all or nothing.

Why all or nothing: an employer's or a job board's file is one delivery; half of it in the
database would leave the sender unsure what to resend. Every problem of every line is reported
(line number, column, message) and nothing is written unless the whole file is clean, the style
of ``reference.loaders`` and ``analytics.kela``.

Columns (CSV header or JSON object keys; lists in CSV are ``;``-separated, languages
``fi:B2;en:B1``): ``employer_business_id`` (Y-tunnus of an employer organisation of the area),
``reference``, ``title_fi|sv|en`` (at least one), ``description_fi|sv|en``, ``occupation``
(ISCO-08 unit group), ``required_skills``, ``preferred_skills`` (ESCO skill ids),
``languages``, ``licences``, ``education_level_min`` (ISCED 0–8), ``location`` (the id of one
of the employer's locations, which then gives the place) or ``municipality`` (code) and/or
``postcode``, ``remote``, ``work_time``, ``demands``, ``duration_months``, ``start_date``,
``deadline`` (ISO dates), ``wage_subsidy_eligible`` (true/false), ``status`` (draft/published).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from saumaton.matching import vocabulary as voc
from saumaton.organisations.models import Organisation
from saumaton.reference.models import EscoSkill, IscoGroup, Municipality, Postcode

from .index import journal
from .models import EmployerLocation, IndexChange, Vacancy

LIST_FIELDS = ("required_skills", "preferred_skills", "licences", "demands")
IMPORT_STATUSES = (Vacancy.Status.DRAFT, Vacancy.Status.PUBLISHED)
TRUE, FALSE = ("true", "1", "yes", "kyllä"), ("false", "0", "no", "ei", "")


@dataclass(frozen=True)
class LineError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.message}"


class VacancyImportError(Exception):
    def __init__(self, errors: list[LineError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def read_rows(text: str, filename: str) -> list[tuple[int, dict[str, Any]]]:
    """(line, row) pairs; JSON is a list of objects and a record's "line" is its position."""
    if filename.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise VacancyImportError([LineError(exc.lineno, "$", f"not JSON: {exc.msg}")]) from exc
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise VacancyImportError([LineError(1, "$", "expected a JSON list of objects")])
        return [(number, row) for number, row in enumerate(data, start=1)]
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, row) for row in reader]


class _Checker:
    """Reference data the rows are checked against, fetched once for the whole file."""

    def __init__(self, area, rows: list[dict[str, Any]]):
        self.employers = {
            o.business_id: o
            for o in Organisation.objects.filter(area=area, kind=Organisation.Kind.EMPLOYER)
        }
        self.isco = set(IscoGroup.objects.filter(level=4).values_list("code", flat=True))
        wanted = {
            s
            for row in rows
            for f in ("required_skills", "preferred_skills")
            for s in _list(row.get(f))
        }
        valid_ids = {s for s in wanted if voc.ESCO_SKILL_ID.match(s)}
        self.skills = {
            str(i) for i in EscoSkill.objects.filter(id__in=valid_ids).values_list("id", flat=True)
        }
        self.municipalities = {m.code: m for m in Municipality.objects.all()}
        self.postcodes = dict(Postcode.objects.values_list("postcode", "municipality_id"))
        location_ids = {_location_id(row) for row in rows} - {None}
        self.locations = {
            location.pk: location
            for location in EmployerLocation.objects.filter(pk__in=location_ids)
        }


def _list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _text(row, key) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def parse(area, rows: list[tuple[int, dict[str, Any]]]) -> list[Vacancy]:
    """Unsaved vacancies for every row, or ``VacancyImportError`` listing every problem."""
    checker = _Checker(area, [row for _, row in rows])
    errors: list[LineError] = []
    vacancies = []
    for line, row in rows:
        before = len(errors)
        vacancy = _vacancy(line, row, checker, errors)
        if len(errors) == before:
            vacancies.append(vacancy)
    if not rows:
        errors.append(LineError(1, "$", "the file has no vacancies"))
    if errors:
        raise VacancyImportError(errors)
    return vacancies


def check_one(
    area, row: dict[str, Any], statuses=IMPORT_STATUSES, kept_location: int | None = None
) -> Vacancy:
    """One unsaved vacancy from one row, by the same rules as a file (``VacancyImportError``
    lists every problem). The vacancy form and the API use this, so the rules of a valid
    vacancy live in one place; ``statuses`` are those the caller may set, ``kept_location``
    the location an edited vacancy already points at (it may stay although retired)."""
    errors: list[LineError] = []
    vacancy = _vacancy(1, row, _Checker(area, [row]), errors, statuses, kept_location)
    if errors:
        raise VacancyImportError(errors)
    return vacancy


def _vacancy(
    line: int,
    row: dict,
    checker: _Checker,
    errors: list[LineError],
    statuses=IMPORT_STATUSES,
    kept_location: int | None = None,
) -> Vacancy:
    def problem(column, message):
        errors.append(LineError(line, column, message))

    employer = checker.employers.get(_text(row, "employer_business_id"))
    if employer is None:
        problem("employer_business_id", "no employer with this business ID in the area")
    titles = {lang: _text(row, f"title_{lang}") for lang in ("fi", "sv", "en")}
    if not any(titles.values()):
        problem("title_fi", "give a title in at least one language")
    for lang, title in titles.items():
        if len(title) > 200:
            problem(f"title_{lang}", "at most 200 characters")
    occupation = _text(row, "occupation")
    if occupation not in checker.isco:
        problem("occupation", f"{occupation!r} is not an ISCO-08 unit group (4 digits)")
    lists = {f: _list(row.get(f)) for f in LIST_FIELDS}
    for f in ("required_skills", "preferred_skills"):
        for skill in lists[f]:
            if skill not in checker.skills:
                problem(f, f"{skill!r} is not an ESCO skill id")
    for f, allowed in (("licences", voc.LICENCES), ("demands", voc.DEMANDS)):
        for code in lists[f]:
            if code not in allowed:
                problem(f, f"unknown code {code!r}; allowed: {', '.join(allowed)}")
    languages = _languages(row.get("languages"), problem)
    education = _integer(row, "education_level_min", problem, 0, 8)
    location = None
    if not _text(row, "location"):
        municipality, lat, lon = _place(row, checker, problem)
        postcode = _text(row, "postcode")
    elif location := _location(row, employer, checker, problem, kept_location):
        municipality, lat, lon = location.municipality_id, location.lat, location.lon
        postcode = location.postcode
    else:  # refused: the problem is reported and nothing is saved
        municipality, lat, lon, postcode = "", 0.0, 0.0, ""
    remote = _text(row, "remote") or "on_site"
    if remote not in voc.REMOTE_MODES:
        problem("remote", f"one of {', '.join(voc.REMOTE_MODES)}")
    work_time = _text(row, "work_time") or "full_time"
    if work_time not in voc.WORK_TIMES:
        problem("work_time", f"one of {', '.join(voc.WORK_TIMES)}")
    status = _text(row, "status") or "published"
    if status not in statuses:
        problem("status", f"one of {', '.join(statuses)}")
    subsidy = _text(row, "wage_subsidy_eligible").lower()
    if subsidy not in TRUE + FALSE:
        problem("wage_subsidy_eligible", "true or false")
    start, deadline = _date(row, "start_date", problem), _date(row, "deadline", problem)
    return Vacancy(
        employer=employer,
        location=location,
        reference=_text(row, "reference")[:64],
        **{f"title_{k}": v for k, v in titles.items()},
        **{f"description_{k}": _text(row, f"description_{k}") for k in ("fi", "sv", "en")},
        occupation_id=occupation,
        required_skills=lists["required_skills"],
        preferred_skills=lists["preferred_skills"],
        languages=languages,
        licences=lists["licences"],
        education_level_min=education,
        municipality_id=municipality,
        postcode=postcode,
        lat=lat,
        lon=lon,
        remote=remote,
        work_time=work_time,
        demands=lists["demands"],
        duration_months=_integer(row, "duration_months", problem, 1, 600),
        start_date=start,
        deadline=deadline,
        wage_subsidy_eligible=subsidy in TRUE,
        status=status,
    )


def _languages(value, problem) -> list[dict]:
    items = (
        value
        if isinstance(value, list)
        else [
            dict(zip(("code", "level"), part.split(":", 1), strict=False)) for part in _list(value)
        ]
    )
    result, seen = [], set()
    for item in items:
        code, level = (
            (item.get("code"), item.get("level")) if isinstance(item, dict) else (None, None)
        )
        if (
            not (isinstance(code, str) and voc.LANGUAGE_CODE.match(code))
            or level not in voc.CEFR_LEVELS
        ):
            problem("languages", f"expected code:level such as fi:B2, got {item!r}")
        elif code in seen:
            problem("languages", f"duplicate language {code!r}")
        else:
            seen.add(code)
            result.append({"code": code, "level": level})
    return result


def _integer(row, key, problem, low: int, high: int) -> int | None:
    text = _text(row, key)
    if not text:
        return None
    if not text.isdigit() or not low <= int(text) <= high:
        problem(key, f"expected a whole number {low}–{high}, got {text!r}")
        return None
    return int(text)


def _date(row, key, problem) -> date | None:
    text = _text(row, key)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problem(key, f"expected a date as YYYY-MM-DD, got {text!r}")
        return None


def _place(row, checker: _Checker, problem) -> tuple[str, float, float]:
    code, postcode = _text(row, "municipality"), _text(row, "postcode")
    if postcode:
        from_postcode = checker.postcodes.get(postcode)
        if from_postcode is None:
            problem("postcode", f"unknown postcode {postcode!r}")
        elif code and code != from_postcode:
            problem("postcode", f"postcode {postcode} is not in municipality {code}")
        code = code or from_postcode or ""
    municipality = checker.municipalities.get(code)
    if municipality is None:
        problem("municipality", "give a known municipality code or postcode")
        return code, 0.0, 0.0
    if municipality.lat is None or municipality.lon is None:
        problem("municipality", f"no coordinates for municipality {code}")
        return code, 0.0, 0.0
    return code, municipality.lat, municipality.lon


def _location_id(row) -> int | None:
    """The row's location id, None when it gives none or not a plausible id (a database id
    has at most 18 digits; a longer number is no location, and SQLite cannot even bind it)."""
    text = _text(row, "location")
    return int(text) if text.isdigit() and len(text) <= 18 else None


def _location(row, employer, checker: _Checker, problem, kept_location) -> EmployerLocation | None:
    """The workplace the row chooses (it then gives the place), or None if it is not valid.

    Why a clash is an error and not "the location wins": a municipality or postcode typed beside
    a location that says otherwise means one of the two is mistaken, and only the sender knows
    which. A retired location stays on a vacancy that already points at it (``kept_location``)
    but cannot be chosen anew. Another employer's location is reported like one that does not
    exist, so trying ids reveals nothing of other employers' registers.
    """
    text = _text(row, "location")
    if not text.isdigit():
        message = _("Give the id of a location (a whole number), not %(value)s.")
        problem("location", message % {"value": repr(text)})
        return None
    if employer is None:
        return None  # whose locations to look in is unknown; the employer's problem is reported
    location = checker.locations.get(_location_id(row))
    if location is None or location.organisation_id != employer.pk:
        problem("location", _("The employer has no location %(id)s.") % {"id": text})
        return None
    name = location.name
    if not location.active and location.pk != kept_location:
        message = _("The location %(name)s is no longer in use; choose another.")
        problem("location", message % {"name": name})
        return None
    if location.lat is None or location.lon is None:
        problem("location", _("The location %(name)s has no coordinates.") % {"name": name})
        return None
    municipality, postcode = _text(row, "municipality"), _text(row, "postcode")
    clash = False
    if municipality and municipality != location.municipality_id:
        clash = True
        message = _(
            "The location %(name)s is in municipality %(own)s, not %(value)s; leave the "
            "municipality empty or choose another place."
        )
        problem(
            "municipality",
            message % {"name": name, "own": location.municipality_id, "value": municipality},
        )
    if postcode and postcode != location.postcode:
        clash = True
        if location.postcode:
            message = _(
                "The location %(name)s has the postcode %(own)s, not %(value)s; leave the "
                "postcode empty or choose another place."
            )
        else:
            message = _(
                "The location %(name)s has no postcode; leave the postcode empty or choose "
                "another place."
            )
        problem("postcode", message % {"name": name, "own": location.postcode, "value": postcode})
    return None if clash else location


@transaction.atomic
def import_vacancies(area, text: str, filename: str) -> list[Vacancy]:
    """Parse the whole file, then write it in one transaction (nothing on any error)."""
    vacancies = parse(area, read_rows(text, filename))
    created = Vacancy.objects.bulk_create(vacancies, batch_size=1000)
    journal(IndexChange.Kind.VACANCY, [v.pk for v in created])
    return created
