"""Which areas and municipalities each size covers, and how many jobseekers live in each.

A plan fixes the geography before anyone is generated: the ``AreaRecord`` of each area, and per
municipality its jobseeker count, language status, foreign-citizen share and postcodes.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from saumaton.synth import calibration as cal
from saumaton.synth import refdata
from saumaton.synth.partition import group_around_centres
from saumaton.synth.records import AreaRecord
from saumaton.synth.refdata import LanguageStatus, Municipality
from saumaton.synth.sampling import apportion

DEMO_AREA_CODE = "DEMO"
DEMO_AREA_NAME = "Demo työllisyysalue"
DEMO_STEM = "Demo"
CITY_NAME = "Helsingin työllisyysalue"
# The four single-municipality areas of S§9 (Helsinki, Vantaa, Lahti, Kouvola). confirmed.
SINGLE_MUNICIPALITY_AREAS = ("091", "092", "398", "286")
NATIONAL_AREA_COUNT = 45
# S§9: 2 of the 45 areas are joint municipal authorities. The generator gives that form to its
# two smallest multi-municipality areas (the real ones are Suupohja and Kymppi).
JOINT_AUTHORITY_COUNT = 2


@dataclass(frozen=True, slots=True)
class MunicipalityPlan:
    code: str
    jobseekers: int
    language: LanguageStatus
    foreign_share: float
    postcodes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AreaPlan:
    record: AreaRecord
    stem: str  # short word for organisation names and usernames, e.g. "Demo", "Vaasa"
    municipalities: tuple[MunicipalityPlan, ...]

    @property
    def jobseekers(self) -> int:
        return sum(m.jobseekers for m in self.municipalities)

    @property
    def swedish_share(self) -> float:
        """Jobseeker-weighted Swedish-speaking share; drives Swedish-speaking staff."""
        total = self.jobseekers
        if total == 0:
            return 0.0
        return sum(m.jobseekers * m.language.swedish_share for m in self.municipalities) / total


def plan(size: str, scale: float) -> list[AreaPlan]:
    """Areas of ``size``; ``scale`` multiplies the stock (1.0 = the calibrated size)."""
    return _PLANNERS[size](scale)


def _scaled(total: int, scale: float) -> int:
    return round(total * scale)


def _area_languages(members: Sequence[tuple[LanguageStatus, float]]) -> tuple[str, ...]:
    """Official languages of an area from its members' (status, population).

    An area is bilingual if any member is (the services must then be offered in both
    languages); the majority language, by population, comes first.
    """
    statuses = [status for status, _ in members]
    if all(status.official_languages == ("fi",) for status in statuses):
        return ("fi",)
    if all(status.official_languages == ("sv",) for status in statuses):
        return ("sv",)
    population = sum(weight for _, weight in members)
    swedish = sum(status.swedish_share * weight for status, weight in members)
    return ("sv", "fi") if swedish > population / 2 else ("fi", "sv")


def _municipality_plan(code: str, region_code: str, jobseekers: int) -> MunicipalityPlan:
    return MunicipalityPlan(
        code=code,
        jobseekers=jobseekers,
        language=refdata.language_status(code),
        foreign_share=cal.foreign_citizen_share(code, region_code),
        postcodes=refdata.postcodes_by_municipality()[code],
    )


def _plan_small(scale: float) -> list[AreaPlan]:
    """The demo area (S§12): jobseekers by population × the municipality's register rate."""
    rows = refdata.demo_area()
    counts = apportion(
        _scaled(cal.SMALL_JOBSEEKERS, scale), [r.population * r.register_rate_pct for r in rows]
    )
    known = refdata.municipalities()
    members = tuple(
        MunicipalityPlan(
            code=row.code,
            jobseekers=count,
            language=row.language,
            foreign_share=cal.foreign_citizen_share(row.code, known[row.code].region_code),
            postcodes=refdata.postcodes_by_municipality()[row.code],
        )
        for row, count in zip(rows, counts, strict=True)
    )
    record = AreaRecord(
        code=DEMO_AREA_CODE,
        name=DEMO_AREA_NAME,
        form="lead_municipality",
        lead_municipality_code=rows[0].code,
        municipality_codes=tuple(row.code for row in rows),
        official_languages=_area_languages([(row.language, row.population) for row in rows]),
        municipality_populations=tuple(row.population for row in rows),
    )
    return [AreaPlan(record, DEMO_STEM, members)]


def _plan_city(scale: float) -> list[AreaPlan]:
    helsinki = refdata.municipalities()[cal.HELSINKI_CODE]
    member = _municipality_plan(
        helsinki.code, helsinki.region_code, _scaled(cal.CITY_JOBSEEKERS, scale)
    )
    record = AreaRecord(
        code=_area_code(helsinki.code),
        name=CITY_NAME,
        form="single_municipality",
        lead_municipality_code=helsinki.code,
        municipality_codes=(helsinki.code,),
        official_languages=member.language.official_languages,
    )
    return [AreaPlan(record, helsinki.name_fi, (member,))]


