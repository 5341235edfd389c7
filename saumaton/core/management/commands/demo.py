"""``saumaton demo``: migrate, load reference data, generate a synthetic area and serve it.

Idempotent: an existing demo database is reused unless ``--reset`` is given. ``--reset`` wipes
the database and refuses to when it holds any non-synthetic person or user. A freshly generated
area is swept once by the seam guard, so its work queues start filled and the summary shows the
invariant holds (zero people without a next step), and its insight figures are computed and a
synthetic Kela file imported, so the dashboards and the financing view have data.
"""

from __future__ import annotations

import time
from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from saumaton.accounts.models import User
from saumaton.casework.sweep import sweep
from saumaton.demo.loader import DEMO_PASSWORD, JOBSEEKER_USERNAME, DemoLoader
from saumaton.demo.progress import ProgressBar
from saumaton.insight import demo as insight_demo
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import EmploymentArea, Membership
from saumaton.reference.loaders import is_loaded, load_all

SIZES = ("small", "city", "national")
LOGIN_ORDER = (
    "coach",
    "unit_lead",
    "statement_officer",
    "partner",
    "analyst",
    "area_admin",
    "auditor",
    "employer_user",
)


class Command(BaseCommand):
    help = "Prepare the embedded demo database with a synthetic employment area and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--size", choices=SIZES, default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--today", type=date.fromisoformat, default=None, help="ISO date the data is as of"
        )
        parser.add_argument("--reset", action="store_true", help="wipe the demo database first")
        parser.add_argument("--no-serve", action="store_true", help="prepare the database and exit")

    def handle(self, *args, **opts):
        self.stdout.write("Preparing the database …")
        call_command("migrate", verbosity=0, interactive=False)
        if opts["reset"]:
            self._reset()
        if not is_loaded():
            self.stdout.write("Loading reference data (municipalities, postcodes, ISCO-08, ESCO) …")
            load_all(lambda r: self.stdout.write(f"  {r.name}: {r.rows:,} rows"))
        if EmploymentArea.objects.exists():
            self.stdout.write(
                "A demo area exists already; keeping it (use --reset to generate anew)."
            )
        else:
            self._generate(opts["size"], opts["seed"], opts["today"])
        self._print_logins(opts["port"])
        if not opts["no_serve"]:
            call_command("runserver", f"127.0.0.1:{opts['port']}", use_reloader=False)

    def _reset(self) -> None:
        if (
            Person.objects.filter(is_synthetic=False).exists()
            or User.objects.filter(is_synthetic=False).exists()
        ):
            raise CommandError(
                "This database holds non-synthetic people or users: refusing to reset it."
            )
        self.stdout.write("Wiping the demo database …")
        call_command("flush", interactive=False, verbosity=0)

    def _generate(self, size: str, seed: int, today: date | None) -> None:
        from saumaton.synth.generator import generate

        started = time.perf_counter()
        self.stdout.write(f"Generating a synthetic '{size}' population (seed {seed}) …")
        population = generate(size=size, seed=seed, today=today, progress=ProgressBar("generating"))
        DemoLoader(population, progress=ProgressBar("writing")).load()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics for the query planner after a bulk load
        self.stdout.write(
            f"  {len(population.people):,} jobseekers (and {len(population.leavers):,} whose job "
            f"search ended), {len(population.staff):,} staff memberships "
            f"in {len(population.areas)} area(s), {time.perf_counter() - started:.1f} s"
        )
        report = sweep(population.today, progress=ProgressBar("sweeping"))
        with connection.cursor() as cursor:
            # The sweep has just written every attention item; without fresh statistics the
            # planner takes the table for empty and the work queue scans it (autovacuum would
            # catch up within minutes in a running system, but the demo is used at once).
            cursor.execute("ANALYZE casework_attentionitem")
        self.stdout.write(f"  people without a next step: {report.without_next_step:,}")
        figures, impacts, kela, run = insight_demo.load(population, ProgressBar("insight figures"))
        self.stdout.write(
            f"  insight: {figures.rows:,} figures, {impacts} service-impact estimates, "
            f"{kela:,} synthetic Kela rows, profiling model "
            f"{'published' if run.published else 'trained, not published (see its card)'}"
        )

    def _print_logins(self, port: int) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Saumaton demo: http://127.0.0.1:{port}/"))
        self.stdout.write(f"Every demo login uses the password: {DEMO_PASSWORD}")
        first = {}
        for m in Membership.objects.select_related("user").order_by("id"):
            first.setdefault(m.role, m.user.username)
        for role in LOGIN_ORDER:
            if role in first:
                self.stdout.write(f"  {role:<18} {first[role]}")
        if User.objects.filter(username=JOBSEEKER_USERNAME).exists():
            self.stdout.write(f"  {'jobseeker':<18} {JOBSEEKER_USERNAME}")
        self.stdout.write("All people, employers and vacancies are synthetic.")
