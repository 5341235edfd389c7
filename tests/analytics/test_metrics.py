"""Monthly metrics on a hand-computed example (count date 2025-12-31) and invariants.

The example has one person per case; the comments give the arithmetic the expected values come
from, so a failing figure can be checked by hand against catalogue.py.
"""

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.analytics.catalogue import METRICS
from saumaton.analytics.metrics import monthly_metrics, person_indicators
from saumaton.analytics.timeline import (
    STATUSES,
    Meeting,
    ServiceParticipation,
    StatusPeriod,
    Timeline,
)

D = date
SP = StatusPeriod
STATUS = [
    # A: unemployed since 2024-10-01 -> long-term; 457 days on 2025-12-31
    SP("A", "unemployed", D(2024, 10, 1)),
    # B: 212 + 214 = 426 unemployed days in 2024-09-01..2025-12-31 -> comparable long-term
    SP("B", "unemployed", D(2024, 9, 1), D(2025, 3, 31)),
    SP("B", "employed", D(2025, 4, 1), D(2025, 5, 31)),
    SP("B", "unemployed", D(2025, 6, 1)),
    # C: training ended 2025-08-31 (within 12 months, >= 3 months ago) -> after services
    SP("C", "in_service", D(2025, 1, 1), D(2025, 8, 31), "labour_market_training"),
    SP("C", "unemployed", D(2025, 9, 1)),
    # D: work trial, a month unemployed, then wage subsidy -> service to service
    SP("D", "in_service", D(2025, 3, 1), D(2025, 6, 30), "work_trial"),
    SP("D", "unemployed", D(2025, 7, 1), D(2025, 7, 31)),
    SP("D", "in_service", D(2025, 8, 1), None, "wage_subsidy"),
    # E: a service, then a job (breaks the chain), then coaching -> in service, not structural
    SP("E", "in_service", D(2024, 6, 1), D(2024, 12, 31), "labour_market_training"),
    SP("E", "employed", D(2025, 1, 1), D(2025, 9, 30)),
    SP("E", "in_service", D(2025, 10, 1), None, "coaching"),
    SP("F", "unemployed", D(2025, 10, 15)),  # 78 days
    SP("G", "laid_off", D(2025, 12, 1)),  # inflow in December, 31 days
    SP("H", "part_time", D(2025, 6, 1)),  # a jobseeker, not unemployed
    # I: a 40-day spell ending 2025-12-10 into a job -> outflow to employment
    SP("I", "unemployed", D(2025, 11, 1), D(2025, 12, 10)),
    SP("I", "employed", D(2025, 12, 11)),
    # J: began in September, ended within 3 months
    SP("J", "unemployed", D(2025, 9, 5), D(2025, 10, 20)),
    SP("J", "studying", D(2025, 10, 21)),
    SP("K", "in_service", D(2025, 7, 1), D(2025, 9, 15), "coaching"),
    SP("K", "unemployed", D(2025, 9, 16), D(2025, 11, 30)),
    SP("K", "employed", D(2025, 12, 1)),
]
SERVICES = [
    ServiceParticipation("C", "labour_market_training", D(2025, 1, 1), D(2025, 8, 31)),
    ServiceParticipation("C", "coaching", D(2026, 1, 10)),  # booked: a next step
    ServiceParticipation("D", "work_trial", D(2025, 3, 1), D(2025, 6, 30)),
    ServiceParticipation("D", "wage_subsidy", D(2025, 8, 1)),
    ServiceParticipation("E", "coaching", D(2025, 10, 1)),
    ServiceParticipation("K", "coaching", D(2025, 7, 1), D(2025, 9, 15)),
]
MEETINGS = [
    Meeting("F", "job_search_conversation", D(2025, 12, 5), D(2025, 12, 4)),  # on time
    Meeting("G", "initial_interview", D(2025, 12, 10), D(2025, 12, 15)),  # late
    Meeting("A", "job_search_conversation", D(2025, 12, 20)),  # overdue
    Meeting("B", "job_search_conversation", D(2026, 1, 15)),  # planned: a next step
]
PEOPLE = pd.DataFrame(
    {
        "person_id": list("ABCDEFGHIJK"),
        "municipality": ["905"] * 3 + ["499"] * 8,
    }
)


@pytest.fixture(scope="module")
def timeline():
    return Timeline(STATUS, SERVICES, MEETINGS)


def figures(result: pd.DataFrame, **where) -> dict:
    rows = result
    for column, value in where.items():
        rows = rows[rows[column] == value]
    return dict(zip(rows["metric"], rows["value"], strict=True))


def test_each_structural_component_by_hand(timeline):
    ind = person_indicators(timeline, pd.Timestamp("2025-12-31").to_datetime64().astype("M8[D]"))
    flagged = {
        column: sorted(ind.loc[ind[column], "person_id"])
        for column in (
            "unemployed",
            "long_term",
            "comparable_long_term",
            "after_services",
            "service_to_service",
            "structural",
            "in_active_service",
            "without_next_step",
        )
    }
    assert flagged == {
        "unemployed": ["A", "B", "C", "F", "G"],
        "long_term": ["A"],
        "comparable_long_term": ["B"],
        "after_services": ["C"],
        "service_to_service": ["D"],
        "structural": ["A", "B", "C", "D"],
        "in_active_service": ["D", "E"],
        "without_next_step": ["A", "F", "G", "H"],
    }


