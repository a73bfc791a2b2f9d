from django.apps import AppConfig


class PassportsConfig(AppConfig):
    name = "overdracht.passports"
    label = "passports"
