from django.apps import AppConfig


class MentorHandoverConfig(AppConfig):
    name = "overdracht.mentor_handover"
    label = "mentor_handover"
