"""``saumaton train_profiling``: train, audit and (if the audit passes) publish the model.

Every tolerance of the publish gate (``analytics.fairness.Tolerances``) is an option, e.g.
``--max-false-high-risk-ratio 1.5``: choosing them is the area's policy decision, and the
card records the audit either way.
"""

from dataclasses import fields
from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from saumaton.analytics.fairness import Tolerances
from saumaton.insight.profiling import train_and_store


class Command(BaseCommand):
    help = "Train the advisory long-term-unemployment model; publish it only if its audit passes."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--synthetic", action="store_true", help="train on the synthetic cohort"
        )
        for tolerance in fields(Tolerances):
            parser.add_argument(
                f"--{tolerance.name.replace('_', '-')}",
                type=type(tolerance.default),
                default=tolerance.default,
            )

    def handle(self, *args, today, seed, synthetic, **options):
        tolerances = Tolerances(**{f.name: options[f.name] for f in fields(Tolerances)})
        result = train_and_store(
            today or timezone.localdate(), tolerances, seed=seed, force_synthetic=synthetic
        )
        run = result.run
        audit = run.card["audit"]
        self.stdout.write(f"Model {run.version} trained on: {run.data_source}")
        self.stdout.write(
            f"AUC {audit['auc']:.3f}, calibration error {audit['expected_calibration_error']:.3f}"
        )
        if run.published:
            self.stdout.write(f"Published; {result.scored:,} current jobseekers scored.")
        else:
            self.stdout.write("NOT published: the audit failed its tolerances:")
            for reason in run.refusal_reasons:
                self.stdout.write(f"  - {reason}")
