"""``saumaton deliver_outbox [--limit N]``: deliver queued messages; run from cron."""

from django.core.management.base import BaseCommand, CommandError

from saumaton.outbox.services import deliver_pending


class Command(BaseCommand):
    help = "Deliver queued outbox messages through the transport configured for each channel."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="at most this many messages")

    def handle(self, *args, limit, **options):
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1.")
        report = deliver_pending(limit=limit)
        self.stdout.write(
            f"Outbox: {report.sent} sent, {report.failed} failed "
            f"({report.given_up} given up after the last attempt)."
        )
