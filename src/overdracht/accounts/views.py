"""Login, logout, two-step verification and the account security page. Thin: forms in,
services called, templates out."""

from __future__ import annotations

import base64
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

import segno

from overdracht.accounts import selectors, services
from overdracht.accounts.forms import LoginForm, SetupTokenForm, TokenForm
from overdracht.accounts.models import User
from overdracht.core.http import safe_next

NEXT_SESSION_KEY = "overdracht_next"


_user = selectors.authenticated_user


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if services.account_ceiling_reached(email=email):
            services.lockout_record(request, email=email, scope="account")
            return _locked_out_page(request)
        user = authenticate(request, email=email, password=form.cleaned_data["password"])
        if isinstance(user, User):
            services.login_complete(request, user=user)
            next_url = safe_next(request, request.GET.get("next"))
            if next_url:
                request.session[NEXT_SESSION_KEY] = next_url
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
        if not getattr(request, "axes_locked_out", False):
            services.login_failed_record(request, email=email)
        form.add_error(None, _("The e-mail address or password is not correct."))
    return render(request, "accounts/login.html", {"form": form})


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict[str, Any]
) -> HttpResponse:
    """Called by django-axes when an address is locked out."""
    services.lockout_record(request, email=str((credentials or {}).get("email") or ""))
    return _locked_out_page(request)


def _locked_out_page(request: HttpRequest) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    services.logout_complete(request)
    messages.info(request, _("You have been logged out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@require_POST
@login_required
def logout_everywhere_view(request: HttpRequest) -> HttpResponse:
    services.logout_everywhere(request)
    messages.info(request, _("You have been logged out on all your devices."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if selectors.two_factor_enabled(user) and not selectors.is_verified(user):
        return redirect("accounts:two_factor_verify")
    device = services.totp_device_start(user=user)
    form = SetupTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.totp_device_confirm(
            request, device=device, token=form.cleaned_data["token"]
        )
        if result.ok:
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": result.recovery_codes, "next": _after_verification(request)},
            )
        form.add_error(
            "token",
            _("That code is not correct. Check the time on your phone and try the new code."),
        )
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "qr_data_uri": qr.svg_data_uri(scale=4, dark="#000", light="#fff"),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not selectors.two_factor_enabled(user):
        return redirect("accounts:two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.two_factor_verify(request, user=user, token=form.cleaned_data["token"]):
            return redirect(_after_verification(request))
        form.add_error("token", _("That code is not correct."))
    return render(request, "accounts/two_factor_verify.html", {"form": form})


def _after_verification(request: HttpRequest) -> str:
    next_url = safe_next(request, request.session.pop(NEXT_SESSION_KEY, None))
    return next_url or resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def security(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    context = {
        "two_factor_enabled": selectors.two_factor_enabled(user),
        "recovery_codes_left": selectors.recovery_codes_left(user),
        "two_factor_required": getattr(request, "two_factor_required", False),
    }
    return render(request, "accounts/security.html", context)


@require_POST
@login_required
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not selectors.two_factor_enabled(user):
        return redirect("accounts:security")
    codes = services.recovery_codes_generate(request, user=user)
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": resolve_url("accounts:security")},
    )


@require_POST
@login_required
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    if getattr(request, "two_factor_required", False):
        messages.error(
            request,
            _("Two-step verification is required for your role and cannot be switched off."),
        )
        return redirect("accounts:security")
    services.two_factor_disable(request, user=_user(request))
    messages.info(request, _("Two-step verification has been switched off."))
    return redirect("accounts:security")
