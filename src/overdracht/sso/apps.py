from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "overdracht.sso"
    label = "sso"
