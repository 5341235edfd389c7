"""Service-process table tests: 380/2023 ch. 4 as in force on each rule-set boundary."""

from datetime import date

import pytest

from saumaton.rules.errors import RuleInputError
from saumaton.rules.process import History, initial_interview_deadline, meetings_due

D = date


@pytest.mark.parametrize(
    ("start", "deadline", "ruleset"),
    [
        (D(2022, 5, 2), D(2022, 5, 9), D(2022, 5, 2)),  # 916/2012 (1379/2021): 5 working days
        (D(2024, 12, 31), D(2025, 1, 9), D(2022, 5, 2)),  # 5 wd across New Year and Epiphany
        (D(2025, 1, 1), D(2025, 1, 9), D(2025, 1, 1)),  # 380/2023 §31: 5 working days
        (D(2025, 12, 19), D(2025, 12, 31), D(2025, 1, 1)),  # RULES.md §3.3 example, 5 wd
        (D(2025, 12, 31), D(2026, 1, 9), D(2025, 1, 1)),  # started in 2025: still 5 wd
        (D(2026, 1, 1), D(2026, 1, 16), D(2026, 1, 1)),  # HE 108/2025 §31: 10 working days
        (D(2026, 6, 12), D(2026, 6, 29), D(2026, 5, 1)),  # RULES.md §3.3: Midsummer Eve skipped
        (D(2026, 3, 1), D(2026, 3, 13), D(2026, 3, 1)),
        (D(2026, 5, 1), D(2026, 5, 18), D(2026, 5, 1)),  # May Day start; Ascension 14.5 skipped
        (D(2026, 9, 1), D(2026, 9, 15), D(2026, 9, 1)),
    ],
)
def test_initial_interview_deadline(start, deadline, ruleset):
    result = initial_interview_deadline(start)
    assert (result.deadline, result.ruleset) == (deadline, ruleset)
    assert "150/1930 §2" in result.basis


def test_before_nordic_model_is_out_of_scope():
    with pytest.raises(RuleInputError) as exc:
        initial_interview_deadline(D(2022, 5, 1))
    assert exc.value.field == "job_search_start"


def test_no_interview_yet_means_interview_due():
    result = meetings_due(History(D(2026, 2, 2)), D(2026, 2, 3))
    assert [(m.kind, m.due) for m in result.meetings] == [("initial_interview", D(2026, 2, 16))]


def test_2025_rhythm():
    # 380/2023 §32(1)(1) phase 1 every 2 weeks; §32(1)(2) 3 months; §32(1)(3) 6-month block
    history = History(D(2025, 3, 3), initial_interview=D(2025, 3, 6))
    result = meetings_due(history, D(2025, 3, 10))
    assert [(m.kind, m.due) for m in result.meetings] == [
        ("supplementary_conversation", D(2025, 3, 20)),
        ("job_search_conversation", D(2025, 6, 6)),
        ("supplementary_conversation", D(2025, 10, 6)),
    ]


def test_2025_phase1_done_moves_the_job_search_conversation():
    # §32(1)(2): 3 months from the last phase-1 conversation
    held = (D(2025, 3, 20), D(2025, 4, 3), D(2025, 4, 17), D(2025, 5, 2), D(2025, 5, 15))
    history = History(
        D(2025, 3, 3), initial_interview=D(2025, 3, 6), supplementary_conversations=held
    )
    kinds = {m.kind: m.due for m in meetings_due(history, D(2025, 5, 20)).meetings}
    assert kinds["job_search_conversation"] == D(2025, 8, 15)


def test_laid_off_phase1_only_on_request():
    # §32(4): laid-off persons get phase-1 conversations only on request
    history = History(D(2025, 3, 3), status="laid_off", initial_interview=D(2025, 3, 6))
    result = meetings_due(history, D(2025, 3, 10))
    assert [m.kind for m in result.meetings].count("supplementary_conversation") == 1  # block only
    assert result.notes


def test_2026_rhythm_every_three_months_from_interview():
    # HE 108/2025 §32: no fixed supplementary schedule; 3 months from the interview, then previous
    history = History(
        D(2026, 1, 5), initial_interview=D(2026, 1, 12), job_search_conversations=(D(2026, 4, 13),)
    )
    result = meetings_due(history, D(2026, 5, 4))
    assert [(m.kind, m.due) for m in result.meetings] == [
        ("job_search_conversation", D(2026, 7, 13))
    ]
    assert result.ruleset == D(2026, 5, 1)


def test_long_service_one_month_before_end():
    # 380/2023 §33: conversation 1 month before the expected end, supplementary within a month
    history = History(
        D(2025, 2, 3), initial_interview=D(2025, 2, 5), long_service_end=D(2025, 9, 30)
    )
    result = meetings_due(history, D(2025, 4, 1))
    assert [(m.kind, m.due) for m in result.meetings] == [
        ("job_search_conversation", D(2025, 9, 1)),  # 30.8 is a Saturday: 150/1930 §5
        ("supplementary_conversation", D(2025, 9, 30)),
    ]


def test_short_remaining_unemployment_skips_conversations():
    # 380/2023 §32(3) (435/2024)
    history = History(
        D(2025, 2, 3), initial_interview=D(2025, 2, 5), unemployment_ends_within_3_months=True
    )
    assert meetings_due(history, D(2025, 2, 10)).meetings == ()
    asked = History(
        D(2025, 2, 3),
        initial_interview=D(2025, 2, 5),
        unemployment_ends_within_3_months=True,
        requested_supplementary=True,
    )
    assert meetings_due(asked, D(2025, 2, 10)).meetings


def test_bad_inputs_name_their_field():
    with pytest.raises(RuleInputError) as exc:
        meetings_due(History(D(2025, 2, 3), status="retired"), D(2025, 3, 1))
    assert exc.value.field == "status"
    with pytest.raises(RuleInputError) as exc:
        meetings_due(History(D(2025, 2, 3)), D(2025, 1, 1))
    assert exc.value.field == "on"
