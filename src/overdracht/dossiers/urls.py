from django.urls import path

from overdracht.dossiers import compose_views, lvs_views, packs_views, views

app_name = "dossiers"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/dossier/", views.dossier, name="dossier"),
    path("pupils/<uuid:pupil_id>/sending/", compose_views.compose, name="compose"),
    path(
        "pupils/<uuid:pupil_id>/sending/school/",
        compose_views.choose_school,
        name="compose_school",
    ),
    path("pupils/<uuid:pupil_id>/sending/review/", compose_views.review_open, name="review_open"),
    path("pupils/<uuid:pupil_id>/sending/send/", compose_views.send, name="send"),
    path("pupils/<uuid:pupil_id>/sending/file/", compose_views.download, name="download"),
    path("pupils/<uuid:pupil_id>/dossier/<str:kind>/", views.section_edit, name="section_edit"),
    path(
        "pupils/<uuid:pupil_id>/dossier/<str:kind>/versions/<int:version>/",
        views.section_version,
        name="section_version",
    ),
    path(
        "pupils/<uuid:pupil_id>/supplements/<str:code>/",
        views.supplement_edit,
        name="supplement_edit",
    ),
    path("schools/<int:school_id>/test-results/", lvs_views.lvs_upload, name="lvs_import"),
    path("schools/<int:school_id>/question-packs/", packs_views.packs, name="packs"),
    path(
        "schools/<int:school_id>/question-packs/<str:code>/",
        packs_views.pack_edit,
        name="pack_edit",
    ),
]
