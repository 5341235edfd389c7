from django.apps import AppConfig


class EcosystemConfig(AppConfig):
    name = "saumaton.ecosystem"
    label = "ecosystem"
    verbose_name = "Ecosystem"
