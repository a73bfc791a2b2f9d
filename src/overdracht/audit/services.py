"""Public API of the audit app: `audit_record` — the only way to write an audit event.

Events go over the `audit` connection in autocommit, so they survive a rollback of the
request's own transaction. See docs/developers/audit.md.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.core.http import client_ip

REQUEST_ID_ATTR = "_audit_request_id"


def request_id(request: HttpRequest) -> str:
    rid = getattr(request, REQUEST_ID_ATTR, None)
    if rid is None:
        rid = uuid.uuid4().hex
        setattr(request, REQUEST_ID_ATTR, rid)
    return str(rid)


def audit_record(
    action: AuditAction,
    *,
    request: HttpRequest | None = None,
    actor_id: int | None = None,
    actor_role: str = "",
    school_id: int | None = None,
    subject_pupil_id: uuid.UUID | None = None,
    target: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one event. Pass ids and codes only: no names, addresses or free text."""
    ip_address = ""
    rid = ""
    if request is not None:
        user = getattr(request, "user", None)
        if actor_id is None and user is not None and user.is_authenticated:
            actor_id = user.pk
        ip_address = client_ip(request)
        rid = request_id(request)
    return AuditEvent.objects.create(
        action=action,
        actor_id=actor_id,
        actor_role=actor_role,
        school_id=school_id,
        subject_pupil_id=subject_pupil_id,
        target=target,
        ip_address=ip_address,
        request_id=rid,
        details=details or {},
    )
