"""``saumaton refresh_insight``: recompute the summary tables (from cron, e.g. nightly)."""

from datetime import date

from django.core.management.base import BaseCommand

from saumaton.demo.progress import ProgressBar
from saumaton.insight.effectiveness import refresh_impacts
from saumaton.insight.refresh import DEFAULT_MONTHS, refresh


class Command(BaseCommand):
    help = "Recompute the monthly outcome figures and service-impact estimates of every area."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)
        parser.add_argument("--months", type=int, default=DEFAULT_MONTHS)
        parser.add_argument(
            "--no-impact", action="store_true", help="skip the service-impact estimates"
        )

    def handle(self, *args, today, months, no_impact, **options):
        report = refresh(today, months, progress=ProgressBar("metrics"))
        self.stdout.write(
            f"Figures for {report.months[0]:%Y-%m}–{report.months[-1]:%Y-%m}: "
            f"{report.rows:,} cells ({report.suppressed:,} suppressed: small ones and their "
            "complements), "
            f"{report.people:,} people"
        )
        if not no_impact:
            impacts = refresh_impacts(today, progress=ProgressBar("service impact"))
            self.stdout.write(f"Service-impact estimates: {impacts:,}")
