from django.urls import include, path

urlpatterns = [
    path("", include("overdracht.dashboard.urls")),
    path("accounts/", include("overdracht.accounts.urls")),
    path("", include("overdracht.pupils.urls")),
]
