from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "saumaton.reference"
    label = "reference"
    verbose_name = "Reference data"
