from django.urls import path

from overdracht.api import views

app_name = "api_tokens"

urlpatterns = [
    path("schools/<int:school_id>/api-tokens/", views.tokens, name="tokens"),
    path(
        "schools/<int:school_id>/api-tokens/<int:token_id>/revoke/",
        views.token_revoke,
        name="token_revoke",
    ),
]
