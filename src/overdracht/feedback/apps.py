from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "overdracht.feedback"
    label = "feedback"
