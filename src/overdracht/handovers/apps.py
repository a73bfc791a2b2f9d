from django.apps import AppConfig


class HandoversConfig(AppConfig):
    name = "overdracht.handovers"
    label = "handovers"

    def ready(self) -> None:
        from overdracht.handovers import receivers  # noqa: F401  (connects them to the events)
