"""`saumaton loadreference`: (re)load municipalities, postcodes, ISCO-08 and ESCO."""

from django.core.management.base import BaseCommand, CommandError

from saumaton.reference.loaders import ReferenceDataError, load_all


class Command(BaseCommand):
    help = "Load or refresh the reference data shipped with Saumaton (all-or-nothing)."

    def handle(self, *args, **options):
        try:
            load_all(lambda r: self.stdout.write(f"  {r.name}: {r.rows} rows"))
        except ReferenceDataError as exc:
            raise CommandError(f"{exc} (nothing was changed)") from exc
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
