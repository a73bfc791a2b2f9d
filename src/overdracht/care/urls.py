from django.urls import path

from overdracht.care import views

app_name = "care"

urlpatterns = [
    path("pupils/<uuid:pupil_id>/refer/", views.refer, name="refer"),
    path("pupils/<uuid:pupil_id>/opp/", views.development_plan, name="development_plan"),
    path("schools/<int:school_id>/care-team/", views.agenda, name="agenda"),
    path("partnership/referrals/", views.partnership, name="partnership"),
]
