from django.apps import AppConfig


class OsoConfig(AppConfig):
    name = "overdracht.oso"
    label = "oso"

    def ready(self) -> None:
        from overdracht.oso import checks  # noqa: F401  (registers the system check)
