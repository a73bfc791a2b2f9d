"""Public API of the audit app: `audit_record` — the only way to write an audit event.

Events go over the `audit` connection in autocommit, so they survive a rollback of the
request's own transaction. See docs/developers/audit.md.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from django.db import connections, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from overdracht.audit.chain import GENESIS, event_digest
from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.audit.routers import AUDIT_DB
from overdracht.audit.targets import target_of
from overdracht.core.http import client_ip

# One chain for the whole installation: writers take this lock in turn (PostgreSQL); on
# SQLite the audit file's write lock does the same (its transactions begin IMMEDIATE).
_CHAIN_LOCK = 7513

REQUEST_ID_ATTR = "_audit_request_id"


def request_id(request: HttpRequest) -> str:
    rid = getattr(request, REQUEST_ID_ATTR, None)
    if rid is None:
        rid = uuid.uuid4().hex
        setattr(request, REQUEST_ID_ATTR, rid)
    return str(rid)


class AuditActor(Protocol):
    """Who acts, as a service passes it on (`accounts.actor.Actor`)."""

    @property
    def user_id(self) -> int | None: ...

    @property
    def ip_address(self) -> str: ...

    @property
    def request_id(self) -> str: ...


def audit_record(
    action: AuditAction,
    *,
    request: HttpRequest | None = None,
    actor: AuditActor | None = None,
    actor_id: int | None = None,
    actor_role: str = "",
    school_id: int | None = None,
    subject_pupil_id: uuid.UUID | None = None,
    target: models.Model | str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one event. Pass ids and codes only: no names, addresses or free text. A view
    passes its `request`, a service the `actor` it was given. The `target` is the object
    the event is about (`audit.targets.target_of`), or a `<kind>:<id>` for one that is not
    there (a denied id)."""
    if isinstance(target, models.Model):
        target = target_of(target)
    ip_address = ""
    rid = ""
    if actor is not None:
        actor_id = actor.user_id if actor_id is None else actor_id
        ip_address, rid = actor.ip_address, actor.request_id
    if request is not None:
        user = getattr(request, "user", None)
        if actor_id is None and user is not None and user.is_authenticated:
            actor_id = user.pk
        ip_address = client_ip(request)
        rid = request_id(request)
    fields: dict[str, Any] = {
        "occurred_at": timezone.now(),
        "action": str(action),
        "actor_id": actor_id,
        "actor_role": actor_role,
        "school_id": school_id,
        "subject_pupil_id": subject_pupil_id,
        "target": target,
        "ip_address": ip_address,
        "request_id": rid,
        "details": details or {},
    }
    with transaction.atomic(using=AUDIT_DB):
        connection = connections[AUDIT_DB]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
        prev_hash = (
            AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
        )
        return AuditEvent.objects.create(
            **fields, prev_hash=prev_hash, hash=event_digest(prev_hash, fields)
        )


def list_viewed(
    request: HttpRequest,
    *,
    name: str,
    rows: int | None = None,
    school_id: int | None = None,
    target: models.Model | str = "",
) -> AuditEvent:
    """A page listed pupils' personal data (`name` says which list): one read in the audit
    trail for the whole list, with how many rows it showed."""
    details: dict[str, Any] = {"list": name}
    if rows is not None:
        details["rows"] = rows
    return audit_record(
        AuditAction.PUPIL_LIST_VIEWED,
        request=request,
        school_id=school_id,
        target=target,
        details=details,
    )
