"""Public API of the accounts app (writes).

- `user_create`, `user_set_password`
- `login_complete`, `login_failed_record`, `lockout_record`, `logout_complete`,
  `logout_everywhere`
- `totp_device_start`, `totp_device_confirm`, `two_factor_verify`, `two_factor_disable`,
  `recovery_codes_generate`

Every function that changes security state records its audit event.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import login, logout
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from overdracht.accounts.models import RecoveryCode, User
from overdracht.accounts.selectors import SESSION_SECOND_STEP_BY_PROVIDER, confirmed_totp_device
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record

SESSION_STARTED_AT = "overdracht_auth_started_at"
SESSION_LAST_ACTIVITY = "overdracht_last_activity_at"
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def user_create(*, email: str, full_name: str, password: str | None = None) -> User:
    return User.objects.create_user(email=email, full_name=full_name, password=password)


def user_set_password(*, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])


def login_complete(
    request: HttpRequest,
    *,
    user: User,
    provider_id: int | None = None,
    second_step_by_provider: bool = False,
) -> None:
    """Log the user in after a correct password, or after an identity provider (`provider_id`)
    vouched for them; the second step may still follow, unless the provider asserted a
    multi-factor login (`second_step_by_provider`)."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    now = timezone.now().timestamp()
    request.session[SESSION_STARTED_AT] = now
    request.session[SESSION_LAST_ACTIVITY] = now
    details: dict[str, object] = {"method": "password"}
    if provider_id is not None:
        details = {"method": "sso", "provider": provider_id, "mfa": second_step_by_provider}
        if second_step_by_provider:
            request.session[SESSION_SECOND_STEP_BY_PROVIDER] = provider_id
    audit_record(AuditAction.LOGIN, request=request, actor_id=user.pk, details=details)
    User.objects.filter(pk=user.pk).update(login_failures=0, login_failures_since=None)


def account_ceiling_reached(*, email: str) -> bool:
    """True when the account has had `OVERDRACHT_ACCOUNT_FAILURE_CEILING` failed logins from
    any addresses within the lockout window: then no password is checked until the window
    has passed, whichever address asks."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return User.objects.filter(
        email__iexact=email,
        login_failures__gte=settings.OVERDRACHT_ACCOUNT_FAILURE_CEILING,
        login_failures_since__gte=since,
    ).exists()


def _failure_count(user_id: int) -> None:
    now = timezone.now()
    window_start = now - settings.AXES_COOLOFF_TIME
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            return
        if user.login_failures_since is None or user.login_failures_since < window_start:
            user.login_failures, user.login_failures_since = 1, now
        else:
            user.login_failures += 1
        user.save(update_fields=["login_failures", "login_failures_since"])


def login_failed_record(request: HttpRequest, *, email: str) -> None:
    """Record a failed login. The typed address is not stored, only the account it names."""
    user_id = User.objects.filter(email__iexact=email).values_list("pk", flat=True).first()
    if user_id is not None:
        _failure_count(user_id)
    audit_record(
        AuditAction.LOGIN_FAILED,
        request=request,
        actor_id=None,
        target=f"user:{user_id}" if user_id else "",
        details={"known_account": user_id is not None},
    )


def lockout_record(request: HttpRequest, *, email: str, scope: str = "address") -> None:
    """Record a lockout: `address` (this account from this address, django-axes) or
    `account` (the ceiling across addresses)."""
    user_id = User.objects.filter(email__iexact=email).values_list("pk", flat=True).first()
    audit_record(
        AuditAction.LOCKOUT,
        request=request,
        actor_id=None,
        target=f"user:{user_id}" if user_id else "",
        details={"known_account": user_id is not None, "scope": scope},
    )


def logout_complete(request: HttpRequest, *, reason: AuditAction = AuditAction.LOGOUT) -> None:
    user = request.user
    if user.is_authenticated:
        audit_record(reason, request=request, actor_id=user.pk)
    logout(request)


def logout_everywhere(request: HttpRequest) -> None:
    """End every session of the user, this one included."""
    user = request.user
    assert isinstance(user, User)
    User.objects.filter(pk=user.pk).update(session_generation=user.session_generation + 1)
    audit_record(AuditAction.LOGOUT_EVERYWHERE, request=request, actor_id=user.pk)
    logout(request)


def totp_device_start(*, user: User) -> TOTPDevice:
    """The unconfirmed device whose secret the user scans; reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@dataclass(frozen=True)
class ConfirmResult:
    ok: bool
    recovery_codes: list[str]


def totp_device_confirm(request: HttpRequest, *, device: TOTPDevice, token: str) -> ConfirmResult:
    """Confirm the device with a code from the app; on success the session is verified and
    fresh recovery codes are returned (shown once)."""
    user = device.user
    if not device.verify_token(token.strip().replace(" ", "")):
        audit_record(
            AuditAction.TWO_FACTOR_FAILED,
            request=request,
            actor_id=user.pk,
            details={"step": "setup"},
        )
        return ConfirmResult(ok=False, recovery_codes=[])
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_replace(user)
    otp_login(request, device)
    audit_record(AuditAction.TWO_FACTOR_ENABLED, request=request, actor_id=user.pk)
    audit_record(AuditAction.RECOVERY_CODES_GENERATED, request=request, actor_id=user.pk)
    return ConfirmResult(ok=True, recovery_codes=codes)


def two_factor_verify(request: HttpRequest, *, user: User, token: str) -> bool:
    """Check a code from the app, or a recovery code; on success the session is verified."""
    device = confirmed_totp_device(user)
    if device is None:
        return False
    cleaned = token.strip().replace(" ", "").replace("-", "").lower()
    if cleaned.isdigit() and device.verify_token(cleaned):
        otp_login(request, device)
        audit_record(AuditAction.TWO_FACTOR_VERIFIED, request=request, actor_id=user.pk)
        return True
    if _recovery_code_use(user, cleaned):
        otp_login(request, device)
        audit_record(AuditAction.RECOVERY_CODE_USED, request=request, actor_id=user.pk)
        return True
    audit_record(
        AuditAction.TWO_FACTOR_FAILED, request=request, actor_id=user.pk, details={"step": "verify"}
    )
    return False


def two_factor_disable(request: HttpRequest, *, user: User) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
    audit_record(AuditAction.TWO_FACTOR_DISABLED, request=request, actor_id=user.pk)


def recovery_codes_generate(request: HttpRequest, *, user: User) -> list[str]:
    with transaction.atomic():
        codes = _recovery_codes_replace(user)
    audit_record(AuditAction.RECOVERY_CODES_GENERATED, request=request, actor_id=user.pk)
    return codes


def _hash_code(code: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{code}".encode()).hexdigest()


def _recovery_codes_replace(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
        for _ in range(settings.OVERDRACHT_RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=_hash_code(code)) for code in codes
    )
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def _recovery_code_use(user: User, code: str) -> bool:
    if len(code) != 10:
        return False
    updated = RecoveryCode.objects.filter(
        user=user, code_hash=_hash_code(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    return updated == 1
