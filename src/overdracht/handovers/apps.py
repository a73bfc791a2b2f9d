from django.apps import AppConfig


class HandoversConfig(AppConfig):
    name = "overdracht.handovers"
    label = "handovers"
