from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "overdracht.outbox"
    label = "outbox"
