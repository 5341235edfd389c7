from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "saumaton.organisations"
    label = "organisations"
    verbose_name = "Organisations"
