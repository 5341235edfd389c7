"""The organisations of one employment area's ecosystem (380/2023 §§12–13, multisectoral model).

Each area gets its employment authority with 3–4 units, the partners a coach works with
(wellbeing services county, Kela, an education provider, a third-sector organisation) and two
or three employers. Names are invented from the area's stem ("Demo hyvinvointialue"); any
likeness to a real organisation is coincidental. Business IDs are valid and unique (see
``identity.BusinessIdAllocator``).
"""

from __future__ import annotations

import random

from saumaton.synth.geography import AreaPlan
from saumaton.synth.identity import BusinessIdAllocator
from saumaton.synth.names import ascii_slug
from saumaton.synth.records import OrganisationRecord

SERVICE_GUIDANCE_UNIT = "Palveluohjaus"
YOUTH_UNIT = "Nuoret"
INTEGRATION_UNIT = "Kotoutuminen"
BUSINESS_UNIT = "Yrityspalvelut"
# Areas this small fold business services into service guidance (3 units instead of 4).
MIN_JOBSEEKERS_FOR_BUSINESS_UNIT = 2_000

PARTNER_KINDS = ("wellbeing_county", "kela", "education", "third_sector")
_PARTNER_NAME_AND_UNITS = {
    "wellbeing_county": ("{stem} hyvinvointialue", ("Aikuissosiaalityö", "Kuntoutus")),
    "kela": ("Kela, {stem} palvelupiste", ()),
    "education": ("{stem} ammattiopisto", ("Aikuiskoulutus",)),
    "third_sector": ("{stem} työttömät ry", ()),
}
EMPLOYER_INDUSTRIES = ("Rakennus", "Hoiva", "Logistiikka", "Kauppa", "Konepaja", "Siivous")


def organisation_key(area_code: str, kind: str, index: int = 1) -> str:
    """Key unique within the population, e.g. ``demo.employer.2``."""
    return f"{ascii_slug(area_code)}.{kind}.{index}"


def employment_authority_units(jobseekers: int) -> tuple[str, ...]:
    units = (SERVICE_GUIDANCE_UNIT, YOUTH_UNIT, INTEGRATION_UNIT)
    if jobseekers >= MIN_JOBSEEKERS_FOR_BUSINESS_UNIT:
        units += (BUSINESS_UNIT,)
    return units


def build_organisations(
    area: AreaPlan, rng: random.Random, business_ids: BusinessIdAllocator
) -> list[OrganisationRecord]:
    """The employment authority first, then partners, then employers."""
    code = area.record.code
    result = [
        OrganisationRecord(
            key=organisation_key(code, "employment_authority"),
            area_code=code,
            name=area.record.name,
            kind="employment_authority",
            business_id=business_ids.allocate(),
            units=employment_authority_units(area.jobseekers),
        )
    ]
    for kind in PARTNER_KINDS:
        template, units = _PARTNER_NAME_AND_UNITS[kind]
        result.append(
            OrganisationRecord(
                key=organisation_key(code, kind),
                area_code=code,
                name=template.format(stem=area.stem),
                kind=kind,
                business_id=business_ids.allocate(),
                units=units,
            )
        )
    industries = rng.sample(EMPLOYER_INDUSTRIES, rng.choice((2, 3)))
    for index, industry in enumerate(industries, start=1):
        result.append(
            OrganisationRecord(
                key=organisation_key(code, "employer", index),
                area_code=code,
                name=f"{area.stem} {industry} Oy",
                kind="employer",
                business_id=business_ids.allocate(),
                units=(),
            )
        )
    return result
