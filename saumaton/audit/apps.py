from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "saumaton.audit"
    label = "audit"
    verbose_name = "Audit"
