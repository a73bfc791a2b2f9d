"""Public services of single sign-on.

- `login_redirect`, `provider_claims`: the OpenID Connect protocol with one provider, done by
  Authlib: discovery, the authorization request with state and nonce, the code exchange and
  the ID token's signature, issuer, audience, expiry and nonce. `ProviderUnreachableError`
  and `ProviderAnswerError` say what went wrong.
- `sso_login`: the user an ID token names, logged in; or `SsoRefusedError` with the reason.
- `provider_save`: an operator adds or changes a provider (command `sso_provider`).

A provider never creates a user: it vouches for an existing account with a membership at a
school of its board or region, matched on the stable subject it sent before, else on a
verified e-mail address (then the subject is pinned).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth

from overdracht.accounts.models import User
from overdracht.accounts.services import login_complete
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.schools.models import Region, SchoolBoard
from overdracht.sso.models import ExternalIdentity, IdentityProvider
from overdracht.sso.selectors import has_membership_in_scope, second_step_asserted

SCOPE = "openid email profile"
TIMEOUT_SECONDS = 10


class SsoRefusedError(Exception):
    """The provider's answer does not let anyone in; `reason` is a code for the audit trail,
    the message is for the person at the login page."""

    def __init__(self, reason: str, message: str, user_id: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.user_id = user_id


class ProviderUnreachableError(Exception):
    """The provider did not answer (its discovery document, keys or token endpoint)."""


class ProviderAnswerError(Exception):
    """The provider's answer lets no one in: `reason` is `cancelled` (the user said no),
    `protocol` (an error, or a state that is not this session's) or `invalid_token`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _client(provider: IdentityProvider) -> DjangoOAuth2App:
    registry = OAuth()  # type: ignore[no-untyped-call]
    client = registry.register(  # type: ignore[no-untyped-call]
        name=f"provider-{provider.pk}",
        client_id=provider.client_id,
        client_secret=bytes(provider.client_secret or b"").decode(),
        server_metadata_url=provider.discovery_url,
        client_kwargs={"scope": SCOPE, "timeout": TIMEOUT_SECONDS},
    )
    assert isinstance(client, DjangoOAuth2App)
    return client


def login_redirect(
    request: HttpRequest, *, provider: IdentityProvider, redirect_uri: str
) -> HttpResponse:
    """The redirect to the provider's login, with a fresh state and nonce kept in the
    session."""
    try:
        response = _client(provider).authorize_redirect(  # type: ignore[no-untyped-call]
            request, redirect_uri
        )
    except (requests.RequestException, ValueError, KeyError) as exc:
        raise ProviderUnreachableError(str(exc)) from exc
    assert isinstance(response, HttpResponse)
    return response


def provider_claims(request: HttpRequest, *, provider: IdentityProvider) -> dict[str, Any]:
    """The verified claims of the ID token the provider's answer (the callback) leads to."""
    try:
        token = _client(provider).authorize_access_token(request)  # type: ignore[no-untyped-call]
    except OAuthError as exc:
        raise ProviderAnswerError(
            "cancelled" if exc.error == "access_denied" else "protocol"
        ) from exc
    except requests.RequestException as exc:
        raise ProviderUnreachableError(str(exc)) from exc
    except AuthlibBaseError as exc:
        raise ProviderAnswerError("invalid_token") from exc
    claims = token.get("userinfo") if isinstance(token, dict) else None
    if not isinstance(claims, dict):
        raise ProviderAnswerError("protocol")
    return dict(claims)


def _email_verified(provider: IdentityProvider, claims: dict[str, Any]) -> bool:
    verified = claims.get("email_verified")
    if verified is None:
        return provider.email_verified_by_provider
    if isinstance(verified, str):  # some providers send the JSON boolean as a string
        return verified.strip().lower() == "true"
    return verified is True


def _user_of(provider: IdentityProvider, claims: dict[str, Any]) -> tuple[User, bool]:
    """The account the claims name, and whether its subject is new to us."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SsoRefusedError("no_subject", _("The login service sent no identity. Try again."))
    identity = (
        ExternalIdentity.objects.filter(provider=provider, subject=subject)
        .select_related("user")
        .first()
    )
    if identity is not None:
        return identity.user, False
    email = str(claims.get("email") or "").strip()
    if not email or not _email_verified(provider, claims):
        raise SsoRefusedError(
            "email_not_verified",
            _(
                "%(provider)s did not confirm your e-mail address, so we cannot tell which "
                "account is yours. Log in with your password, or ask your school's administrator."
            )
            % {"provider": provider.name},
        )
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        raise SsoRefusedError("unknown", _unknown_message(provider))
    return user, True


def _unknown_message(provider: IdentityProvider) -> str:
    return _(
        "You logged in at %(provider)s, but there is no account for you at a school that "
        "uses it. Ask your school's administrator to add you to your school in Overdracht."
    ) % {"provider": provider.name}


def sso_login(request: HttpRequest, *, provider: IdentityProvider, claims: dict[str, Any]) -> User:
    """Log in the staff member the (already verified) ID token's claims name. Refused, with
    the reason in the audit trail, for an unknown or inactive account, one without a
    membership in the provider's board or region, or an unverified e-mail address."""
    try:
        user, new_subject = _user_of(provider, claims)
        if not user.is_active or not has_membership_in_scope(provider, user):
            raise SsoRefusedError("unknown", _unknown_message(provider), user_id=user.pk)
    except SsoRefusedError as refused:
        audit_record(
            AuditAction.LOGIN_FAILED,
            request=request,
            actor_id=None,
            target=f"user:{refused.user_id}" if refused.user_id else "",
            details={"method": "sso", "provider": provider.pk, "reason": refused.reason},
        )
        raise
    with transaction.atomic():
        if new_subject:
            ExternalIdentity.objects.create(
                provider=provider, subject=str(claims["sub"]), user=user
            )
        ExternalIdentity.objects.filter(provider=provider, user=user).update(
            last_login_at=timezone.now()
        )
    login_complete(
        request,
        user=user,
        provider_id=provider.pk,
        second_step_by_provider=second_step_asserted(provider, claims),
    )
    return user


def provider_save(
    *,
    slug: str,
    name: str,
    discovery_url: str,
    client_id: str,
    client_secret: str,
    region: Region | None = None,
    board: SchoolBoard | None = None,
    email_verified_by_provider: bool = False,
    mfa_amr: list[str] | None = None,
    mfa_acr: list[str] | None = None,
    active: bool = True,
) -> IdentityProvider:
    """Add or change the provider with this slug, for exactly one region or school board."""
    if (region is None) == (board is None):
        raise ValueError("A provider serves either one region or one school board.")
    defaults: dict[str, Any] = {
        "name": name,
        "discovery_url": discovery_url,
        "client_id": client_id,
        "client_secret": client_secret.encode(),
        "region": region,
        "board": board,
        "email_verified_by_provider": email_verified_by_provider,
        "active": active,
    }
    if mfa_amr is not None:
        defaults["mfa_amr"] = mfa_amr
    if mfa_acr is not None:
        defaults["mfa_acr"] = mfa_acr
    provider, _created = IdentityProvider.objects.update_or_create(slug=slug, defaults=defaults)
    return provider


def sso_failed_record(request: HttpRequest, *, provider: IdentityProvider, reason: str) -> None:
    """A login at the provider that came back without a usable answer (cancelled, a stale or
    forged state, an ID token that did not verify, the provider unreachable)."""
    audit_record(
        AuditAction.LOGIN_FAILED,
        request=request,
        actor_id=None,
        details={"method": "sso", "provider": provider.pk, "reason": reason},
    )
