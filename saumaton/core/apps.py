from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "saumaton.core"
    label = "core"
    verbose_name = "Core"
