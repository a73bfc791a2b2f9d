from django.urls import path

from overdracht.consent import views

app_name = "consent"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/review/", views.reviews, name="reviews"),
    path("pupils/<uuid:pupil_id>/review/record/", views.review_record, name="review_record"),
    path("pupils/<uuid:pupil_id>/review/reply/", views.statement_reply, name="statement_reply"),
    path(
        "pupils/<uuid:pupil_id>/corrections/<int:correction_id>/handled/",
        views.correction_handle,
        name="correction_handle",
    ),
    path(
        "pupils/<uuid:pupil_id>/copies/<int:copy_id>/release/",
        views.copy_release,
        name="copy_release",
    ),
]
