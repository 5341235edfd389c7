"""Load the reference CSVs shipped in ``data/`` into the database, all-or-nothing.

Each table is declared once (file, model, and how each field is read from a CSV row); one loader
upserts every table by primary key inside one transaction, so a reload refreshes labels without
touching rows that point at them, and a malformed line aborts the whole load with its line number.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import EscoOccupation, EscoSkill, EscoSkillGroup, IscoGroup, Municipality, Postcode

DATA_DIR = Path(__file__).resolve().parent / "data"
BATCH = 2000

Column = Callable[[dict[str, str]], object]


class ReferenceDataError(ValueError):
    """A reference file has a line that cannot be loaded; nothing was changed."""


@dataclass(frozen=True)
class LoadResult:
    name: str
    rows: int


def text(column: str) -> Column:
    return lambda row: row[column]


def optional_text(column: str) -> Column:
    return lambda row: row[column] or None


def optional_float(column: str) -> Column:
    return lambda row: float(row[column]) if row[column] else None


def integer(column: str) -> Column:
    return lambda row: int(row[column])


@dataclass(frozen=True)
class Table:
    """One reference table: its CSV, its model, and each model field's source column.

    ``parents_first`` orders rows by ``level`` so a self-referencing parent is inserted first.
    """

    name: str
    filename: str
    model: type
    fields: dict[str, Column]
    parents_first: bool = False

    def load(self) -> LoadResult:
        objects = []
        for line, row in _rows(self.filename):
            try:
                objects.append(self.model(**{f: read(row) for f, read in self.fields.items()}))
            except (KeyError, ValueError) as exc:
                raise ReferenceDataError(f"{self.filename}, line {line}: {exc!r}") from exc
        if self.parents_first:
            objects.sort(key=lambda o: o.level)
        pk = self.model._meta.pk.name
        update = [f.removesuffix("_id") for f in self.fields if f != pk]
        for start in range(0, len(objects), BATCH):
            self.model.objects.bulk_create(
                objects[start : start + BATCH],
                update_conflicts=True,
                unique_fields=[pk],
                update_fields=update,
            )
        return LoadResult(self.name, len(objects))


def _rows(filename: str) -> Iterator[tuple[int, dict[str, str]]]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, row


TABLES: tuple[Table, ...] = (
    Table(
        "municipalities",
        "municipalities.csv",
        Municipality,
        {
            **{f: text(f) for f in ("code", "name_fi", "name_sv", "region_code")},
            **{f: text(f) for f in ("region_fi", "region_sv")},
            "lat": optional_float("lat"),
            "lon": optional_float("lon"),
        },
    ),
    Table(
        "postcodes",
        "postcodes.csv",
        Postcode,
        {
            **{f: text(f) for f in ("postcode", "name_fi", "name_sv")},
            "municipality_id": text("municipality_code"),
        },
    ),
    Table(
        "isco08",
        "isco08.csv",
        IscoGroup,
        {
            "code": text("code"),
            "level": integer("level"),
            "parent_id": optional_text("parent_code"),
            **{f: text(f) for f in ("label_en", "label_fi", "description_en")},
        },
        parents_first=True,
    ),
    Table(
        "esco_skill_groups",
        "esco_skill_groups.csv",
        EscoSkillGroup,
        {
            "code": text("code"),
            "label": text("label"),
            "level": integer("level"),
            "parent_id": optional_text("parent_code"),
            "top_group": text("top_group"),
        },
        parents_first=True,
    ),
    Table(
        "esco_skills",
        "esco_skills.csv",
        EscoSkill,
        {
            f: text(f)
            for f in ("id", "uri", "preferred_label_en", "alt_labels_en", "hierarchy", "top_group")
        },
    ),
    Table(
        "esco_occupations",
        "esco_occupations.csv",
        EscoOccupation,
        {
            f: text(f)
            for f in ("id", "uri", "preferred_label_en", "alt_labels_text_en", "description_en")
        },
    ),
)


def load_all(progress: Callable[[LoadResult], None] | None = None) -> list[LoadResult]:
    """Load every reference table in one transaction: either all refresh or none does."""
    results = []
    with transaction.atomic():
        for table in TABLES:
            result = table.load()
            results.append(result)
            if progress:
                progress(result)
    return results


def is_loaded() -> bool:
    return Municipality.objects.exists() and IscoGroup.objects.exists()
