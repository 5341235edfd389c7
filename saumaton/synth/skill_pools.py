"""A documented stand-in for ESCO's occupation–skill relations, which the reference data lacks.

ESCO links occupations to essential and optional skills, but no redistributable package ships
those links (MATCHING.md §4.3), so synthetic profiles and vacancies need a proxy that is
*plausible* and *structured*: related occupations must share skills, or "same minor group" would
mean nothing. The proxy:

1. each ISCO-08 major group gets a hand-picked list of ESCO skill-hierarchy groups that fit its
   work (``MAJOR_GROUP_FAMILIES``: managers manage, builders construct, cleaners clean …);
2. each sub-major group draws two of its major group's families, each minor group one more and
   each unit group one more, by a ``random.Random`` seeded with the group code;
3. a unit group's pool is ``SUB_MAJOR_SHARE`` (6) of the 12 core skills of its sub-major
   group, ``MINOR_SHARE`` (10) of the 14 of its minor group and ``UNIT_SHARE`` (14) of its own,
   each drawn from that level's families the same way.

So two unit groups in the same minor group share about a third of their 30 skills, two in the
same sub-major group about a tenth, and unrelated ones almost nothing. The pools depend only on the
reference CSVs, not on a seed. They are synthetic and must never be shown as ESCO's relations.
"""

from __future__ import annotations

import csv
import random
from functools import cache

from saumaton.synth.refdata import REFERENCE_DIR

MAJOR_GROUP_FAMILIES: dict[str, tuple[str, ...]] = {
    "0": ("S3.3", "S8.2", "S4.8", "K10"),
    "1": ("S4.1", "S4.2", "S4.3", "S4.5", "S4.7", "S4.9", "S1.1", "K04"),
    "2": ("S2.1", "S2.7", "S1.5", "S1.13", "S1.3", "S5.1", "K02", "K03", "K05", "K06", "K09"),
    "3": ("S2.8", "S2.5", "S2.2", "S8.6", "S5.5", "S3.2", "K07", "K06", "K09", "K04"),
    "4": ("S2.2", "S2.3", "S2.4", "S4.4", "S3.4", "S5.6", "K04"),
    "5": ("S1.6", "S3.4", "S3.5", "S3.6", "S3.2", "S3.3", "K10", "K09"),
    "6": ("S6.4", "S6.9", "S8.1", "K08"),
    "7": ("S7.1", "S7.2", "S7.3", "S6.5", "S6.7", "S8.7", "S8.8", "K07"),
    "8": ("S8.1", "S8.2", "S8.5", "S8.4", "S6.1", "S6.2", "K07"),
    "9": ("S6.11", "S6.1", "S6.2", "S6.12", "S6.13", "S3.5", "K10"),
}
SUB_MAJOR_CORE, MINOR_CORE = 12, 14
SUB_MAJOR_SHARE, MINOR_SHARE, UNIT_SHARE = 6, 10, 14
TRANSVERSAL_POOL_SIZE = 40
TRANSVERSAL_PREFIX = "T"


@cache
def _skills_by_family() -> dict[str, tuple[str, ...]]:
    """Skill ids per hierarchy group code and per 3-character knowledge field (``K07``)."""
    families: dict[str, set[str]] = {}
    with (REFERENCE_DIR / "esco_skills.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for code in (c.strip() for c in row["hierarchy"].split("|")):
                if not code:
                    continue
                for family in {".".join(code.split(".")[:2]), code[:3]}:
                    families.setdefault(family, set()).add(row["id"])
    return {family: tuple(sorted(ids)) for family, ids in families.items()}


def _draw(label: str, families: tuple[str, ...], n: int) -> tuple[str, ...]:
    skills = _skills_by_family()
    candidates = sorted({s for f in families for s in skills.get(f, ())})
    return tuple(random.Random(f"skill-pool:{label}").sample(candidates, min(n, len(candidates))))


def _families(code: str, count: int) -> tuple[str, ...]:
    major = MAJOR_GROUP_FAMILIES[code[0]]
    return tuple(random.Random(f"skill-families:{code}").sample(major, min(count, len(major))))


@cache
def _core(code: str) -> tuple[str, ...]:
    """The core skills of a sub-major (2-digit) or minor (3-digit) group."""
    if len(code) == 2:
        return _draw(code, _families(code, 2), SUB_MAJOR_CORE)
    return _draw(code, _families(code, 1), MINOR_CORE)


@cache
def pool(unit_group: str) -> tuple[str, ...]:
    """The synthetic skill pool of a 4-digit ISCO-08 unit group, in a fixed order."""
    shared = random.Random(f"skill-share:{unit_group}")
    chosen = list(shared.sample(_core(unit_group[:2]), SUB_MAJOR_SHARE))
    chosen += shared.sample(_core(unit_group[:3]), MINOR_SHARE)
    chosen += _draw(unit_group, _families(unit_group, 1), UNIT_SHARE)
    return tuple(dict.fromkeys(chosen))


@cache
def transversal() -> tuple[str, ...]:
    """Common transversal skills (ESCO T groups) that any profile or vacancy may list."""
    skills = _skills_by_family()
    candidates = sorted(
        {s for f, ids in skills.items() if f.startswith(TRANSVERSAL_PREFIX) for s in ids}
    )
    return tuple(random.Random("skill-pool:transversal").sample(candidates, TRANSVERSAL_POOL_SIZE))
