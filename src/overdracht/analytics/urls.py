from django.urls import path

from overdracht.analytics import views

app_name = "analytics"

urlpatterns = [
    path("regions/<int:region_id>/evaluation/", views.region, name="region"),
    path("regions/<int:region_id>/evaluation.pdf", views.region_pdf, name="region_pdf"),
    path("schools/<int:school_id>/evaluation/", views.school, name="school"),
    path("schools/<int:school_id>/evaluation.pdf", views.school_pdf, name="school_pdf"),
]
