from django.urls import path

from overdracht.roster import views

app_name = "roster"

urlpatterns = [
    path("schools/<int:school_id>/roster/", views.upload, name="upload"),
    path("schools/<int:school_id>/roster/<int:upload_id>/columns/", views.columns, name="columns"),
    path("schools/<int:school_id>/roster/<int:upload_id>/", views.preview, name="preview"),
]
