from django.urls import path

from overdracht.care import pao_views, views

app_name = "care"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/refer/", views.refer, name="refer"),
    path(
        "pupils/<uuid:pupil_id>/refer/<int:referral_id>/read/",
        views.outcome_seen,
        name="outcome_seen",
    ),
    path("pupils/<uuid:pupil_id>/opp/", views.development_plan, name="development_plan"),
    path("schools/<int:school_id>/care-team/", views.agenda, name="agenda"),
    path(
        "schools/<int:school_id>/care-team/referrals/<int:referral_id>/dossier/",
        pao_views.referral_dossier,
        name="referral_dossier",
    ),
    path("partnership/referrals/", pao_views.partnership, name="partnership"),
    path(
        "partnership/dossiers/<int:dossier_id>/",
        pao_views.partnership_dossier,
        name="partnership_dossier",
    ),
    path(
        "partnership/dossiers/<int:dossier_id>/attachments/<int:index>/",
        pao_views.partnership_attachment,
        name="partnership_attachment",
    ),
]
