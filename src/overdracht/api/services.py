"""Public services of the API: `token_create` (returns the token once), `token_revoke`,
`token_for` (the live token a request carries, or None)."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from overdracht.accounts.actor import Actor
from overdracht.api.models import ApiToken
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.schools.models import School

SCOPES = {
    "transitions:read": gettext_lazy("Read the school's transitions and their steps"),
    "registrations:read": gettext_lazy("Read the registrations and dossier requests"),
    "dossiers:read": gettext_lazy("Read how far a pupil's dossier is (no content)"),
}


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(
    *, actor: Actor, school: School, name: str, scopes: list[str]
) -> tuple[ApiToken, str]:
    if not scopes or set(scopes) - SCOPES.keys():
        raise ValidationError({"scopes": _("Choose what the token may read.")})
    raw = "ovd_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        school=school,
        name=name.strip()[:100],
        scopes=sorted(scopes),
        token_hash=_hash(raw),
        prefix=raw[:8],
        created_by_id=actor.user_id,
    )
    audit_record(
        AuditAction.API_TOKEN_CREATED,
        actor=actor,
        school_id=school.pk,
        target=token,
        details={"scopes": token.scopes},
    )
    return token, raw


def token_revoke(*, actor: Actor, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            AuditAction.API_TOKEN_REVOKED, actor=actor, school_id=token.school_id, target=token
        )


def token_for(raw: str) -> ApiToken | None:
    """The live token with this value: not revoked. Marks it used."""
    token = (
        ApiToken.objects.select_related("school")
        .filter(token_hash=_hash(raw), revoked_at__isnull=True)
        .first()
    )
    if token is not None:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token
