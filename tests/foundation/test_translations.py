"""The fi/sv catalogues: no translation repeats itself, and every compiled .mo is up to date.

Why: a merge of two branches' catalogues once left a dozen Finnish and Swedish sentences
written twice in a row ("…ei sovi.Ei ehdotuksia: …"), and a .po edited without recompiling
shows the old text to users while the source looks right.
"""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "saumaton"
CATALOGUES = sorted(ROOT.rglob("LC_MESSAGES/django.po"))


def entries(po: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) of every plain entry: not fuzzy, no context, no plural forms."""
    found = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        if any(line.startswith("#, ") and "fuzzy" in line for line in lines):
            continue
        fields: dict[str, str] = {}
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[key] += ast.literal_eval(line)
            else:
                key, _, rest = line.partition(" ")
                fields[key] = ast.literal_eval(rest)
        if set(fields) == {"msgid", "msgstr"} and fields["msgid"]:
            found.append((fields["msgid"], fields["msgstr"]))
    return found


def test_there_are_catalogues():
    assert len(CATALOGUES) >= 4


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_translation_is_written_twice(po):
    doubled = [
        msgid
        for msgid, msgstr in entries(po)
        if len(msgstr) > 10 and msgstr[: len(msgstr) // 2] * 2 == msgstr
    ]
    assert doubled == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_compiled_catalogue_matches_its_source(po):
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, msgstr in entries(po) if msgstr and compiled.gettext(msgid) != msgstr]
    assert stale == []
