from django.apps import AppConfig


class FurtherEducationConfig(AppConfig):
    name = "overdracht.further_education"
    label = "further_education"
