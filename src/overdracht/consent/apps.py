from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "overdracht.consent"
    label = "consent"
