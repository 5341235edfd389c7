"""`saumaton importvacancies FILE [--area CODE]`: vacancies from CSV or JSON, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from saumaton.employers.importing import VacancyImportError, import_vacancies
from saumaton.organisations.models import EmploymentArea


class Command(BaseCommand):
    help = "Import vacancies from CSV or JSON; every line is checked, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--area", help="employment area code (needed when there are several)")

    def handle(self, *args, file: Path, area: str | None, **options):
        areas = EmploymentArea.objects.all()
        if area:
            areas = areas.filter(code=area)
        if areas.count() != 1:
            raise CommandError("Name one employment area with --area CODE.")
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        try:
            created = import_vacancies(areas.get(), text, file.name)
        except VacancyImportError as exc:
            raise CommandError(f"{file.name}:\n{exc}\n(nothing was imported)") from exc
        self.stdout.write(self.style.SUCCESS(f"Imported {len(created)} vacancies."))
