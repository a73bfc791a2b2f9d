from django.apps import AppConfig


class PupilsConfig(AppConfig):
    name = "overdracht.pupils"
    label = "pupils"
