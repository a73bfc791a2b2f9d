"""Idle and absolute session limits."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.services import (
    SESSION_LAST_ACTIVITY,
    SESSION_STARTED_AT,
    logout_complete,
)
from overdracht.audit.models import AuditAction

# Write the last-activity time at most this often, so not every request writes the session.
ACTIVITY_WRITE_INTERVAL_SECONDS = 60


class SessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            started = float(request.session.get(SESSION_STARTED_AT, now))
            last = float(request.session.get(SESSION_LAST_ACTIVITY, now))
            idle_limit = settings.SESSION_IDLE_TIMEOUT.total_seconds()
            absolute_limit = settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds()
            if now - last > idle_limit or now - started > absolute_limit:
                logout_complete(request, reason=AuditAction.SESSION_EXPIRED)
                messages.info(
                    request,
                    _("You were logged out because your session expired. Please log in again."),
                )
                return redirect(settings.LOGIN_URL)
            if now - last > ACTIVITY_WRITE_INTERVAL_SECONDS:
                request.session[SESSION_LAST_ACTIVITY] = now
        return self.get_response(request)
