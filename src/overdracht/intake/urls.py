from django.urls import path

from overdracht.intake import views

app_name = "intake"

urlpatterns = [
    path("schools/<int:school_id>/intake/", views.cohort, name="cohort"),
    path("schools/<int:school_id>/intake/<uuid:pupil_id>/", views.analyse, name="analyse"),
]
