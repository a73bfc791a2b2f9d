from django.apps import AppConfig


class StepsConfig(AppConfig):
    name = "overdracht.steps"
    label = "steps"

    def ready(self) -> None:
        from overdracht.steps import receivers  # noqa: F401  (connects them to the events)
