from django.apps import AppConfig


class RosterConfig(AppConfig):
    name = "overdracht.roster"
    label = "roster"
