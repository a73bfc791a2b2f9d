from django.apps import AppConfig


class AftercareConfig(AppConfig):
    name = "overdracht.aftercare"
    label = "aftercare"
