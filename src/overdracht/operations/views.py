"""`/health/`: the process answers. `/ready/`: it can serve (see `readiness`). Both for
machines: plain JSON, no login, no personal data, never cached."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from overdracht.operations.readiness import readiness


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    found = readiness()
    return JsonResponse(
        {"status": "ok" if found.ready else "unavailable", "checks": found.checks},
        status=200 if found.ready else 503,
    )
