"""Stalled referrals and plans up to date on a hand-computed example (count date 2025-12-31).

Each row's comment gives why it counts or not, so a failing figure can be checked by hand
against the catalogue's definitions.
"""

from datetime import date, timedelta

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.analytics.metrics import monthly_metrics, review_due
from saumaton.analytics.timeline import PlanRevision, Referral, StatusPeriod, Timeline
from saumaton.rules.plans import plan_review_due

D = date
SP = StatusPeriod
STATUS = [
    SP("A", "unemployed", D(2025, 1, 1)),
    SP("B", "unemployed", D(2025, 6, 1)),
    SP("C", "laid_off", D(2025, 3, 1)),
    SP("E", "in_service", D(2025, 10, 1), None, "coaching"),  # not an active jobseeker
    SP("F", "part_time", D(2025, 5, 1)),
    SP("G", "unemployed", D(2025, 12, 1)),
    SP("H", "unemployed", D(2025, 2, 1)),
    SP("J", "employed", D(2025, 4, 1)),  # not an active jobseeker
]
R = Referral
REFERRALS = [
    R("A", D(2025, 12, 1), D(2025, 12, 8)),  # never answered, due passed: stalled
    R("B", D(2025, 12, 1), D(2025, 12, 31)),  # due on the count date itself: not yet
    # accepted, planned start 20.12. + 5 days = 25.12. < 31.12., not started: stalled
    R("C", D(2025, 11, 1), D(2025, 11, 8), D(2025, 11, 5), D(2025, 12, 25)),
    # accepted, stall limit is the count date: not yet
    R("F", D(2025, 11, 1), D(2025, 11, 8), D(2025, 11, 5), D(2025, 12, 31)),
    # started 1.10., expected to end 15.12., no outcome: stalled
    R("E", D(2025, 9, 1), D(2025, 9, 8), D(2025, 9, 5), D(2025, 9, 30), D(2025, 10, 1),
      D(2025, 12, 15)),
    # the same but completed on 20.12.: closed
    R("G", D(2025, 9, 1), D(2025, 9, 8), D(2025, 9, 5), D(2025, 9, 30), D(2025, 10, 1),
      D(2025, 12, 15), D(2025, 12, 20)),
    # answered only on 5.1.2026: on 31.12. it was unanswered past its due date: stalled
    R("G", D(2025, 11, 1), D(2025, 11, 8), D(2026, 1, 5), D(2026, 1, 15)),
    R("H", D(2026, 1, 2), D(2026, 1, 9)),  # sent after the count date
    R("H", D(2025, 11, 1), D(2025, 11, 8), None, None, None, None, D(2025, 11, 7)),  # declined
    # cancelled on 10.1.2026, never answered: on 31.12. unanswered: stalled
    R("J", D(2025, 11, 1), D(2025, 11, 8), None, None, None, None, D(2026, 1, 10)),
]  # fmt: skip
P = PlanRevision
PLANS = [
    P("A", D(2025, 10, 1), D(2026, 1, 15)),  # follow-up still ahead: up to date
    P("B", D(2025, 9, 1), D(2025, 12, 31)),  # follow-up due on the count date: not
    P("C", D(2025, 6, 1), D(2025, 9, 1)),  # overdue version ...
    P("C", D(2025, 11, 1), D(2026, 2, 1)),  # ... replaced by a later one: up to date
    P("F", D(2026, 1, 5), D(2026, 4, 1)),  # saved after the count date: no plan then
    P("G", D(2025, 12, 10)),  # no follow-up deadline: not due, up to date
    P("E", D(2025, 10, 1), D(2025, 11, 1)),  # overdue but in a service: not counted
    # H has no plan at all
]
PEOPLE = pd.DataFrame({"person_id": list("ABCEFGHJ"), "municipality": ["905"] * 3 + ["499"] * 5})


def _timeline():
    return Timeline(STATUS, referrals=REFERRALS, plans=PLANS)


def _figure(frame, metric, **cell):
    rows = frame[frame["metric"] == metric]
    for column, value in cell.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1
    return rows.iloc[0]


def test_area_figures_by_hand():
    out = monthly_metrics(_timeline(), "2025-12")
    assert _figure(out, "stalled_referrals")["value"] == 5  # A, C, E, G (2nd), J
    plans = _figure(out, "plans_up_to_date")
    # active jobseekers A B C F G H; up to date A, C, G
    assert (plans["numerator"], plans["denominator"], plans["value"]) == (3, 6, 0.5)


def test_by_municipality_by_hand():
    out = monthly_metrics(_timeline(), "2025-12", PEOPLE, by=["municipality"])
    assert _figure(out, "stalled_referrals", municipality="905")["value"] == 2  # A, C
    assert _figure(out, "stalled_referrals", municipality="499")["value"] == 3  # E, G, J
    assert _figure(out, "plans_up_to_date", municipality="905")["value"] == 2 / 3  # A, C of ABC
    assert _figure(out, "plans_up_to_date", municipality="499")["value"] == 1 / 3  # G of FGH


def test_a_month_earlier_the_states_are_rebuilt_from_the_dates():
    out = monthly_metrics(_timeline(), "2025-11")
    # 30.11.: G's second and J's referrals unanswered past 8.11.; E not yet past its end;
    # C accepted, stall limit 25.12. ahead; A and B not yet sent; H's declined.
    assert _figure(out, "stalled_referrals")["value"] == 2
    plans = _figure(out, "plans_up_to_date")
    # active on 30.11.: A B C F H (G from 1.12.); up to date A (15.1.), B (31.12.), C (1.2.)
    assert (plans["numerator"], plans["denominator"]) == (3, 5)


def test_no_referrals_and_no_plans_give_zero_and_nothing_up_to_date():
    out = monthly_metrics(Timeline(STATUS), "2025-12")
    assert _figure(out, "stalled_referrals")["value"] == 0
    assert _figure(out, "plans_up_to_date")["numerator"] == 0


days = st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31))


@settings(deadline=None)
@given(st.lists(st.one_of(st.none(), days), min_size=1, max_size=30), days)
def test_the_vectorised_review_rule_is_the_rule(deadlines, on):
    frame = Timeline([], plans=[P("x", on, d) for d in deadlines]).plans
    expected = [plan_review_due(d, on) for d in deadlines]
    assert list(review_due(frame["follow_up_deadline"], np.datetime64(on, "D"))) == expected


def test_the_rule_is_due_on_the_deadline_day():
    deadline = D(2026, 3, 2)
    assert not plan_review_due(deadline, deadline - timedelta(days=1))
    assert plan_review_due(deadline, deadline)
    assert not plan_review_due(None, deadline)
