from django.urls import path

from overdracht.careers import views

app_name = "careers"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/career/", views.dossier, name="dossier"),
    path("pupils/<uuid:pupil_id>/career/reflection/", views.reflection, name="reflection"),
    path("pupils/<uuid:pupil_id>/career/activity/", views.activity_add, name="activity_add"),
    path("pupils/<uuid:pupil_id>/career/comment/", views.comment, name="comment"),
    path("pupils/<uuid:pupil_id>/career/conversation/", views.conversation, name="conversation"),
]
