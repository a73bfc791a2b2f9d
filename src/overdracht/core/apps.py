from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "overdracht.core"
    label = "core"

    def ready(self) -> None:
        from overdracht.core import crypto  # noqa: F401 - registers the key check core.E001
