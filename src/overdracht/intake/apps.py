from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "overdracht.intake"
    label = "intake"
