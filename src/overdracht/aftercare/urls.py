from django.urls import path

from overdracht.aftercare import views

app_name = "aftercare"

urlpatterns = [
    path("transitions/<int:transition_id>/aftercare/", views.pupil, name="pupil"),
    path("schools/<int:school_id>/aftercare-moments/", views.moments, name="moments"),
]
