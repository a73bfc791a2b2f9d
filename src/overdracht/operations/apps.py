from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "overdracht.operations"
    label = "operations"
