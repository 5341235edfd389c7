from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "saumaton.api"
    label = "api"
    verbose_name = "API"
