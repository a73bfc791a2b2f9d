from django.apps import AppConfig


class OsoConfig(AppConfig):
    name = "overdracht.oso"
    label = "oso"
