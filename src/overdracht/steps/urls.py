from django.urls import path

from overdracht.steps import views

app_name = "steps"

urlpatterns = [
    path("tasks/steps/<int:step_id>/done/", views.step_done, name="step_done"),
    path("pupils/<uuid:pupil_id>/steps/", views.pupil_steps, name="pupil_steps"),
    path(
        "schools/<int:school_id>/responsibilities/",
        views.responsibilities,
        name="responsibilities",
    ),
]
