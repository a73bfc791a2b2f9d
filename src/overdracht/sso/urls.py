from django.urls import path

from overdracht.sso import views

app_name = "sso"

urlpatterns = [
    path("<slug:slug>/", views.start, name="start"),
    path("<slug:slug>/callback/", views.callback, name="callback"),
]
