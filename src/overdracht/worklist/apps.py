from django.apps import AppConfig


class WorklistConfig(AppConfig):
    name = "overdracht.worklist"
    label = "worklist"
