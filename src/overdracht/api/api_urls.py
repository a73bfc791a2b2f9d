"""The API itself under /api/ (namespace `api`): the endpoints, /api/schema/ and /api/docs/."""

from django.urls import path

from overdracht.api.endpoints import api

urlpatterns = [path("", api.urls)]
