from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "overdracht.meetings"
    label = "meetings"
