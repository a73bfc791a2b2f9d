from django.urls import path

from overdracht.operations import views

app_name = "operations"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("ready/", views.ready, name="ready"),
]
