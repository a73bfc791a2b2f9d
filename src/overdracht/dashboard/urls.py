from django.urls import path

from overdracht.dashboard import views

app_name = "dashboard"

urlpatterns = [path("", views.home, name="home")]
