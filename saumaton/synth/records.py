"""Plain records of a synthetic employment area: the contract between the generator and its users.

The generator (``saumaton.synth.generator``) produces these without touching a database, so the
same population feeds the demo loader (Django side), the benchmarks and the calibration tests.
Every record stands for a fictional person or organisation; the loader flags them synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class AreaRecord:
    """An employment area (työllisyysalue, 380/2023 §§12–13)."""

    code: str  # stable short code, e.g. "DEMO"
    name: str
    form: str  # "lead_municipality" | "single_municipality" | "joint_authority"
    lead_municipality_code: str
    municipality_codes: tuple[str, ...]
    official_languages: tuple[str, ...]  # ("fi",), ("fi", "sv") or ("sv", "fi")
    # Municipal populations in the order of municipality_codes, where the generator knows them
    # (the demo area's hand-made table); empty where it only has rough place populations.
    municipality_populations: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class OrganisationRecord:
    """An actor of the area's ecosystem; ``kind`` is one of organisations.Organisation.Kind."""

    key: str  # unique within the population
    area_code: str
    name: str
    # employment_authority, wellbeing_county, kela, keha, education, third_sector, employer, other
    kind: str
    business_id: str  # a valid Y-tunnus
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StaffRecord:
    """A staff member's membership: one user, one organisation, optionally one unit, one role."""

    username: str
    first_name: str
    last_name: str
    organisation_key: str
    unit: str | None
    # coach, unit_lead, statement_officer, partner, analyst, area_admin, auditor, employer_user
    role: str
    language: str  # "fi" | "sv" | "en"


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """An unemployed jobseeker with an open job search on the generation day."""

    key: int  # index within the population, stable for a seed
    area_code: str
    hetu: str  # test range: individual number 900–999
    first_name: str
    last_name: str
    birth_date: date
    sex: str  # "male" | "female" (from the hetu)
    language: str  # service language: "fi" | "sv" | "en"
    mother_tongue: str  # ISO 639-1, e.g. "fi", "sv", "ru", "ar", "uk", "so", "en", "et"
    citizenship: str  # ISO 3166-1 alpha-2, e.g. "FI", "UA", "RU"
    home_municipality_code: str
    postcode: str
    email: str  # example.invalid / example.com style, never deliverable
    phone: str  # +358 50 … from a reserved-looking range
    education_level: str  # "basic_or_unknown" | "upper_secondary" | "higher"
    last_occupation_isco: str | None  # 4-digit ISCO-08 unit group, None = unknown (X)
    job_search_start: date
    employment_status: str  # "unemployed" | "laid_off" | "part_time"
    benefit: (
        str | None
    )  # labour_market_subsidy, basic_allowance, earnings_related_allowance, general_support
    paid_days_to_date: int  # cumulative benefit days paid within the current entitlement
    coach_username: str | None  # the responsible coach (omavalmentaja)


@dataclass(frozen=True, slots=True)
class LeaverRecord:
    """A former jobseeker (``synth.leavers``): unemployed from ``person.job_search_start`` to
    ``left_on`` (inclusive), then ``status_after`` (None: not known)."""

    person: PersonRecord
    left_on: date
    destination: str  # "employed" | "studying" | "outside" | "unknown"
    status_after: str | None  # an EmploymentStatusPeriod status from the day after left_on
    end_reason: str  # a JobseekerCustomership end reason (380/2023 §28)
    cancelled_meeting_due: date  # the next job-search conversation's due date, cancelled


@dataclass(frozen=True, slots=True)
class SyntheticPopulation:
    """Everything the generator made for one size and seed, as of ``today``."""

    size: str
    seed: int
    today: date
    areas: tuple[AreaRecord, ...]
    organisations: tuple[OrganisationRecord, ...]
    staff: tuple[StaffRecord, ...]
    people: tuple[PersonRecord, ...]
    # Whose job search ended in the last 16 months (the flows out of the stock); not in ``people``.
    leavers: tuple[LeaverRecord, ...] = ()
