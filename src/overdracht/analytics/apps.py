from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "overdracht.analytics"
    label = "analytics"
