"""Sanction table tests: 380/2023 §41, TTL ch. 2 a, decree 512/2024, on each boundary date."""

from datetime import date

import pytest

from saumaton.rules.errors import RuleInputError
from saumaton.rules.sanctions import (
    EarlierFailure,
    failure_consequence,
    work_requirement_restoration,
)

D = date
E = EarlierFailure


def _earlier(*days):
    return [E("missed_meeting", d, "benefit_loss") for d in days]


@pytest.mark.parametrize(
    ("failure", "earlier", "expected"),
    [
        # 2022-05-02 → 2026-02-28: reminder, 7 d, 14 d, 12-week work requirement (TTL 2a:9–2a:10)
        (D(2022, 5, 2), [], ("reminder", None, None)),
        (D(2024, 6, 3), _earlier(D(2024, 1, 8)), ("benefit_loss", 7, None)),
        (D(2025, 1, 1), _earlier(D(2024, 3, 1), D(2024, 6, 3)), ("benefit_loss", 14, None)),
        (
            D(2026, 2, 28),
            _earlier(D(2025, 3, 3), D(2025, 6, 2), D(2025, 9, 1)),
            ("work_requirement", None, 12),
        ),
        # memory window: 12 months from the first failure (last day included, 150/1930 §3)
        (D(2026, 1, 12), _earlier(D(2025, 1, 12)), ("benefit_loss", 7, None)),
        (D(2026, 1, 13), _earlier(D(2025, 1, 12)), ("reminder", None, None)),
        # 2026-03-01 →: 7 days, then a 6-week work requirement (HE 108/2025; TyVM 9/2025)
        (D(2026, 3, 1), [], ("benefit_loss", 7, None)),
        (D(2026, 5, 1), _earlier(D(2026, 3, 2)), ("work_requirement", None, 6)),
        (D(2026, 9, 1), _earlier(D(2026, 3, 2), D(2026, 5, 4)), ("work_requirement", None, 6)),
    ],
)
def test_ladder(failure, earlier, expected):
    result = failure_consequence("missed_meeting", failure, earlier)
    assert (result.consequence, result.days, result.work_requirement_weeks) == expected


def test_reminder_is_written_by_the_authority_without_statement():
    result = failure_consequence("job_search_duty", D(2025, 5, 5))
    assert (result.issuer, result.statement_deadline, result.verified) == (
        "employment_authority",
        None,
        True,
    )


def test_keha_statement_deadline_30_days_moved_off_weekends():
    # TTL 11:4a (438/2024); decree 512/2024 §1; 150/1930 §5: 2026-07-12 is a Sunday
    result = failure_consequence("resigned", D(2026, 6, 12))
    assert (result.issuer, result.statement_deadline) == ("keha", D(2026, 7, 13))


def test_third_failure_in_new_ladder_needs_review():
    result = failure_consequence(
        "missed_meeting", D(2026, 9, 1), _earlier(D(2026, 3, 2), D(2026, 5, 4))
    )
    assert result.needs_review and not result.verified


def test_transition_counts_old_failures_but_flags_them():
    result = failure_consequence(
        "missed_meeting", D(2026, 3, 2), [E("missed_meeting", D(2026, 1, 5), "reminder")]
    )
    assert (result.consequence, result.needs_review) == ("work_requirement", True)


def test_excused_failures_do_not_count():
    earlier = [E("missed_meeting", D(2025, 3, 3), "none")]
    assert failure_consequence("missed_meeting", D(2025, 5, 5), earlier).consequence == "reminder"


@pytest.mark.parametrize(
    ("kind", "job_days", "days", "starts"),
    [
        ("resigned", None, 45, D(2025, 3, 3)),  # TTL 2a:1: 45 days from the end of employment
        ("resigned", 5, 30, D(2025, 3, 3)),  # TTL 2a:1: job ≤ 5 days → 30
        ("refused_job", 15, 45, D(2025, 4, 2)),  # TTL 2a:4: starts 30 days after the refusal
        ("refused_job", 14, 30, D(2025, 4, 2)),  # TTL 2a:4: job ≤ 2 weeks → 30
    ],
)
def test_resignation_and_refusal(kind, job_days, days, starts):
    result = failure_consequence(kind, D(2025, 3, 3), job_duration_days=job_days)
    assert (result.consequence, result.days, result.starts, result.issuer) == (
        "benefit_loss",
        days,
        starts,
        "keha",
    )


def test_assigned_job_binding_rules():
    # TTL 2a:9(1)(6) until 2025-12-31: binding only 6 months after the initial interview
    early = failure_consequence(
        "not_applied_assigned_job", D(2025, 5, 5), last_initial_interview=D(2025, 1, 10)
    )
    assert early.consequence == "none"
    # TTL 2a:13: the month's count already reported
    met = failure_consequence("not_applied_assigned_job", D(2025, 9, 1), month_count_reported=True)
    assert met.consequence == "none"
    # from 2026-01-01 binding from the start
    later = failure_consequence(
        "not_applied_assigned_job", D(2026, 1, 20), last_initial_interview=D(2026, 1, 10)
    )
    assert later.consequence == "reminder"


def test_valid_reason():
    result = failure_consequence(
        "missed_meeting", D(2025, 5, 5), valid_reason="illness_or_accident"
    )
    assert result.consequence == "none" and "TTL 2a:11" in result.basis
    with pytest.raises(RuleInputError) as exc:
        failure_consequence("missed_meeting", D(2025, 5, 5), valid_reason="hours_changed")
    assert exc.value.field == "valid_reason"


def test_out_of_scope_and_order():
    with pytest.raises(RuleInputError) as exc:
        failure_consequence("missed_meeting", D(2022, 5, 1))
    assert exc.value.field == "date"
    with pytest.raises(RuleInputError) as exc:
        failure_consequence("missed_meeting", D(2025, 5, 1), _earlier(D(2025, 6, 1)))
    assert exc.value.field == "earlier_failures[0]"


def test_restoration():
    # TTL 2a:10(2): 12 weeks under the old ladder, 6 weeks from 2026-03-01; decided by the TVA
    assert work_requirement_restoration(D(2025, 6, 2), 11).remaining_weeks == 1
    restored = work_requirement_restoration(D(2026, 3, 2), 6)
    assert (restored.restored, restored.issuer) == (True, "employment_authority")
