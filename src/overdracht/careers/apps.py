from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "overdracht.careers"
    label = "careers"