def test_area_totals_by_hand(timeline):
    f = figures(monthly_metrics(timeline, "2025-12"), service_type="*")
    assert f["unemployed_jobseekers"] == 5
    assert f["long_term_unemployed"] == 1
    assert f["comparable_long_term_unemployed"] == 1
    assert f["unemployed_after_services"] == 1
    assert f["service_to_service"] == 1
    assert f["structural_unemployment"] == 4
    assert f["activation_rate"] == pytest.approx(2 / 7)  # ALP {D, E}, U {A, B, C, F, G}
    assert f["inflow"] == 1  # G
    assert f["outflow"] == 1  # I, to work; K's spell ended in November
    assert f["outflow_employed"] == 1
    assert f["median_duration_ended"] == 40  # I: 1 Nov .. 10 Dec
    assert f["median_duration_ongoing"] == 122  # A 457, B 214, C 122, F 78, G 31
    # September cohort: C (ongoing), J (ended 20 Oct), K (ended 30 Nov, before 16 Dec)
    assert f["ended_within_3_months"] == pytest.approx(2 / 3)
    assert f["meetings_on_time"] == pytest.approx(1 / 3)
    assert f["overdue_meetings"] == 1


def test_after_service_placement_by_service_type(timeline):
    result = monthly_metrics(timeline, "2025-12")
    three = result[result["metric"] == "open_market_3m_after_service"]
    six = result[result["metric"] == "open_market_6m_after_service"]
    # K's coaching ended 15 Sep; on 15 Dec K is employed. D's trial ended 30 Jun; on 30 Dec D
    # is in wage-subsidised work, which is not the open labour market.
    assert dict(zip(three["service_type"], three["value"], strict=True)) == {"coaching": 1.0}
    assert dict(zip(six["service_type"], six["value"], strict=True)) == {"work_trial": 0.0}


def test_grouping_by_municipality_keeps_empty_groups(timeline):
    result = monthly_metrics(timeline, "2025-12", PEOPLE, by=["municipality"])
    assert figures(result, municipality="905", service_type="*")["unemployed_jobseekers"] == 3
    f499 = figures(result, municipality="499", service_type="*")
    assert f499["unemployed_jobseekers"] == 2
    assert f499["long_term_unemployed"] == 0  # an empty count is 0, not missing


def test_every_result_is_catalogued_with_three_languages(timeline):
    ids = set(monthly_metrics(timeline, "2025-12")["metric"])
    assert ids == set(METRICS)
    for metric in METRICS.values():
        assert all(metric.name(lang) for lang in ("fi", "sv", "en"))
        assert metric.definition and metric.source


def test_overlapping_periods_are_refused():
    with pytest.raises(ValueError, match="overlap"):
        Timeline([SP("X", "unemployed", D(2025, 1, 1)), SP("X", "employed", D(2025, 2, 1))])


periods = st.lists(
    st.tuples(st.sampled_from(STATUSES), st.integers(1, 200)), min_size=1, max_size=8
)


@settings(max_examples=40, deadline=None)
@given(st.lists(periods, min_size=1, max_size=6))
def test_components_are_disjoint_and_sum_to_structural(histories):
    rows = []
    for number, history in enumerate(histories):
        day = D(2024, 1, 1)
        for status, length in history:
            service = "coaching" if status == "in_service" else None
            rows.append(SP(str(number), status, day, day + timedelta(days=length - 1), service))
            day += timedelta(days=length)
        rows[-1] = SP(rows[-1].person_id, rows[-1].status, rows[-1].start, None, service)
    f = figures(monthly_metrics(Timeline(rows), "2025-06"), service_type="*")
    components = (
        f["long_term_unemployed"]
        + f["comparable_long_term_unemployed"]
        + f["unemployed_after_services"]
        + f["service_to_service"]
    )
    assert components == f["structural_unemployment"]
    assert (
        f["long_term_unemployed"] + f["comparable_long_term_unemployed"]
        <= f["unemployed_jobseekers"]
    )
    assert pd.isna(f["activation_rate"]) or 0 <= f["activation_rate"] <= 1


def test_a_statutory_meeting_counts_once_and_only_while_it_is_owed():
    """P's no-show is rebooked for the same due date and held late: one meeting, late, not
    overdue. Q found work before the due date (the booking was cancelled): not owed. R's
    meeting was never held: late and overdue."""
    status = [
        SP("P", "unemployed", D(2025, 6, 1)),
        SP("Q", "unemployed", D(2025, 6, 1), D(2025, 12, 2)),
        SP("Q", "employed", D(2025, 12, 3)),
        SP("R", "unemployed", D(2025, 6, 1)),
    ]
    meetings = [
        Meeting("P", "job_search_conversation", D(2025, 12, 5)),  # the no-show
        Meeting("P", "job_search_conversation", D(2025, 12, 5), D(2025, 12, 9)),
        Meeting("Q", "job_search_conversation", D(2025, 12, 10)),
        Meeting("R", "job_search_conversation", D(2025, 12, 15)),
    ]
    result = monthly_metrics(Timeline(status, (), meetings), "2025-12")
    on_time = result[result["metric"] == "meetings_on_time"].iloc[0]
    assert (on_time["numerator"], on_time["denominator"]) == (0, 2)  # P late, R never
    assert figures(result, service_type="*")["overdue_meetings"] == 1  # R
