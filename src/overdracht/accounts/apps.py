from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "overdracht.accounts"
    label = "accounts"
