from django.urls import path

from overdracht.outbox import views

app_name = "outbox"

urlpatterns = [
    path("schools/<int:school_id>/mail/", views.undelivered, name="undelivered"),
    path("schools/<int:school_id>/mail/<int:mail_id>/retry/", views.retry, name="retry"),
]
