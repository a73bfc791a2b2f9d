from django.urls import path

from overdracht.promotion import views

app_name = "promotion"

urlpatterns = [
    path("schools/<int:school_id>/promotion/", views.overview, name="overview"),
    path("schools/<int:school_id>/promotion/norms/", views.norms, name="norms"),
    path(
        "schools/<int:school_id>/promotion/classes/<int:class_id>/",
        views.class_decisions,
        name="class",
    ),
    path(
        "schools/<int:school_id>/promotion/decisions/<int:enrolment_id>/",
        views.decide,
        name="decide",
    ),
    path("schools/<int:school_id>/promotion/rollover/", views.rollover, name="rollover"),
]
