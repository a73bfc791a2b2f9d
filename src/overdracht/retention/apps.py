from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "overdracht.retention"
    label = "retention"
