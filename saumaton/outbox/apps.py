from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "saumaton.outbox"
    label = "outbox"
    verbose_name = "Outbox"
