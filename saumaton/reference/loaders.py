"""Load the reference CSVs shipped in ``data/`` into the database, all-or-nothing.

Each loader upserts by primary key inside one transaction, so a reload refreshes labels without
touching rows that point at them; a malformed line aborts the whole load with its line number.
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


class ReferenceDataError(ValueError):
    """A reference file has a line that cannot be loaded; nothing was changed."""


@dataclass(frozen=True)
class LoadResult:
    name: str
    rows: int


def _rows(filename: str) -> Iterator[tuple[int, dict[str, str]]]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, row


def _float(value: str) -> float | None:
    return float(value) if value else None


def _upsert(model, objects: list, fields: list[str]) -> None:
    for start in range(0, len(objects), BATCH):
        model.objects.bulk_create(
            objects[start : start + BATCH],
            update_conflicts=True,
            unique_fields=[model._meta.pk.name],
            update_fields=fields,
        )


def _build(filename: str, make: Callable[[dict[str, str]], object]) -> list:
    objects = []
    for line, row in _rows(filename):
        try:
            objects.append(make(row))
        except (KeyError, ValueError) as exc:
            raise ReferenceDataError(f"{filename}, line {line}: {exc!r}") from exc
    return objects


def load_municipalities() -> LoadResult:
    objs = _build(
        "municipalities.csv",
        lambda r: Municipality(
            code=r["code"],
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            region_code=r["region_code"],
            region_fi=r["region_fi"],
            region_sv=r["region_sv"],
            lat=_float(r["lat"]),
            lon=_float(r["lon"]),
        ),
    )
    _upsert(
        Municipality,
        objs,
        ["name_fi", "name_sv", "region_code", "region_fi", "region_sv", "lat", "lon"],
    )
    return LoadResult("municipalities", len(objs))


def load_postcodes() -> LoadResult:
    objs = _build(
        "postcodes.csv",
        lambda r: Postcode(
            postcode=r["postcode"],
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            municipality_id=r["municipality_code"],
        ),
    )
    _upsert(Postcode, objs, ["name_fi", "name_sv", "municipality"])
    return LoadResult("postcodes", len(objs))


def load_isco() -> LoadResult:
    objs = _build(
        "isco08.csv",
        lambda r: IscoGroup(
            code=r["code"],
            level=int(r["level"]),
            parent_id=r["parent_code"] or None,
            label_en=r["label_en"],
            label_fi=r["label_fi"],
            description_en=r["description_en"],
        ),
    )
    objs.sort(key=lambda o: o.level)  # parents first, so the self-reference is satisfied
    _upsert(IscoGroup, objs, ["level", "parent", "label_en", "label_fi", "description_en"])
    return LoadResult("isco08", len(objs))


def load_esco_skill_groups() -> LoadResult:
    objs = _build(
        "esco_skill_groups.csv",
        lambda r: EscoSkillGroup(
            code=r["code"],
            label=r["label"],
            level=int(r["level"]),
            parent_id=r["parent_code"] or None,
            top_group=r["top_group"],
        ),
    )
    objs.sort(key=lambda o: o.level)
    _upsert(EscoSkillGroup, objs, ["label", "level", "parent", "top_group"])
    return LoadResult("esco_skill_groups", len(objs))


def load_esco_skills() -> LoadResult:
    objs = _build(
        "esco_skills.csv",
        lambda r: EscoSkill(
            id=r["id"],
            uri=r["uri"],
            preferred_label_en=r["preferred_label_en"],
            alt_labels_en=r["alt_labels_en"],
            hierarchy=r["hierarchy"],
            top_group=r["top_group"],
        ),
    )
    _upsert(
        EscoSkill, objs, ["uri", "preferred_label_en", "alt_labels_en", "hierarchy", "top_group"]
    )
    return LoadResult("esco_skills", len(objs))


def load_esco_occupations() -> LoadResult:
    objs = _build(
        "esco_occupations.csv",
        lambda r: EscoOccupation(
            id=r["id"],
            uri=r["uri"],
            preferred_label_en=r["preferred_label_en"],
            alt_labels_text_en=r["alt_labels_text_en"],
            description_en=r["description_en"],
        ),
    )
    _upsert(
        EscoOccupation, objs, ["uri", "preferred_label_en", "alt_labels_text_en", "description_en"]
    )
    return LoadResult("esco_occupations", len(objs))


LOADERS: tuple[Callable[[], LoadResult], ...] = (
    load_municipalities,
    load_postcodes,
    load_isco,
    load_esco_skill_groups,
    load_esco_skills,
    load_esco_occupations,
)


def load_all(progress: Callable[[LoadResult], None] | None = None) -> list[LoadResult]:
    """Load every reference table in one transaction: either all refresh or none does."""
    results = []
    with transaction.atomic():
        for loader in LOADERS:
            result = loader()
            results.append(result)
            if progress:
                progress(result)
    return results


def is_loaded() -> bool:
    return Municipality.objects.exists() and IscoGroup.objects.exists()
