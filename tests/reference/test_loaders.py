"""Reference data loads all-or-nothing, idempotently, with line-level errors."""

import shutil

import pytest

from saumaton.reference import loaders
from saumaton.reference.models import IscoGroup, Municipality, Postcode

EXPECTED_ROWS = {
    "municipalities": 309,
    "postcodes": 3024,
    "isco08": 619,
    "esco_skill_groups": 682,
    "esco_skills": 13412,
    "esco_occupations": 3039,
}


def test_every_table_loads_and_a_reload_changes_nothing(db):
    first = {r.name: r.rows for r in loaders.load_all()}
    assert first == EXPECTED_ROWS
    assert Municipality.objects.get(code="905").name_sv == "Vasa"
    assert IscoGroup.objects.get(code="5223").parent_id == "522"
    again = {r.name: r.rows for r in loaders.load_all()}
    assert again == first
    assert Postcode.objects.count() == EXPECTED_ROWS["postcodes"]


def test_a_bad_line_names_file_and_line_and_loads_nothing(db, tmp_path, monkeypatch):
    for path in loaders.DATA_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    isco = tmp_path / "isco08.csv"
    lines = isco.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0]
    isco.write_text(header + '0,not-a-number,,x,,"y"\n', encoding="utf-8")
    monkeypatch.setattr(loaders, "DATA_DIR", tmp_path)
    with pytest.raises(loaders.ReferenceDataError, match=r"isco08\.csv, line 2"):
        loaders.load_all()
    assert not Municipality.objects.exists()  # the earlier tables were rolled back too
