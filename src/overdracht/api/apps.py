from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "overdracht.api"
    label = "api"
