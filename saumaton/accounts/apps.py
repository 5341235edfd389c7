from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "saumaton.accounts"
    label = "accounts"
    verbose_name = "Accounts"
