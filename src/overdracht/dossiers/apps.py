from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "overdracht.dossiers"
    label = "dossiers"
