from django.urls import path

from overdracht.dossiers import views

app_name = "dossiers"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/dossier/", views.dossier, name="dossier"),
    path("pupils/<uuid:pupil_id>/dossier/<str:kind>/", views.section_edit, name="section_edit"),
]