def _area_code(lead_code: str) -> str:
    return f"TA{lead_code}"


def _plan_national(scale: float) -> list[AreaPlan]:
    """45 areas over mainland Finland (S§9), jobseekers by place population (rough guide)."""
    mainland = refdata.mainland_municipalities()
    population = _populations(mainland)
    point = _points(mainland)
    counts = dict(
        zip(
            (m.code for m in mainland),
            apportion(
                _scaled(cal.NATIONAL_JOBSEEKERS, scale), [population[m.code] for m in mainland]
            ),
            strict=True,
        )
    )
    groups = [[refdata.municipalities()[code]] for code in SINGLE_MUNICIPALITY_AREAS]
    groups += _regional_groups(
        [m for m in mainland if m.code not in SINGLE_MUNICIPALITY_AREAS], population, point
    )
    joint = _smallest_multi_municipality_groups(groups, population)
    plans = []
    for index, members in enumerate(groups):
        lead = max(members, key=lambda m: (population[m.code], m.code))
        if lead.code in SINGLE_MUNICIPALITY_AREAS:
            form = "single_municipality"
        elif index in joint:
            form = "joint_authority"
        else:
            form = "lead_municipality"
        record = AreaRecord(
            code=_area_code(lead.code),
            name=f"Työllisyysalue {lead.name_fi}",
            form=form,
            lead_municipality_code=lead.code,
            municipality_codes=tuple(m.code for m in members),
            official_languages=_area_languages(
                [(refdata.language_status(m.code), population[m.code]) for m in members]
            ),
        )
        plans.append(
            AreaPlan(
                record,
                lead.name_fi,
                tuple(_municipality_plan(m.code, m.region_code, counts[m.code]) for m in members),
            )
        )
    return plans


def _populations(mainland: Sequence[Municipality]) -> dict[str, float]:
    """Place population, or the mainland median where GeoNames has none (5 municipalities)."""
    fallback = statistics.median(m.place_population for m in mainland if m.place_population)
    return {m.code: float(m.place_population or fallback) for m in mainland}


def _points(mainland: Sequence[Municipality]) -> dict[str, tuple[float, float]]:
    """Lat/lon, or the mean point of the region where GeoNames has none (4 municipalities)."""
    by_region: dict[str, list[tuple[float, float]]] = {}
    for m in mainland:
        if m.lat is not None and m.lon is not None:
            by_region.setdefault(m.region_code, []).append((m.lat, m.lon))
    points = {}
    for m in mainland:
        if m.lat is not None and m.lon is not None:
            points[m.code] = (m.lat, m.lon)
        else:
            known = by_region[m.region_code]
            points[m.code] = (
                sum(lat for lat, _ in known) / len(known),
                sum(lon for _, lon in known) / len(known),
            )
    return points


def _regional_groups(
    municipalities: Sequence[Municipality],
    population: dict[str, float],
    point: dict[str, tuple[float, float]],
) -> list[list[Municipality]]:
    """Split each region into as many areas as ``_areas_per_region`` gives it."""
    regions: dict[str, list[Municipality]] = {}
    for m in municipalities:
        regions.setdefault(m.region_code, []).append(m)
    allotment = _areas_per_region(
        regions, population, NATIONAL_AREA_COUNT - len(SINGLE_MUNICIPALITY_AREAS)
    )
    groups: list[list[Municipality]] = []
    for region_code in sorted(regions):
        groups += group_around_centres(
            regions[region_code],
            allotment[region_code],
            weight=lambda m: population[m.code],
            point=lambda m: point[m.code],
            tiebreak=lambda m: m.code,
        )
    return groups


def _areas_per_region(
    regions: dict[str, list[Municipality]], population: dict[str, float], total: int
) -> dict[str, int]:
    """One area per region, the rest by half population share and half municipality count.

    Mixing in the municipality count reflects that large rural regions were split into more
    areas than their population alone would suggest (the 20,000 labour-force minimum, S§9).
    """
    codes = sorted(regions)
    all_people = sum(population[m.code] for ms in regions.values() for m in ms)
    all_municipalities = sum(len(ms) for ms in regions.values())
    weights = [
        0.5 * sum(population[m.code] for m in regions[c]) / all_people
        + 0.5 * len(regions[c]) / all_municipalities
        for c in codes
    ]
    extra = apportion(total - len(codes), weights)
    return {c: min(1 + e, len(regions[c])) for c, e in zip(codes, extra, strict=True)}


def _smallest_multi_municipality_groups(
    groups: Sequence[Sequence[Municipality]], population: dict[str, float]
) -> set[int]:
    multi = [i for i, members in enumerate(groups) if len(members) > 1]
    multi.sort(key=lambda i: (sum(population[m.code] for m in groups[i]), i))
    return set(multi[:JOINT_AUTHORITY_COUNT])


_PLANNERS = {"small": _plan_small, "city": _plan_city, "national": _plan_national}
SIZES = tuple(_PLANNERS)
