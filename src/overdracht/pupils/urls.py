from django.urls import path

from overdracht.pupils import views

app_name = "pupils"

urlpatterns = [
    path("schools/<int:school_id>/pupils/", views.school_pupils, name="school_pupils"),
    path(
        "schools/<int:school_id>/transitions/", views.school_transitions, name="school_transitions"
    ),
    path("schools/<int:school_id>/registrations/", views.registrations, name="registrations"),
    path("pupils/<uuid:pupil_id>/", views.pupil_detail, name="detail"),
    path("pupils/<uuid:pupil_id>/invite/", views.invitation_create, name="invitation_create"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
