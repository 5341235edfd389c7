"""Staff of one area and the responsible coach (omavalmentaja) of every jobseeker.

Coaches sit in the unit that serves their customers: under-25s in the youth unit, foreign
citizens in the integration unit, everyone else in service guidance. Each unit gets
ceil(customers / ``CASELOAD_TARGET``) coaches and deals its customers out round robin, so no
caseload exceeds the target (170), well under the 200 ceiling.

Usernames are lower-case ASCII and unique across the population. In the first area the first
member of each role gets the bare role name (``coach``, ``unitlead`` …) so the demo can print
its logins; everyone else is ``<role>.<area>.<nnn>``, e.g. ``coach.demo.002``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from saumaton.synth import calibration as cal
from saumaton.synth.geography import AreaPlan
from saumaton.synth.names import ascii_slug, pool_for
from saumaton.synth.organisations import (
    INTEGRATION_UNIT,
    PARTNER_KINDS,
    SERVICE_GUIDANCE_UNIT,
    YOUTH_UNIT,
)
from saumaton.synth.records import OrganisationRecord, PersonRecord, StaffRecord

DEMO_USERNAMES = {
    "coach": "coach",
    "unit_lead": "unitlead",
    "statement_officer": "statementofficer",
    "partner": "partner",
    "analyst": "analyst",
    "area_admin": "areaadmin",
    "auditor": "auditor",
    "employer_user": "employer",
}
STATEMENT_OFFICERS_PER_AREA = 2
COACH_UNITS = (SERVICE_GUIDANCE_UNIT, YOUTH_UNIT, INTEGRATION_UNIT)


@dataclass(frozen=True, slots=True)
class AreaStaff:
    staff: list[StaffRecord]
    coach_by_person_key: dict[int, str]


def coach_unit(person: PersonRecord, today: date) -> str:
    """The unit whose coach serves ``person``."""
    if _age(person.birth_date, today) < cal.YOUTH_UNIT_AGE_LIMIT:
        return YOUTH_UNIT
    if person.citizenship != "FI":
        return INTEGRATION_UNIT
    return SERVICE_GUIDANCE_UNIT


def build_staff(
    *,
    first_area: bool,
    area: AreaPlan,
    organisations: Sequence[OrganisationRecord],
    people: Sequence[PersonRecord],
    today: date,
    rng: random.Random,
) -> AreaStaff:
    """Staff of ``area`` in a fixed order, and the coach of each of its ``people``."""
    maker = _StaffMaker(first_area, area, rng)
    by_kind = {o.kind: o for o in organisations}
    authority = by_kind["employment_authority"]

    customers: dict[str, list[int]] = {unit: [] for unit in COACH_UNITS}
    for person in people:
        customers[coach_unit(person, today)].append(person.key)
    coach_by_person_key: dict[int, str] = {}
    for unit in COACH_UNITS:
        count = math.ceil(len(customers[unit]) / cal.CASELOAD_TARGET)
        if unit == SERVICE_GUIDANCE_UNIT:
            count = max(count, 1)  # every area has at least one coach
        coaches = [
            maker.add("coach", authority.key, unit, english=unit == INTEGRATION_UNIT and i == 0)
            for i in range(count)
        ]
        for index, key in enumerate(customers[unit]):
            coach_by_person_key[key] = coaches[index % count]

    for unit in authority.units:
        maker.add("unit_lead", authority.key, unit)
    for _ in range(STATEMENT_OFFICERS_PER_AREA):
        maker.add("statement_officer", authority.key, None)
    for kind in PARTNER_KINDS:
        partner = by_kind[kind]
        maker.add("partner", partner.key, partner.units[0] if partner.units else None)
    for role in ("analyst", "area_admin", "auditor"):
        maker.add(role, authority.key, None)
    for employer in (o for o in organisations if o.kind == "employer"):
        maker.add("employer_user", employer.key, None)
    return AreaStaff(maker.staff, coach_by_person_key)


class _StaffMaker:
    """Numbers usernames per role and draws each member's language and name."""

    def __init__(self, first_area: bool, area: AreaPlan, rng: random.Random):
        self._first_area = first_area
        self._slug = ascii_slug(area.record.code)
        self._bilingual = "sv" in area.record.official_languages
        self._swedish_share = area.swedish_share
        self._rng = rng
        self._counts: dict[str, int] = {}
        self.staff: list[StaffRecord] = []

    def add(
        self, role: str, organisation_key: str, unit: str | None, *, english: bool = False
    ) -> str:
        number = self._counts.get(role, 0) + 1
        self._counts[role] = number
        base = DEMO_USERNAMES[role]
        username = base if self._first_area and number == 1 else f"{base}.{self._slug}.{number:03d}"
        language = "en" if english else self._language()
        first_name, last_name = pool_for(language).draw(self._rng, self._rng.random() < 0.5)
        self.staff.append(
            StaffRecord(
                username=username,
                first_name=first_name,
                last_name=last_name,
                organisation_key=organisation_key,
                unit=unit,
                role=role,
                language=language,
            )
        )
        return username

    def _language(self) -> str:
        """Swedish-speaking staff in bilingual areas roughly in step with the customers."""
        if self._bilingual and self._rng.random() < max(self._swedish_share, 0.1):
            return "sv"
        return "fi"


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
