from django.urls import path

from overdracht.handovers import region_views, steps_views, views

app_name = "handovers"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/meetings/new/", views.plan, name="plan"),
    path("meetings/<int:meeting_id>/", views.meeting, name="meeting"),
    path("meetings/<int:meeting_id>/invitation.ics", views.meeting_ics, name="meeting_ics"),
    path("tasks/", views.tasks, name="tasks"),
    path("tasks/agreements/<int:agreement_id>/done/", views.agreement_done, name="agreement_done"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("calendar/address/", views.feed_settings, name="feed_settings"),
    path("schools/<int:school_id>/calendar/", steps_views.school_calendar, name="calendar"),
    path("schools/<int:school_id>/meetings/", views.school_meetings, name="school_meetings"),
    path(
        "schools/<int:school_id>/calendar/<int:milestone_id>/checklist/",
        steps_views.checklist_save,
        name="checklist_save",
    ),
    path("tasks/steps/<int:step_id>/done/", views.step_done, name="step_done"),
    path("pupils/<uuid:pupil_id>/steps/", steps_views.pupil_steps, name="pupil_steps"),
    path(
        "regions/<int:region_id>/milestones/",
        region_views.region_milestones,
        name="region_milestones",
    ),
    path(
        "regions/<int:region_id>/milestones/new/",
        region_views.milestone_add,
        name="milestone_add",
    ),
    path(
        "regions/<int:region_id>/milestones/<str:key>/remove/",
        region_views.milestone_remove,
        name="milestone_remove",
    ),
    path(
        "schools/<int:school_id>/responsibilities/",
        steps_views.responsibilities,
        name="responsibilities",
    ),
]
