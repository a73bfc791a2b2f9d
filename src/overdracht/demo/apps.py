from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "overdracht.demo"
    label = "demo"
