from django.urls import path

from overdracht.regional_calendar import views

app_name = "regional_calendar"

urlpatterns = [
    path("schools/<int:school_id>/calendar/", views.school_calendar, name="calendar"),
    path(
        "schools/<int:school_id>/calendar/<int:milestone_id>/checklist/",
        views.checklist_save,
        name="checklist_save",
    ),
    path("regions/<int:region_id>/milestones/", views.region_milestones, name="region_milestones"),
    path("regions/<int:region_id>/milestones/new/", views.milestone_add, name="milestone_add"),
    path(
        "regions/<int:region_id>/milestones/<str:key>/remove/",
        views.milestone_remove,
        name="milestone_remove",
    ),
]
