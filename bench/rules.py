"""Benchmark the rules engine over a synthetic population.

    uv run python bench/rules.py [--size small|city|national] [--seed N] [--today YYYY-MM-DD]

For every person: the meetings due, the job-search duty periods and the municipal cost of the
current month. The engine path uses the precomputed calendar and memoises the pure rule
functions on the facts they depend on; the reference path is a straightforward per-person loop
that recomputes holidays and working days on every call. Both run in the same process and their
results are checked to agree.

Assumptions about the synthetic records (they carry no meeting history): the initial interview
was held on its deadline when that deadline has passed; benefit was paid on every weekday of
the current month up to today, so the days paid before the month are ``paid_days_to_date``
minus those.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from functools import cache

import holidays

from saumaton.rules.calendar import weekdays_between
from saumaton.rules.duty import job_search_duty
from saumaton.rules.financing import municipal_share
from saumaton.rules.process import History, initial_interview_deadline, meetings_due
from saumaton.rules.rulesets import ruleset_for
from saumaton.synth.generator import generate

STATUS = {"unemployed": "unemployed", "laid_off": "laid_off", "part_time": "part_time"}


def progress(label: str, done: int, total: int, started: float) -> None:
    if done == total or done % 20_000 == 0:
        rate = done / max(time.perf_counter() - started, 1e-9)
        sys.stderr.write(f"\r  {label}: {done:,}/{total:,} ({rate:,.0f} people/s)")
        if done == total:
            sys.stderr.write("\n")


# ---- engine path --------------------------------------------------------------------------


@cache
def _meetings(start: date, status: str, today: date) -> tuple:
    deadline = initial_interview_deadline(start).deadline
    interview = deadline if deadline < today else None
    due = meetings_due(History(start, status, initial_interview=interview), today)
    return tuple((m.kind, m.due) for m in due.meetings)


@cache
def _duty(start: date, status: str) -> tuple:
    lay_off = start if status == "laid_off" else None
    plan = job_search_duty(max(start, date(2022, 5, 2)), status, lay_off_start=lay_off)
    return tuple((p.start, p.end, p.required) for p in plan.periods)


@cache
def _month_cost(benefit: str | None, paid_before: int, month_start: date, days: int) -> float:
    if benefit is None or days == 0:
        return 0.0
    amount = ruleset_for(month_start).full_basic_daily_amount.value or 0.0
    total = 0.0
    day = month_start
    for number in range(paid_before + 1, paid_before + days + 1):
        while day.weekday() >= 5:
            day += timedelta(days=1)
        total += municipal_share(benefit, number, day).share * amount
        day += timedelta(days=1)
    return round(total, 2)


def engine(person, today: date, month_start: date, weekdays: int) -> tuple:
    status = STATUS[person.employment_status]
    start = max(person.job_search_start, date(2022, 5, 2))
    paid_before = max(person.paid_days_to_date - weekdays, 0)
    days = min(weekdays, person.paid_days_to_date)
    return (
        _meetings(start, status, today),
        _duty(start, status),
        _month_cost(person.benefit, paid_before, month_start, days),
    )


# ---- reference path: per person, nothing precomputed ---------------------------------------


def _ref_add_working_days(start: date, n: int) -> date:
    closed = set(holidays.Finland(years=range(start.year, start.year + 2), categories=("public",)))
    day = start
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            n -= 1
    return day


def reference(person, today: date, month_start: date, weekdays: int) -> tuple:
    status = STATUS[person.employment_status]
    start = max(person.job_search_start, date(2022, 5, 2))
    deadline = _ref_add_working_days(start, ruleset_for(start).initial_interview_working_days.value)
    interview = deadline if deadline < today else None
    # The reference re-derives the deadline by walking days, then asks the same rule functions.
    history = History(start, status, initial_interview=interview)
    meetings = tuple((m.kind, m.due) for m in meetings_due(history, today).meetings)
    lay_off = start if status == "laid_off" else None
    plan = job_search_duty(start, status, lay_off_start=lay_off)
    duty = tuple((p.start, p.end, p.required) for p in plan.periods)
    paid_before = max(person.paid_days_to_date - weekdays, 0)
    days = min(weekdays, person.paid_days_to_date)
    cost = 0.0
    if person.benefit is not None and days:
        amount = ruleset_for(month_start).full_basic_daily_amount.value or 0.0
        day = month_start
        for number in range(paid_before + 1, paid_before + days + 1):
            while day.weekday() >= 5:
                day += timedelta(days=1)
            cost += municipal_share(person.benefit, number, day).share * amount
            day += timedelta(days=1)
    return meetings, duty, round(cost, 2)


def measure(label, function, people, today, month_start, weekdays):
    started = time.perf_counter()
    results = []
    for index, person in enumerate(people, 1):
        results.append(function(person, today, month_start, weekdays))
        progress(label, index, len(people), started)
    return results, time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="city", choices=("small", "city", "national"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 3, 16))
    parser.add_argument("--reference-sample", type=int, default=20000)
    args = parser.parse_args(argv)

    sys.stderr.write(f"generating the {args.size} population as of {args.today} …\n")
    started = time.perf_counter()
    population = generate(
        args.size,
        args.seed,
        args.today,
        lambda done, total: progress("generate", done, total, started),
    )
    people = population.people
    sys.stderr.write(f"  {len(people):,} people in {time.perf_counter() - started:.1f} s\n")

    month_start = args.today.replace(day=1)
    weekdays = weekdays_between(month_start, args.today)
    results, elapsed = measure("engine", engine, people, args.today, month_start, weekdays)
    sample = people[: args.reference_sample]
    ref_results, ref_elapsed = measure(
        "reference", reference, sample, args.today, month_start, weekdays
    )
    mismatches = sum(a != b for a, b in zip(results, ref_results, strict=False))

    rate = len(people) / elapsed
    ref_rate = len(sample) / ref_elapsed
    total_cost = sum(r[2] for r in results)
    print(f"size={args.size} people={len(people):,} today={args.today} month={month_start:%Y-%m}")
    print(f"engine:    {elapsed:.2f} s total, {rate:,.0f} people/s")
    print(f"reference: {ref_elapsed:.2f} s for {len(sample):,}, {ref_rate:,.0f} people/s")
    print(f"ratio engine/reference throughput: {rate / ref_rate:.1f}x")
    print(f"agreement on the reference sample: {len(sample) - mismatches:,}/{len(sample):,}")
    print(f"municipal cost of {month_start:%Y-%m} (to {args.today}): €{total_cost:,.2f}")
    return 0 if mismatches == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
