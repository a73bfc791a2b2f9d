from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "overdracht.schools"
    label = "schools"
