from django.apps import AppConfig


class RegionalCalendarConfig(AppConfig):
    name = "overdracht.regional_calendar"
    label = "regional_calendar"

    def ready(self) -> None:
        from overdracht.regional_calendar import receivers  # noqa: F401  (connects them to the events)
