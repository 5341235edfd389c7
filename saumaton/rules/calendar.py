"""Finnish working days and statutory time limits (*määräaikain laskeminen*).

Why this module exists: every deadline the engine gives (initial interview within N working
days, a labour-policy statement within 30 days) must land on a day an office is open, and it must
be computed the same way everywhere.

Definitions used (see docs/rules.md, "Calendar"):

- A *working day* (*arkipäivä* as the employment services use it) is Monday–Friday that is not a
  public holiday (``holidays`` package, Finland, category "public"), nor Christmas Eve
  (*jouluaatto*) nor Midsummer Eve (*juhannusaatto*). 380/2023 §31 does not define *arkipäivä*;
  this is the project's reading (RULES.md §3.2).
- Counting (Act 150/1930 §2): the named day itself is not counted.
- Months (150/1930 §3): same day number, or the last day of a shorter month.
- Moving a deadline (150/1930 §5, wording 358/1966): a time limit whose last day is a Saturday,
  a Sunday, a church holiday, Independence Day, May Day, Christmas Eve or Midsummer Eve ends on
  the next working day.

The calendar is precomputed once per span of years into a sorted table of working-day ordinals,
so every query is a binary search instead of a walk over days.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

import holidays

BASIS_WORKING_DAY = "380/2023 §31 (arkipäivä: Mon–Fri without public holidays and the two eves)"
BASIS_COUNT_DAYS = "150/1930 §2"
BASIS_COUNT_MONTHS = "150/1930 §3"
BASIS_MOVE_DEADLINE = "150/1930 §5 (358/1966)"

_SPAN = 20  # years added around a requested date when the table has to grow
MIN_YEAR, MAX_YEAR = 1900, 2200


class _WorkingDayTable:
    """Sorted ordinals of working days for a span of years, grown on demand."""

    def __init__(self) -> None:
        self.first_year = 0
        self.last_year = -1
        self.ordinals: list[int] = []
        self.non_working: frozenset[int] = frozenset()

    def ensure(self, year: int) -> None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"year {year} is outside the supported calendar {MIN_YEAR}–{MAX_YEAR}")
        if self.first_year <= year <= self.last_year:
            return
        if self.last_year < self.first_year:
            first, last = year - _SPAN, year + _SPAN
        else:
            first = min(self.first_year, year - _SPAN)
            last = max(self.last_year, year + _SPAN)
        first, last = max(first, MIN_YEAR), min(last, MAX_YEAR)
        self._build(first, last)

    def _build(self, first: int, last: int) -> None:
        closed = {
            day.toordinal()
            for day in holidays.Finland(years=range(first, last + 1), categories=("public",))
        }
        for year in range(first, last + 1):
            # Named in 150/1930 §5; the holidays package lists them, but say so explicitly.
            closed.add(date(year, 12, 24).toordinal())
            closed.add(_midsummer_eve(year).toordinal())
        start, end = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
        weekend = {o for o in range(start, end + 1) if date.fromordinal(o).weekday() >= 5}
        non_working = closed | weekend
        self.ordinals = [o for o in range(start, end + 1) if o not in non_working]
        self.non_working = frozenset(non_working)
        self.first_year, self.last_year = first, last


def _midsummer_eve(year: int) -> date:
    """Friday between 19 and 25 June (*juhannusaatto*)."""
    day = date(year, 6, 19)
    return day + timedelta(days=(4 - day.weekday()) % 7)


_TABLE = _WorkingDayTable()


def _covered(*days: date) -> None:
    for day in days:
        _TABLE.ensure(day.year)


def is_working_day(day: date) -> bool:
    """True for Monday–Friday that is neither a public holiday nor one of the two eves."""
    _covered(day)
    return day.toordinal() not in _TABLE.non_working


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it (150/1930 §5)."""
    _covered(day)
    ordinals = _TABLE.ordinals
    index = bisect_left(ordinals, day.toordinal())
    if index == len(ordinals):
        _TABLE.ensure(_TABLE.last_year + 1)
        return next_working_day(day)
    return date.fromordinal(ordinals[index])


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start``; ``start`` is not counted (150/1930 §2).

    Negative ``days`` count backwards on the same principle (150/1930 §4); zero returns ``start``.
    """
    if days == 0:
        return start
    _covered(start)
    ordinals = _TABLE.ordinals
    if days > 0:
        index = bisect_right(ordinals, start.toordinal()) + days - 1
    else:
        index = bisect_left(ordinals, start.toordinal()) + days
    if index < 0:
        _TABLE.ensure(_TABLE.first_year - 1)
        return add_working_days(start, days)
    if index >= len(ordinals):
        _TABLE.ensure(_TABLE.last_year + 1)
        return add_working_days(start, days)
    return date.fromordinal(ordinals[index])


def working_days_between(start: date, end: date) -> int:
    """Working days from ``start`` to ``end``, ``start`` itself not counted (150/1930 §2, §4).

    Forwards it counts ``start < d <= end``; backwards (``end`` before ``start``) it counts
    ``end <= d < start`` and is negative. The inverse of :func:`add_working_days`:
    ``working_days_between(s, add_working_days(s, n))`` is ``n`` for every ``n``.
    """
    _covered(start, end)
    ordinals = _TABLE.ordinals
    if end < start:
        return bisect_left(ordinals, end.toordinal()) - bisect_left(ordinals, start.toordinal())
    return bisect_right(ordinals, end.toordinal()) - bisect_right(ordinals, start.toordinal())


def weekdays_between(start: date, end: date) -> int:
    """Monday–Friday days ``d`` with ``start <= d <= end``, holidays included.

    Why: unemployment benefits are paid for five days a calendar week whether or not a day is a
    public holiday (RULES.md §3.2; Kela, *viideltä päivältä viikossa*), so benefit-day counts use
    weekdays, not working days.
    """
    if end < start:
        return 0
    full_weeks, rest = divmod((end - start).days + 1, 7)
    count = full_weeks * 5
    first = start.weekday()
    count += sum(1 for i in range(rest) if (first + i) % 7 < 5)
    return count


def add_months(day: date, months: int) -> date:
    """Same day number ``months`` later (or earlier), clamped to the month's end (150/1930 §3)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = _stdlib_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def calendar_deadline(start: date, days: int) -> date:
    """A time limit of ``days`` calendar days after ``start``, moved per 150/1930 §5."""
    return next_working_day(start + timedelta(days=days))
