from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "saumaton.insight"
    label = "insight"
    verbose_name = "Insight"
