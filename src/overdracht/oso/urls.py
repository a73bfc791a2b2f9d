from django.urls import path

from overdracht.oso import views

app_name = "oso"

urlpatterns = [
    path("schools/<int:school_id>/incoming/", views.incoming, name="incoming"),
    path("schools/<int:school_id>/incoming/batches/<int:batch_id>/", views.batch, name="batch"),
    path("schools/<int:school_id>/incoming/<int:dossier_id>/", views.received, name="received"),
    path(
        "schools/<int:school_id>/incoming/<int:dossier_id>/attachments/<int:index>/",
        views.attachment,
        name="attachment",
    ),
]
