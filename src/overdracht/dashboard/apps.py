from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "overdracht.dashboard"
    label = "dashboard"
