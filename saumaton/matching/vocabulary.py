"""The closed code lists of the matching schema and the ordered scales behind its comparisons.

Every code a profile or a vacancy may carry is listed here once, so that parsing can reject an
unknown code instead of letting it silently match nothing (JobTech's "200 with 0 hits" pain
point, MATCHING.md §2.2), and so that explanations can name each code in fi, sv and en.
Languages (ISO 639-1), ISCO-08 unit groups and ESCO skill ids are open sets checked by shape
only: the engine does not need the reference tables to match.
"""

from __future__ import annotations

import re

# CEFR levels in increasing order; "native" (mother tongue) counts as above C2.
CEFR_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2", "native")
CEFR_RANK: dict[str, int] = {level: rank for rank, level in enumerate(CEFR_LEVELS, start=1)}

# Education as ISCED 2011 levels 0–8, an ordered scale the schema uses directly:
# 0 early childhood, 1 primary, 2 lower secondary (Finnish basic education, peruskoulu),
# 3 upper secondary (lukio, ammatillinen perustutkinto), 4 post-secondary non-tertiary
# (ammatti- ja erikoisammattitutkinto), 5 short-cycle tertiary, 6 bachelor's or equivalent
# (AMK, kandidaatti), 7 master's (maisteri, ylempi AMK), 8 doctoral.
ISCED_LEVELS: tuple[int, ...] = tuple(range(9))

# Remote mode of a vacancy. Only "remote" lifts the commute limit (issue 6).
REMOTE_MODES: tuple[str, ...] = ("on_site", "hybrid", "remote")

# Working time of a vacancy; a jobseeker lists the ones they accept.
WORK_TIMES: tuple[str, ...] = ("full_time", "part_time", "seasonal", "on_call")

# Licences and cards (kortit ja luvat) a vacancy may require and a person may hold.
LICENCES: tuple[str, ...] = (
    "driving_b",  # B-ajokortti
    "driving_c",  # C-ajokortti (lorry)
    "driving_ce",  # CE-ajokortti (lorry with trailer)
    "driving_d",  # D-ajokortti (bus)
    "hygiene_passport",  # hygieniapassi
    "occupational_safety_card",  # työturvallisuuskortti
    "hot_work_card",  # tulityökortti
    "electrical_safety_card",  # sähkötyöturvallisuuskortti
    "first_aid",  # EA1 / EA2
    "alcohol_passport",  # anniskelupassi
    "security_guard_card",  # vartijakortti
    "forklift_card",  # trukkikortti
    "road_safety_card",  # tieturva
)

# Physical and schedule demands of a vacancy. A work-ability limitation "no_X" excludes demand X.
DEMANDS: tuple[str, ...] = (
    "heavy_lifting",
    "prolonged_standing",
    "repetitive_motion",
    "outdoor_work",
    "cold_environment",
    "dust_or_chemicals",
    "working_at_height",
    "driving",
    "night_work",
    "shift_work",
    "weekend_work",
    "customer_contact",
)
LIMITATION_PREFIX = "no_"
LIMITATIONS: tuple[str, ...] = tuple(LIMITATION_PREFIX + demand for demand in DEMANDS)

ISCO_UNIT_GROUP = re.compile(r"^[0-9]{4}$")
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
# ESCO skill ids are UUIDs (the last segment of the skill URI).
ESCO_SKILL_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def excluded_demand(limitation: str) -> str:
    """The demand a limitation rules out: ``no_heavy_lifting`` -> ``heavy_lifting``."""
    return limitation.removeprefix(LIMITATION_PREFIX)
