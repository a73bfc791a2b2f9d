"""The product's URLs plus one bare view: the floor for bench/class_overview.py."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("overdracht.conf.urls")),
]
