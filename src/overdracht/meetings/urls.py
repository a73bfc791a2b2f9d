from django.urls import path

from overdracht.meetings import views

app_name = "meetings"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/meetings/new/", views.plan, name="plan"),
    path("meetings/<int:meeting_id>/", views.meeting, name="meeting"),
    path("meetings/<int:meeting_id>/invitation.ics", views.meeting_ics, name="meeting_ics"),
    path("tasks/agreements/<int:agreement_id>/done/", views.agreement_done, name="agreement_done"),
    path("schools/<int:school_id>/meetings/", views.school_meetings, name="school_meetings"),
]
