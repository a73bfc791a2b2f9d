from django.urls import path

from overdracht.dossiers import compose_views, intake_views, lvs_views, passport_views, views

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
    path("pupils/<uuid:pupil_id>/passport/", passport_views.passport, name="passport"),
    path(
        "pupils/<uuid:pupil_id>/passport/edit/", passport_views.passport_edit, name="passport_edit"
    ),
    path(
        "classes/<int:class_group_id>/overview/",
        passport_views.class_overview,
        name="class_overview",
    ),
    path(
        "classes/<int:class_group_id>/overview.<str:fmt>",
        passport_views.class_overview_export,
        name="class_overview_export",
    ),
    path(
        "classes/<int:class_group_id>/overview/read/<int:passport_id>/",
        passport_views.class_confirm,
        name="class_confirm",
    ),
    path("schools/<int:school_id>/passports/unread/", passport_views.unread, name="unread"),
    path("schools/<int:school_id>/intake/", intake_views.cohort, name="cohort"),
    path("schools/<int:school_id>/test-results/", lvs_views.lvs_upload, name="lvs_import"),
    path("schools/<int:school_id>/question-packs/", intake_views.packs, name="packs"),
    path(
        "schools/<int:school_id>/question-packs/<str:code>/",
        intake_views.pack_edit,
        name="pack_edit",
    ),
    path("schools/<int:school_id>/intake/<uuid:pupil_id>/", intake_views.analyse, name="analyse"),
]
