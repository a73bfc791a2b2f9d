from django.apps import AppConfig


class PromotionConfig(AppConfig):
    name = "overdracht.promotion"
    label = "promotion"
