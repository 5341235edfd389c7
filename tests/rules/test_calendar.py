"""Calendar table tests: Act 150/1930 and the project's working-day definition (RULES.md §3)."""

from datetime import date

import pytest

from saumaton.rules.calendar import (
    add_months,
    add_working_days,
    calendar_deadline,
    is_working_day,
    next_working_day,
    weekdays_between,
    working_days_between,
)

D = date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 6, 19), False),  # Midsummer Eve, named in 150/1930 §5
        (D(2025, 12, 24), False),  # Christmas Eve, named in 150/1930 §5
        (D(2026, 12, 6), False),  # Independence Day (a Sunday in 2026)
        (D(2025, 12, 8), True),  # ordinary Monday
        (D(2026, 5, 1), False),  # May Day
        (D(2026, 5, 14), False),  # Ascension Day
        (D(2026, 4, 3), False),  # Good Friday
        (D(2026, 1, 3), False),  # Saturday: not an arkipäivä in the project definition
    ],
)
def test_working_days(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # RULES.md §3.3 worked examples (380/2023 §31; 150/1930 §2: start day not counted)
        (D(2026, 6, 12), 10, D(2026, 6, 29)),
        (D(2025, 12, 19), 5, D(2025, 12, 31)),
        (D(2025, 12, 19), 10, D(2026, 1, 9)),
        (D(2026, 6, 29), -10, D(2026, 6, 12)),  # 150/1930 §4: counting backwards
        (D(2026, 3, 2), 0, D(2026, 3, 2)),
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 6, 12), 7, D(2026, 6, 22)),  # 150/1930 §5: Midsummer Eve → Monday
        (D(2025, 12, 17), 7, D(2025, 12, 29)),  # 150/1930 §5: Christmas Eve → Monday 29th
        (D(2026, 1, 5), 5, D(2026, 1, 12)),  # ends on Saturday 10th (arkilauantai) → Monday
    ],
)
def test_calendar_deadline_moves_off_non_working_days(start, days, expected):
    assert calendar_deadline(start, days) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),  # 150/1930 §3: no such day → last of month
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),  # 150/1930 §4
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_counts_and_weekdays():
    assert working_days_between(D(2025, 12, 19), D(2026, 1, 9)) == 10
    assert working_days_between(D(2026, 1, 9), D(2025, 12, 19)) == -10
    assert weekdays_between(D(2026, 6, 1), D(2026, 6, 30)) == 22  # holidays are benefit days
    assert next_working_day(D(2026, 12, 24)) == D(2026, 12, 28)


def test_far_dates_grow_the_table():
    assert add_working_days(D(2090, 12, 30), 3) == D(2091, 1, 4)
    with pytest.raises(ValueError):
        add_working_days(D(2199, 12, 1), 400)
