"""People whose job search ended in the last 16 months: the flows out of unemployment.

Why: the population proper is today's stock of jobseekers (calibrated on the monthly stock, see
``calibration``), and a stock alone has no past — everyone in it is still unemployed, so the
insight dashboards built from it would show no spell ending in work, unemployment growing
month after month (the earlier months hold only today's survivors) and almost no spell ending
within three months. Real registers hold the people who left, too; so does the demo.

A leaver is made like any jobseeker (``PersonFactory.make``: age, language, names, a test-range
hetu) and then given a finished spell: it ended on a day of the last ``LEAVER_DAYS`` (16
months), at the stock's monthly outflow rate, with a length drawn from the monthly exit hazard of
``calibration.EXIT_HAZARD_BY_MONTH`` (half of spells end within three months), towards work,
studies, outside the labour force or an unknown destination. A leaver keeps the coach they had
(one of the area's, in turn) and the next job-search conversation that was booked for them when
the search ended, then cancelled; no other meetings, plan or profile. They draw from their own
random stream, after everyone else, so the stock and its histories are as they were.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from saumaton.rules.calendar import next_working_day
from saumaton.synth import calibration as cal
from saumaton.synth.geography import AreaPlan
from saumaton.synth.people import DAYS_PER_MONTH, PersonFactory, add_years
from saumaton.synth.records import LeaverRecord, PersonRecord
from saumaton.synth.sampling import Categorical

# Sixteen months: the dashboards' twelve complete months, the current one, and the three months
# that "ended within 3 months" looks back from the first of them.
LEAVER_DAYS = 487
# Spell endings per month ≈ 25–35k nationally against a stock of 346,400 (STATISTICS.md §4):
# ≈ 30k / 346.4k. derived.
MONTHLY_OUTFLOW_SHARE = 0.087
# Where the spells that did not end in a service went (services are in the stock's histories,
# ``histories``): no published split of the outflow by destination was found, only that part
# of it is open-market work (STATISTICS.md §4). UNCONFIRMED.
DESTINATION_SHARES = {"employed": 0.55, "studying": 0.12, "outside": 0.18, "unknown": 0.15}
DESTINATIONS = Categorical(DESTINATION_SHARES)
# A destination's status after the spell (jobseekers.EmploymentStatusPeriod.Status; none for
# an unknown destination) and why the job search ended (JobseekerCustomership.EndReason,
# 380/2023 §28).
STATUS_AFTER = {"employed": "employed", "studying": "studying", "outside": "outside_labour_force"}
# Every jobseeker has a next meeting booked (the seam guard sees to it), so each leaver's next
# job-search conversation (380/2023 §35: every 3 months) fell due within 3 months of the spell's
# end; it was cancelled when the job search ended. UNCONFIRMED spread: uniform.
NEXT_MEETING_DAYS = (1, 91)
END_REASON = {
    "employed": "employed",
    "studying": "studies",
    "outside": "cancelled",
    "unknown": "not_renewed",
}


def leavers_for(
    area: AreaPlan,
    factory: PersonFactory,
    rng: random.Random,
    today: date,
    first_key: int,
    coaches: Sequence[str],
) -> list[LeaverRecord]:
    """The leavers of one area, keyed from ``first_key`` on, their coaches taken in turn from
    ``coaches`` (the area's)."""
    out: list[LeaverRecord] = []
    for municipality in area.municipalities:
        count = round(
            municipality.jobseekers * MONTHLY_OUTFLOW_SHARE * LEAVER_DAYS / DAYS_PER_MONTH
        )
        for _ in range(count):
            person = factory.make(first_key + len(out), area.record.code, municipality, rng)
            coach = coaches[len(out) % len(coaches)] if coaches else None
            out.append(_finished(person, coach, rng, today))
    return out


def _finished(
    person: PersonRecord, coach: str | None, rng: random.Random, today: date
) -> LeaverRecord:
    left_on = today - timedelta(days=rng.randint(1, LEAVER_DAYS))
    earliest = add_years(person.birth_date, cal.MIN_AGE_AT_JOB_SEARCH_START)
    start = max(left_on - timedelta(days=_spell_days(rng) - 1), min(earliest, left_on))
    destination = DESTINATIONS.draw(rng)
    status = "unemployed" if person.employment_status == "part_time" else person.employment_status
    person = replace(
        person,
        job_search_start=start,
        employment_status=status,
        benefit=None,
        paid_days_to_date=0,
        coach_username=coach,
    )
    return LeaverRecord(
        person,
        left_on,
        destination,
        STATUS_AFTER.get(destination),
        END_REASON[destination],
        next_working_day(left_on + timedelta(days=rng.randint(*NEXT_MEETING_DAYS))),
    )


def _spell_days(rng: random.Random) -> int:
    """A finished spell's length: month by month, it ends with that month's exit hazard."""
    months = 0
    while months < cal.MAX_DURATION_MONTHS and rng.random() >= cal.exit_hazard(months):
        months += 1
    return int((months + rng.random()) * DAYS_PER_MONTH) + 1
