from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "overdracht.portal"
    label = "portal"
