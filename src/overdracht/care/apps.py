from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "overdracht.care"
    label = "care"
