"""Benchmark: the seam-guard sweep over a whole population.

Target (issue 4): at least 20,000 active jobseekers per second over the ``national`` population.
The peer is a straightforward per-person implementation (one set of ORM queries per person,
what a first version of such a job usually looks like), measured on a sample in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/saumaton_national \\
        uv run python bench/sweep.py [--size national] [--prepare] [--sample 2000]

Prints figures; asserts nothing. ``--prepare`` (re)creates the demo database of that size first.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="national")
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--sample", type=int, default=2000)
    args = parser.parse_args()
    if args.prepare:
        print(f"preparing the '{args.size}' demo …", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "saumaton.cli",
                "demo",
                "--size",
                args.size,
                "--reset",
                "--no-serve",
            ],
            check=True,
            cwd=ROOT,
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SAUMATON_DEMO", "1")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from saumaton.casework.sweep import sweep
    from saumaton.demo.progress import ProgressBar
    from saumaton.jobseekers.models import JobseekerCustomership

    today = timezone.localdate()
    print(
        f"database: {connection.vendor}; active jobseekers: "
        f"{JobseekerCustomership.objects.filter(end_date__isnull=True).count():,}"
    )

    with transaction.atomic():
        started = time.perf_counter()
        # The outer transaction only rolls the sweep back afterwards: nothing uncommitted to miss.
        report = sweep(today, progress=ProgressBar("sweep"), parallel_reads=True)
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)  # measure again later from the same state
    rate = report.active / elapsed
    print(
        f"sweep: {report.active:,} active in {elapsed:.1f} s = {rate:,.0f} people/s "
        f"(target ≥ 20,000/s: {'met' if rate >= 20000 else 'NOT met'})"
    )
    print(f"  without a next step: {report.without_next_step:,}; findings: {dict(report.findings)}")

    sample = list(
        JobseekerCustomership.objects.filter(end_date__isnull=True).order_by("pk")[: args.sample]
    )
    with transaction.atomic():
        started = time.perf_counter()
        for customership in sample:
            _naive_findings(customership, today)
        naive = len(sample) / (time.perf_counter() - started)
        transaction.set_rollback(True)
    print(f"per-person reference: {naive:,.0f} people/s on {len(sample):,} people")
    print(f"ratio sweep/reference: {rate / naive:.1f}x")
    return 0


def _naive_findings(customership, today):
    """The same checks, person by person, with the ORM and the rules engine directly."""
    from django.utils import timezone

    from saumaton.casework.models import DutyPeriod, EmploymentPlan, Meeting, Statement
    from saumaton.casework.process import due_for

    now = timezone.now()
    person = customership.person
    findings = []
    if customership.coach_id is None:
        findings.append("no_coach")
    due = due_for(customership, today)
    upcoming = set(
        Meeting.objects.filter(person=person, outcome="scheduled", starts_at__gte=now).values_list(
            "kind", flat=True
        )
    )
    findings += [
        "overdue_meeting" for item in due.items if item.overdue and item.kind not in upcoming
    ]
    if not upcoming:
        findings.append("no_next_step")
    if Meeting.objects.filter(person=person, outcome="scheduled", starts_at__lt=now).exists():
        findings.append("meeting_outcome_missing")
    plan = EmploymentPlan.objects.filter(person=person).first()
    if plan and plan.follow_up_deadline and plan.follow_up_deadline <= today:
        findings.append("plan_review_due")
    if DutyPeriod.objects.filter(person=person, evaluation="open", end__lt=today).exists():
        findings.append("duty_unevaluated")
    if Statement.objects.filter(person=person, state="draft").exists():
        findings.append("statement_deadline")
    return findings


if __name__ == "__main__":
    raise SystemExit(main())
