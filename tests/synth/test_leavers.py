"""Leavers: the flows out of the stock, at the documented rates, and what they do to the figures.

Without them the stock's months before today hold only today's survivors: unemployment seems to
double over a year and no spell ends in work. With them the monthly figures look like a
register's (roughly level stock, about half of spells ending within three months).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from functools import cache

import pytest

from saumaton.analytics.metrics import monthly_metrics
from saumaton.analytics.timeline import StatusPeriod, Timeline
from saumaton.rules.calendar import is_working_day
from saumaton.rules.identifiers import validate_hetu
from saumaton.synth.generator import generate
from saumaton.synth.histories import HistoryFactory
from saumaton.synth.leavers import (
    DESTINATION_SHARES,
    LEAVER_DAYS,
    MONTHLY_OUTFLOW_SHARE,
)
from saumaton.synth.people import DAYS_PER_MONTH

TODAY = date(2026, 11, 28)
SCALE = 0.25
ANALYTICS_STATUS = {"outside_labour_force": "outside"}  # as insight.extract maps it


@cache
def population():
    return generate("small", seed=1, today=TODAY, scale=SCALE)


def test_leavers_come_at_the_outflow_rate_after_the_stock_with_their_own_identities():
    pop = population()
    expected = len(pop.people) * MONTHLY_OUTFLOW_SHARE * LEAVER_DAYS / DAYS_PER_MONTH
    assert abs(len(pop.leavers) - expected) <= 0.02 * expected
    keys = [r.person.key for r in pop.leavers]
    assert keys == list(range(len(pop.people), len(pop.people) + len(pop.leavers)))
    hetus = {r.person.hetu for r in pop.leavers}
    assert len(hetus) == len(pop.leavers)
    assert not hetus & {p.hetu for p in pop.people}
    assert all(validate_hetu(h).temporary for h in list(hetus)[:300])


def test_a_leavers_spell_is_finished_within_the_window_at_the_exit_hazard():
    leavers = population().leavers
    coaches = {s.username for s in population().staff if s.role == "coach"}
    lengths = []
    for r in leavers:
        p = r.person
        assert TODAY - timedelta(days=LEAVER_DAYS) <= r.left_on < TODAY
        assert p.job_search_start <= r.left_on
        assert p.employment_status in ("unemployed", "laid_off")
        assert p.benefit is None and p.coach_username in coaches
        # 1–91 days on, moved to the next working day (Christmas can add a few)
        assert 1 <= (r.cancelled_meeting_due - r.left_on).days <= 91 + 7
        assert is_working_day(r.cancelled_meeting_due)
        lengths.append((r.left_on - p.job_search_start).days + 1)
    within_3_months = sum(n <= 3 * DAYS_PER_MONTH for n in lengths) / len(lengths)
    assert 0.4 <= within_3_months <= 0.6  # "about half of spells end within 3 months"
    destinations = Counter(r.destination for r in leavers)
    for destination, share in DESTINATION_SHARES.items():
        assert destinations[destination] / len(leavers) == pytest.approx(share, abs=0.03)


def test_with_the_leavers_the_stock_is_level_and_spells_end_in_work():
    pop = population()
    rows = [
        StatusPeriod(str(h.person_key), s.status, s.start, s.end, s.service_type or None)
        for h in HistoryFactory(pop).histories()
        for s in h.status_periods
    ]
    for r in pop.leavers:
        key = str(r.person.key)
        rows.append(
            StatusPeriod(key, r.person.employment_status, r.person.job_search_start, r.left_on)
        )
        if r.status_after:
            after = ANALYTICS_STATUS.get(r.status_after, r.status_after)
            rows.append(StatusPeriod(key, after, r.left_on + timedelta(days=1)))
    timeline = Timeline(rows)

    def figures(month):
        f = monthly_metrics(timeline, month)
        return f[f["service_type"] == "*"].set_index("metric")["value"]

    first, last = figures("2025-11"), figures("2026-10")
    assert 0.9 <= first["unemployed_jobseekers"] / last["unemployed_jobseekers"] <= 1.1
    assert last["outflow_employed"] > 0.3 * last["outflow"] > 0
    assert 0.05 <= last["outflow"] / last["unemployed_jobseekers"] <= 0.15
    assert 0.3 <= first["ended_within_3_months"] <= 0.65
