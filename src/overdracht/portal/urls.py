from django.urls import path

from overdracht.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("<uuid:pupil_id>/", views.child, name="child"),
    path("<uuid:pupil_id>/dossier/", views.dossier, name="dossier"),
    path("<uuid:pupil_id>/dossier.pdf", views.dossier_pdf, name="dossier_pdf"),
    path("<uuid:pupil_id>/consents/", views.consents, name="consents"),
    path("<uuid:pupil_id>/correction/", views.correction, name="correction"),
    path("<uuid:pupil_id>/looked/", views.looked, name="looked"),
    path("<uuid:pupil_id>/copy/", views.copy, name="copy"),
    path(
        "<uuid:pupil_id>/copy/<int:request_id>/<str:kind>/",
        views.copy_download,
        name="copy_download",
    ),
]
