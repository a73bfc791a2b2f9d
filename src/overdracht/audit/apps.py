from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "overdracht.audit"
    label = "audit"
