"""Benchmark: the insight refresh and the dashboard pages.

Targets (issue 7, PostgreSQL, 2 cores): metric refresh for ``city`` (~50,000 people) under
30 s, for ``national`` under 5 minutes; dashboard pages under 300 ms p95.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/saumaton_city \\
        uv run python bench/insight.py [--prepare city] [--requests 30]

Without ``DATABASE_URL`` a fresh ``small`` demo is made in a temporary SQLite file.
``--prepare SIZE`` (re)creates the demo database of that size first.

Figures: the refresh (read, compute every catalogued metric for 12 months × 4 cuts, suppress,
write), and the same run's *peer*: a straightforward pandas implementation — periods read with
``pandas.read_sql``, spells joined per person with ``groupby().apply``, and each month's
figures taken by boolean masks — of a subset of the same metrics (unemployed, long-term
unemployed, inflow, outflow, median ongoing duration) for the whole area and per municipality.
The ratio is peer time / our time for the subset only on the peer's side, so it understates our
advantage; the two are also checked to agree. Then p50/p95 of each dashboard page as an analyst.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "/insight/",
    "/insight/municipality/",
    "/insight/effectiveness/",
    "/insight/financing/",
    "/insight/definitions/",
    "/insight/model-card/",
)


def _prepare(size: str) -> None:
    print(f"preparing the '{size}' demo …", flush=True)
    subprocess.run(
        [sys.executable, "-m", "saumaton.cli", "demo", "--size", size, "--reset", "--no-serve"],
        check=True,
        cwd=ROOT,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", default=None, help="demo size to (re)create first")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("SAUMATON_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "DATABASE_URL" not in os.environ:
        path = Path(tempfile.gettempdir()) / "saumaton-bench-insight.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        args.prepare = args.prepare or "small"
    if args.prepare:
        _prepare(args.prepare)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection, transaction

    from saumaton.insight.models import MetricValue
    from saumaton.insight.refresh import refresh

    today = _today()
    print(f"database: {connection.vendor}; data as of {today}")
    with transaction.atomic():
        started = time.perf_counter()
        report = refresh(today)
        ours = time.perf_counter() - started
        transaction.set_rollback(True)
    print(
        f"refresh: {report.people:,} people, {report.rows:,} cells "
        f"({len(report.months)} months × 4 cuts) in {ours:.1f} s"
    )
    refresh(today)  # keep the figures for the pages
    started = time.perf_counter()
    peer_figures = peer(today, report.months)
    theirs = time.perf_counter() - started
    agree = _agree(peer_figures, MetricValue)
    print(
        f"pandas peer (5 of {len(_catalogue())} metrics, 2 cuts): {theirs:.1f} s; "
        f"ratio peer/ours {theirs / ours:.1f}×; figures agree: {agree}"
    )
    _pages(args.requests)
    return 0


def _today():
    from django.db.models import Max

    from saumaton.jobseekers.models import EmploymentStatusPeriod

    latest = EmploymentStatusPeriod.objects.aggregate(latest=Max("start"))["latest"]
    from django.utils import timezone

    return max(latest, timezone.localdate()) if latest else timezone.localdate()


def _catalogue():
    from saumaton.analytics.catalogue import METRICS

    return METRICS


def peer(today, months) -> dict:
    """The straightforward version: read whole tables, loop over people and months."""
    import pandas as pd
    from django.db import connection

    periods = pd.read_sql_query(
        'SELECT person_id, status, start, "end" FROM jobseekers_employmentstatusperiod',
        connection.connection,
        parse_dates=["start", "end"],
    )
    people = pd.read_sql_query(
        "SELECT p.id AS person_id, p.home_municipality_id AS municipality, o.area_id AS area "
        "FROM jobseekers_person p JOIN jobseekers_jobseekercustomership c ON c.person_id = p.id "
        "JOIN organisations_organisation o ON o.id = c.organisation_id",
        connection.connection,
    ).drop_duplicates("person_id", keep="last")
    periods["person_id"] = periods["person_id"].astype(str)
    people["person_id"] = people["person_id"].astype(str)
    periods["end"] = periods["end"].fillna(pd.Timestamp("2262-01-01"))
    unemployed = periods[periods["status"].isin(["unemployed", "laid_off"])]

    def join(group):
        group = group.sort_values("start")
        spells, current = [], None
        for row in group.itertuples():
            if current and row.start == current[1] + pd.Timedelta(days=1):
                current[1] = row.end
            else:
                if current:
                    spells.append(current)
                current = [row.start, row.end]
        spells.append(current)
        return pd.DataFrame(spells, columns=["start", "end"])

    spells = unemployed.groupby("person_id").apply(join, include_groups=False).reset_index(0)
    spells = spells.merge(people, on="person_id")
    figures = {}
    for month in months:
        first = pd.Timestamp(month)
        last = first + pd.offsets.MonthEnd(0)
        covering = spells[(spells["start"] <= last) & (spells["end"] >= last)]
        twelve = last + pd.Timedelta(days=1) - pd.DateOffset(months=12)
        for cut in ("area", "municipality"):
            keys = ["area"] if cut == "area" else ["area", "municipality"]
            for key, part in covering.groupby(keys):
                cell = (month, cut, key if cut == "municipality" else (key[0], "*"))
                figures[(*cell, "unemployed_jobseekers")] = len(part)
                figures[(*cell, "long_term_unemployed")] = int((part["start"] <= twelve).sum())
                duration = (last - part["start"]).dt.days + 1
                figures[(*cell, "median_duration_ongoing")] = float(duration.median())
            started = spells[(spells["start"] >= first) & (spells["start"] <= last)]
            ended = spells[(spells["end"] >= first) & (spells["end"] <= last)]
            for name, frame in (("inflow", started), ("outflow", ended)):
                for key, part in frame.groupby(keys):
                    cell = (month, cut, key if cut == "municipality" else (key[0], "*"))
                    figures[(*cell, name)] = len(part)
    return figures


def _agree(figures: dict, MetricValue) -> str:
    """Compare the peer's unsuppressed cells of 5 or more people with the stored figures."""
    stored = {
        (r.month, r.dimension, (r.area_id, r.dimension_value), r.metric): r.value
        for r in MetricValue.objects.filter(
            dimension__in=("area", "municipality"), service_type="*"
        )
    }
    checked = mismatched = 0
    for (month, cut, (area, value), metric), figure in figures.items():
        mine = stored.get((month, cut, (area, str(value)), metric))
        if mine is None:
            continue
        checked += 1
        mismatched += abs(mine - figure) > 1e-9
    return f"{checked - mismatched}/{checked} cells"


def _pages(requests: int) -> None:
    from django.test import Client
    from django.test.utils import setup_test_environment

    from saumaton.organisations.models import Membership

    setup_test_environment()
    analyst = Membership.objects.filter(role="analyst").select_related("user").first()
    if analyst is None:
        print("no analyst in this database: pages not measured")
        return
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(analyst.user)
    for page in PAGES:
        client.get(page)  # warm: imports and caches
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            status = client.get(page).status_code
            times.append(time.perf_counter() - started)
        times.sort()
        p50, p95 = times[len(times) // 2], times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"  {page:<28} {status}  p50 {p50 * 1000:6.0f} ms  p95 {p95 * 1000:6.0f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
