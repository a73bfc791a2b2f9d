from django.urls import path

from overdracht.schools import views

app_name = "schools"

urlpatterns = [
    path("schools/<int:school_id>/classes/", views.class_teachers, name="class_teachers"),
    path("schools/<int:school_id>/details/", views.school_details, name="details"),
    path(
        "schools/<int:school_id>/classes/<int:class_group_id>/teachers/<int:teacher_id>/remove/",
        views.class_teacher_remove,
        name="class_teacher_remove",
    ),
]
