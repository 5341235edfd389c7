from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "saumaton.casework"
    label = "casework"
    verbose_name = "Casework"
