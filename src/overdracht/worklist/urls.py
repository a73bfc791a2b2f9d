from django.urls import path

from overdracht.worklist import views

app_name = "worklist"

urlpatterns = [
    path("tasks/", views.worklist, name="index"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("calendar/address/", views.feed_settings, name="feed_settings"),
]
