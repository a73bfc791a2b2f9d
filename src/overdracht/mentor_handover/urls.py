from django.urls import path

from overdracht.mentor_handover import views

app_name = "mentor_handover"

urlpatterns = [
    path("schools/<int:school_id>/mentor-handovers/", views.school_list, name="school"),
    path("mentor-handovers/<int:transition_id>/", views.handover, name="handover"),
]
