from django.urls import path

from overdracht.passports import views

app_name = "passports"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/passport/", views.passport, name="passport"),
    path("pupils/<uuid:pupil_id>/passport/edit/", views.passport_edit, name="passport_edit"),
    path(
        "classes/<int:class_group_id>/overview/",
        views.class_overview,
        name="class_overview",
    ),
    path(
        "classes/<int:class_group_id>/overview.<str:fmt>",
        views.class_overview_export,
        name="class_overview_export",
    ),
    path(
        "classes/<int:class_group_id>/overview/read/<int:passport_id>/",
        views.class_confirm,
        name="class_confirm",
    ),
    path("schools/<int:school_id>/passports/unread/", views.unread, name="unread"),
]
