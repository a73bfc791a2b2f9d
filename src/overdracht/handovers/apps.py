from django.apps import AppConfig


class HandoversConfig(AppConfig):
    name = "overdracht.handovers"
    label = "handovers"

    def ready(self) -> None:
        from overdracht.handovers import signals  # noqa: F401  (connects the receivers)
