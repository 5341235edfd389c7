from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "saumaton.employers"
    label = "employers"
    verbose_name = "Employers and vacancies"

    def ready(self) -> None:
        from . import index_signals  # noqa: F401  (connects the index change journal)
