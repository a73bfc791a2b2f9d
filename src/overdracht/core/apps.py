from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "overdracht.core"
    label = "core"
