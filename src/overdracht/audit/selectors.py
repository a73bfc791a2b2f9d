"""Public API of the audit app for reading: events about a pupil or by an actor, and the
hash chain's report (`chain_report`)."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from overdracht.audit.chain import ChainReport, batched_rows, chain_verify
from overdracht.audit.models import AuditAction, AuditEvent


def events_for_pupil(pupil_id: uuid.UUID) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(subject_pupil_id=pupil_id)


def events_by_actor(actor_id: int) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(actor_id=actor_id)


def events_of(action: AuditAction) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(action=action)


def chain_report() -> ChainReport:
    """Recompute the whole hash chain in id order (see audit.chain)."""
    return chain_verify(batched_rows(AuditEvent.objects.all()))
