"""Generate a synthetic employment area (or all of mainland Finland) as plain records.

``generate`` is a pure function of (size, seed, today, scale): no database, no Django, no global
random state. Each concern draws from its own ``random.Random`` seeded with a string derived
from the seed, so a change in how staff are drawn does not reshuffle the people.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from saumaton.synth import geography
from saumaton.synth.identity import BusinessIdAllocator, HetuAllocator
from saumaton.synth.leavers import leavers_for
from saumaton.synth.organisations import build_organisations
from saumaton.synth.people import PersonFactory
from saumaton.synth.records import (
    LeaverRecord,
    OrganisationRecord,
    PersonRecord,
    StaffRecord,
    SyntheticPopulation,
)
from saumaton.synth.staff import build_staff

SIZES = geography.SIZES
PROGRESS_EVERY = 1_000


def generate(
    size: str = "small",
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    scale: float = 1.0,
) -> SyntheticPopulation:
    """Build the population of ``size`` ("small", "city" or "national") as of ``today``.

    The same (size, seed, today, scale) always gives the same population. ``progress(done,
    total)`` is called every ``PROGRESS_EVERY`` people and once at the end. ``scale`` shrinks
    or grows the number of jobseekers (tests use it to stay fast); the calibrated sizes are
    at 1.0.
    """
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; allowed sizes: {', '.join(SIZES)}")
    if scale <= 0:
        raise ValueError("scale must be positive")
    today = today or date.today()
    plans = geography.plan(size, scale)
    total = sum(area.jobseekers for area in plans)

    def rng(purpose: str) -> random.Random:
        return random.Random(f"saumaton.synth:{size}:{seed}:{purpose}")

    people_rng, organisation_rng, staff_rng = rng("people"), rng("organisations"), rng("staff")
    factory = PersonFactory(today, HetuAllocator())
    business_ids = BusinessIdAllocator(organisation_rng)
    organisations: list[OrganisationRecord] = []
    staff: list[StaffRecord] = []
    people: list[PersonRecord] = []
    area_coaches: dict[str, list[str]] = {}
    for index, area in enumerate(plans):
        area_people = []
        for municipality in area.municipalities:
            for _ in range(municipality.jobseekers):
                area_people.append(
                    factory.make(
                        len(people) + len(area_people), area.record.code, municipality, people_rng
                    )
                )
                done = len(people) + len(area_people)
                if progress is not None and done % PROGRESS_EVERY == 0:
                    progress(done, total)
        area_organisations = build_organisations(area, organisation_rng, business_ids)
        area_staff = build_staff(
            first_area=index == 0,
            area=area,
            organisations=area_organisations,
            people=area_people,
            today=today,
            rng=staff_rng,
        )
        organisations += area_organisations
        staff += area_staff.staff
        coaches = area_staff.coach_by_person_key
        people += [replace(p, coach_username=coaches[p.key]) for p in area_people]
        area_coaches[area.record.code] = sorted(set(coaches.values()))
    if progress is not None:
        progress(total, total)
    leavers: list[LeaverRecord] = []
    leaver_rng = rng("leavers")  # after everyone else: the stock is as it was without them
    for area in plans:
        first_key, coaches = len(people) + len(leavers), area_coaches[area.record.code]
        leavers += leavers_for(area, factory, leaver_rng, today, first_key, coaches)
    return SyntheticPopulation(
        size=size,
        seed=seed,
        today=today,
        areas=tuple(area.record for area in plans),
        organisations=tuple(organisations),
        staff=tuple(staff),
        people=tuple(people),
        leavers=tuple(leavers),
    )
