from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "overdracht.dossiers"
    label = "dossiers"

    def ready(self) -> None:
        from overdracht.dossiers import receivers  # noqa: F401  (connects the receivers)
