from django.urls import include, path

urlpatterns = [
    path("", include("overdracht.dashboard.urls")),
    path("accounts/", include("overdracht.accounts.urls")),
    path("", include("overdracht.pupils.urls")),
    path("", include("overdracht.oso.urls")),
    path("", include("overdracht.consent.urls")),
    path("", include("overdracht.dossiers.urls")),
    path("", include("overdracht.passports.urls")),
    path("", include("overdracht.schools.urls")),
    path("", include("overdracht.meetings.urls")),
    path("", include("overdracht.steps.urls")),
    path("", include("overdracht.regional_calendar.urls")),
    path("", include("overdracht.roster.urls")),
    path("", include("overdracht.intake.urls")),
    path("", include("overdracht.worklist.urls")),
    path("", include("overdracht.care.urls")),
    path("", include("overdracht.retention.urls")),
    path("portal/", include("overdracht.portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("overdracht.operations.urls")),
]
