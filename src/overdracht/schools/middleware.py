"""Two-step verification, required for every role that can see support or care data."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from overdracht.accounts.models import User
from overdracht.accounts.selectors import second_step_done, two_factor_enabled
from overdracht.schools.permissions import user_requires_two_factor

ALLOWED_URL_NAMES = (
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
    "accounts:logout",
    "accounts:logout_everywhere",
    "accounts:login",
)


class TwoFactorRequiredMiddleware:
    """A logged-in user who must, or chose to, use a second step is sent to set it up or to
    enter a code before any other page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._allowed: frozenset[str] | None = None

    def allowed_paths(self) -> frozenset[str]:
        if self._allowed is None:
            self._allowed = frozenset(reverse(name) for name in ALLOWED_URL_NAMES)
        return self._allowed

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if isinstance(user, User):
            required = user_requires_two_factor(user)
            request.two_factor_required = required  # type: ignore[attr-defined]
            if not second_step_done(request):
                exempt = request.path in self.allowed_paths() or request.path.startswith(
                    settings.STATIC_URL
                )
                if not exempt:
                    enabled = two_factor_enabled(user)
                    if enabled:
                        return redirect("accounts:two_factor_verify")
                    if required:
                        return redirect("accounts:two_factor_setup")
        return self.get_response(request)
