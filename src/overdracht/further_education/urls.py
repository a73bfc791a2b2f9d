from django.urls import path

from overdracht.further_education import dossier_views, institution_views, views

app_name = "further_education"

urlpatterns = [
    path("schools/<int:school_id>/further-education/", views.overview, name="overview"),
    path("pupils/<uuid:pupil_id>/further-education/", views.pupil, name="pupil"),
    path("pupils/<uuid:pupil_id>/further-education/choice/", views.choice, name="choice"),
    path("pupils/<uuid:pupil_id>/further-education/register/", views.register, name="register"),
    path("choices/<int:choice_id>/skills/", views.skills, name="skills"),
    path("registrations/<int:registration_id>/aftercare/", views.aftercare, name="aftercare"),
    path(
        "registrations/<int:registration_id>/update/",
        views.registration_update,
        name="registration_update",
    ),
    path("start-reports/<int:report_id>/", views.report, name="report"),
    path("registrations/<int:registration_id>/dossier/", dossier_views.dossier, name="dossier"),
    path(
        "registrations/<int:registration_id>/dossier/pupil/",
        dossier_views.pupil_part,
        name="pupil_part",
    ),
    path("registrations/<int:registration_id>/dossier/sign/", dossier_views.sign, name="sign"),
    path(
        "registrations/<int:registration_id>/dossier/school/",
        dossier_views.school_part,
        name="school_part",
    ),
    path(
        "registrations/<int:registration_id>/dossier.pdf",
        dossier_views.dossier_pdf,
        name="dossier_pdf",
    ),
    path(
        "schools/<int:school_id>/incoming-registrations/",
        institution_views.incoming,
        name="incoming",
    ),
    path(
        "registrations/<int:registration_id>/",
        institution_views.registration,
        name="registration",
    ),
    path(
        "registrations/<int:registration_id>/received/",
        institution_views.received,
        name="received",
    ),
    path(
        "registrations/<int:registration_id>/warm-handover/",
        institution_views.handover_plan,
        name="handover_plan",
    ),
]
