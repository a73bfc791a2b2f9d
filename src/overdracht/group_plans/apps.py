from django.apps import AppConfig


class GroupPlansConfig(AppConfig):
    name = "overdracht.group_plans"
    label = "group_plans"
