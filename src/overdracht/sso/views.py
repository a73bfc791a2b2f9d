"""Logging in at an identity provider: the start (a redirect to the provider) and the
callback (the provider's answer). Thin: `services` does the protocol (with Authlib) and
decides who comes in."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from overdracht.accounts.views import NEXT_SESSION_KEY
from overdracht.core.http import safe_next
from overdracht.sso import selectors, services
from overdracht.sso.models import IdentityProvider


def _provider_or_404(slug: str) -> IdentityProvider:
    provider = selectors.provider_for_login(slug)
    if provider is None:
        raise Http404
    return provider


def _failed(
    request: HttpRequest, provider: IdentityProvider, message: str, status: int
) -> HttpResponse:
    return render(
        request, "sso/failed.html", {"provider": provider, "message": message}, status=status
    )


def _unreachable(request: HttpRequest, provider: IdentityProvider) -> HttpResponse:
    services.sso_failed_record(request, provider=provider, reason="unreachable")
    message = _(
        "%(provider)s cannot be reached just now. Try again in a few minutes, or log in with "
        "your password."
    ) % {"provider": provider.name}
    return _failed(request, provider, message, status=502)


@require_GET
def start(request: HttpRequest, slug: str) -> HttpResponse:
    provider = _provider_or_404(slug)
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    next_url = safe_next(request, request.GET.get("next"))
    if next_url:
        request.session[NEXT_SESSION_KEY] = next_url
    redirect_uri = request.build_absolute_uri(reverse("sso:callback", args=[provider.slug]))
    try:
        return services.login_redirect(request, provider=provider, redirect_uri=redirect_uri)
    except services.ProviderUnreachableError:
        return _unreachable(request, provider)


ANSWER_MESSAGES = {
    "cancelled": gettext_lazy("You cancelled logging in at %(provider)s."),
    "invalid_token": gettext_lazy(
        "%(provider)s sent an answer we could not verify. Please try again."
    ),
    "protocol": gettext_lazy("Logging in at %(provider)s did not work out. Please try again."),
}


@require_GET
def callback(request: HttpRequest, slug: str) -> HttpResponse:
    provider = _provider_or_404(slug)
    try:
        claims = services.provider_claims(request, provider=provider)
        services.sso_login(request, provider=provider, claims=claims)
    except services.ProviderUnreachableError:
        return _unreachable(request, provider)
    except services.ProviderAnswerError as exc:
        services.sso_failed_record(request, provider=provider, reason=exc.reason)
        message = str(ANSWER_MESSAGES[exc.reason]) % {"provider": provider.name}
        return _failed(request, provider, message, status=400)
    except services.SsoRefusedError as exc:
        return _failed(request, provider, exc.message, status=403)
    next_url = safe_next(request, request.session.get(NEXT_SESSION_KEY))
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)
