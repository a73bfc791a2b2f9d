"""Reads for the portal: what will be sent (built exactly as the export builds it), and the
views of the dossier from the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from overdracht.audit.models import AuditAction
from overdracht.audit.selectors import events_for_pupil
from overdracht.consent.models import GuardianReview
from overdracht.oso.builder import ReviewData
from overdracht.oso.export import ExportRefusedError, crossing_for, dossier_export
from overdracht.oso.presentation import Section, review_sections
from overdracht.oso.validation import validate_file
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School

LOOKED_AT = (
    AuditAction.PUPIL_VIEWED,
    AuditAction.RECEIVED_DOSSIER_VIEWED,
    AuditAction.ATTACHMENT_DOWNLOADED,
    AuditAction.OSO_EXPORTED,
    AuditAction.DOSSIER_PDF_DOWNLOADED,
)


@dataclass(frozen=True)
class DossierPreview:
    sections: list[Section]
    refusal: str


def dossier_preview(pupil: Pupil, review: GuardianReview) -> DossierPreview:
    """The provisional dossier exactly as the export would make it, in readable Dutch."""
    transition = review.transition
    try:
        made = dossier_export(
            pupil=pupil,
            school=review.school,
            to_brin=transition.to_school.brin if transition.to_school else "",
            crossing=crossing_for(transition.kind),
            review=ReviewData(provisional=True),
        )
    except ExportRefusedError as exc:
        return DossierPreview(sections=[], refusal=exc.message)
    reading = validate_file(made.content, name=made.filename).reading
    assert reading is not None
    attachments: list[dict[str, Any]] = [
        {
            "index": i,
            "filename": a.filename,
            "description": a.description,
            "size": len(a.content),
            "found_in": a.found_in,
        }
        for i, a in enumerate(reading.attachments)
    ]
    delivery = reading.mapped.get("metadata", {}).get("delivery", {})
    return DossierPreview(
        sections=review_sections(reading.mapped, delivery, attachments), refusal=""
    )


@dataclass(frozen=True)
class Look:
    when: Any
    role: str
    school: str
    what: str


def who_looked(pupil: Pupil) -> list[Look]:
    events = list(events_for_pupil(pupil.pk).filter(action__in=LOOKED_AT)[:200])
    schools = dict(
        School.objects.filter(pk__in={e.school_id for e in events if e.school_id}).values_list(
            "pk", "name"
        )
    )
    return [
        Look(
            when=e.occurred_at,
            role=e.actor_role,
            school=schools.get(e.school_id, "") if e.school_id else "",
            what=str(AuditAction(e.action).label),
        )
        for e in events
    ]
