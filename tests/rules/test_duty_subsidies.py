"""Job-search duty (380/2023 §§44–48) and wage subsidy (380/2023 §§82–89) table tests."""

from datetime import date

import pytest

from saumaton.rules.duty import Period, evaluate_period, job_search_duty
from saumaton.rules.errors import RuleInputError
from saumaton.rules.subsidies import service_limits, wage_subsidy

D = date


def _periods(plan):
    return [(p.start, p.end, p.required) for p in plan.periods]


def test_default_three_months_of_four():
    # 380/2023 §44(1): three 1-month periods, 4 opportunities each
    plan = job_search_duty(D(2025, 1, 31), "unemployed")
    assert _periods(plan) == [
        (D(2025, 1, 31), D(2025, 2, 27), 4),
        (D(2025, 2, 28), D(2025, 3, 30), 4),
        (D(2025, 3, 31), D(2025, 4, 29), 4),
    ]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (D(2022, 5, 2), [(D(2022, 5, 2), D(2022, 8, 1), 1)]),  # 1 per 3 months (1379/2021)
        (D(2025, 12, 31), [(D(2025, 12, 31), D(2026, 3, 30), 1)]),  # 380/2023 §47(1)
        (
            D(2026, 1, 1),
            [
                (D(2026, 1, 1), D(2026, 1, 31), 4),
                (D(2026, 2, 1), D(2026, 2, 28), 4),
                (D(2026, 3, 1), D(2026, 3, 31), 4),
            ],
        ),  # HE 108/2025
    ],
)
def test_part_time(start, expected):
    assert _periods(job_search_duty(start, "part_time")) == expected


def test_laid_off_starts_three_months_after_lay_off():
    # 380/2023 §46 (435/2024)
    plan = job_search_duty(D(2025, 3, 3), "laid_off", lay_off_start=D(2025, 2, 10))
    assert plan.periods[0].start == D(2025, 5, 10)
    with pytest.raises(RuleInputError) as exc:
        job_search_duty(D(2025, 3, 3), "laid_off")
    assert exc.value.field == "lay_off_start"


def test_reductions_and_exemptions():
    # §44(3): fewer suitable opportunities → fewer; none → no duty
    assert {
        p.required
        for p in job_search_duty(D(2025, 3, 3), "unemployed", suitable_opportunities=2).periods
    } == {2}
    none = job_search_duty(D(2025, 3, 3), "unemployed", suitable_opportunities=0)
    assert (none.periods, none.exemption) == ((), "no_suitable_opportunities")
    # §48: multisectoral support need
    plan = job_search_duty(D(2026, 3, 3), "unemployed", exemption="multisectoral_support_need")
    assert (plan.periods, plan.exemption) == ((), "multisectoral_support_need")
    # §47(2): self-study without vocational qualification, 3 per 3 months
    assert _periods(job_search_duty(D(2025, 3, 3), "self_study_no_vocational_qualification")) == [
        (D(2025, 3, 3), D(2025, 6, 2), 3)
    ]
    # §44(4): only full periods before unemployment ends
    short = job_search_duty(D(2025, 3, 3), "unemployed", expected_unemployment_end=D(2025, 5, 15))
    assert len(short.periods) == 2


def test_evaluate_period_as_a_whole():
    # TTL 2a:9(2), 2a:12
    period = Period(D(2025, 3, 1), D(2025, 3, 31), 4)
    apps = [D(2025, 3, 2), D(2025, 3, 9), D(2025, 3, 30), D(2025, 4, 1)]
    result = evaluate_period(period, apps)
    assert (result.fulfilled, result.counted) == (False, 3)
    assert evaluate_period(period, apps, "incapacity").fulfilled


@pytest.mark.parametrize(
    ("kind", "age", "u14", "rwa", "u28", "expected"),
    [
        ("company", 30, 4, True, None, (True, 70, 10)),  # §87
        ("municipality", 30, 13, False, None, (False, None, None)),  # §83(1) (1098/2024)
        ("municipality", 61, 13, False, None, (True, 50, 24)),  # §89
        ("association", 40, 13, False, 25, (True, 100, 10)),  # §88
        ("company", 40, 12, False, None, (True, 50, 10)),  # §86: ≥ 12 of 14 months
        ("company", 40, 11, False, None, (True, 50, 5)),  # §86
        ("state_agency", 40, 11, True, None, (False, None, None)),  # §83
    ],
)
def test_wage_subsidy(kind, age, u14, rwa, u28, expected):
    result = wage_subsidy(kind, D(2025, 3, 3), age, u14, rwa, unemployed_months_in_last_28=u28)
    assert (result.eligible, result.percent, result.max_months) == expected


def test_wage_subsidy_before_2025_out_of_scope():
    with pytest.raises(RuleInputError) as exc:
        wage_subsidy("company", D(2024, 12, 31), 40, 5, False)
    assert exc.value.field == "start"


def test_service_limits():
    assert (
        service_limits("work_trial", D(2025, 5, 5), age=22).limits[
            "count_resets_after_unemployed_months"
        ]
        == 3
    )
    assert (
        service_limits("rehabilitative_work_activity", D(2025, 5, 5)).limits[
            "max_days_per_12_months"
        ]
        == 178
    )
    assert service_limits("start_up_grant", D(2026, 5, 4)).verified is False
