from django.urls import path

from overdracht.retention import views

app_name = "retention"

urlpatterns = [
    path("schools/<int:school_id>/retention/", views.retention_page, name="page"),
]
