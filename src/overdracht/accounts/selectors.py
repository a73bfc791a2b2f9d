"""Public API of the accounts app (reads)."""

from __future__ import annotations

from django.http import HttpRequest

from django_otp.plugins.otp_totp.models import TOTPDevice

from overdracht.accounts.models import RecoveryCode, User

# Set when the identity provider asserted a multi-factor login: our own second step is then
# not asked again in this session.
SESSION_SECOND_STEP_BY_PROVIDER = "overdracht_second_step_by_provider"


def confirmed_totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_enabled(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def is_verified(user: object) -> bool:
    """True when this session passed the second step (set by django-otp's middleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def second_step_done(request: HttpRequest) -> bool:
    """True when this session passed our second step, or its identity provider asserted a
    multi-factor login at the start of the session."""
    if is_verified(request.user):
        return True
    return request.session.get(SESSION_SECOND_STEP_BY_PROVIDER) is not None


def authenticated_user(request: HttpRequest) -> User:
    """The logged-in user of a request that login_required already let through."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionError("This needs a logged-in user.")
    return user


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def user_names(ids: list[int]) -> dict[int, str]:
    """Names by user id, in one query (for histories that keep only the author's id)."""
    return dict(User.objects.filter(pk__in=set(ids)).values_list("pk", "full_name"))
