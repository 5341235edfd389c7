"""``saumaton sweep``: run the seam guard (from cron, e.g. every night; idempotent)."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from saumaton.casework.notifications import remind_upcoming_meetings
from saumaton.casework.sweep import sweep
from saumaton.demo.progress import ProgressBar


class Command(BaseCommand):
    help = "Find people at risk of being lost between services and put them in work queues."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args, today, **options):
        report = sweep(today, progress=ProgressBar("sweeping"))
        self.stdout.write(f"Active jobseekers checked: {report.active:,}")
        self.stdout.write(
            f"Without a coach before the sweep: {report.without_coach:,} "
            f"(coaches assigned: {report.coaches_assigned:,})"
        )
        self.stdout.write(f"Without a scheduled next meeting: {report.without_next_step:,}")
        for kind, count in sorted(report.findings.items()):
            self.stdout.write(f"  {kind:<26} {count:,}")
        self.stdout.write(
            f"Attention items: {report.created:,} new, {report.resolved:,} resolved, "
            f"{report.escalated:,} escalated to unit leads"
        )
        reminded = remind_upcoming_meetings(timezone.now())
        self.stdout.write(f"Meeting reminders queued for the next 24 hours: {reminded:,}")
