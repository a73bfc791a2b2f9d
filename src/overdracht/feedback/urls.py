from django.urls import path

from overdracht.feedback import views

app_name = "feedback"

urlpatterns = [
    path("transitions/<int:transition_id>/feedback/<slug:moment>/", views.give, name="give"),
    path("transitions/<int:transition_id>/feedback.xml", views.oso_file, name="oso_file"),
    path("schools/<int:school_id>/former-pupils/", views.former_pupils, name="former_pupils"),
]
