"""Public API of the oso app (reads), always for one school the caller has checked."""

from __future__ import annotations

import uuid
from dataclasses import replace

from django.db.models import QuerySet

from overdracht.oso.content import SECTIONS_FILENAME, DossierContent
from overdracht.oso.content_reading import content_from_mapped, sections_from_attachment
from overdracht.oso.models import DossierState, ImportBatch, ReceivedAttachment, ReceivedDossier
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School


def incoming_dossiers(school: School) -> QuerySet[ReceivedDossier]:
    """The current and held dossiers the school received, newest first (no history rows)."""
    return (
        ReceivedDossier.objects.filter(
            school=school, state__in=[DossierState.CURRENT, DossierState.HELD]
        )
        .select_related("pupil", "conflict_pupil")
        .defer("tree", "mapped")
        .order_by("-received_at", "-id")
    )


def received_dossier(school: School, dossier_id: int) -> ReceivedDossier | None:
    return (
        ReceivedDossier.objects.filter(school=school, pk=dossier_id)
        .select_related("pupil", "conflict_pupil")
        .first()
    )


def dossier_history(dossier: ReceivedDossier) -> QuerySet[ReceivedDossier]:
    if dossier.pupil_id is None:
        return ReceivedDossier.objects.none()
    return (
        ReceivedDossier.objects.filter(school=dossier.school_id, pupil=dossier.pupil_id)
        .defer("tree", "mapped")
        .order_by("-version")
    )


def attachments_of(dossier: ReceivedDossier) -> list[dict[str, object]]:
    rows = ReceivedAttachment.objects.filter(dossier=dossier).values(
        "index", "filename", "description", "content_type", "size", "found_in"
    )
    return [dict(row) for row in rows]


def attachment(dossier: ReceivedDossier, index: int) -> ReceivedAttachment | None:
    return ReceivedAttachment.objects.filter(dossier=dossier, index=index).first()


def batch(school: School, batch_id: int) -> ImportBatch | None:
    return ImportBatch.objects.filter(school=school, pk=batch_id).first()


def recent_batches(school: School) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(school=school)[:5]


def received_content(dossier: ReceivedDossier) -> DossierContent:
    """The parts a received dossier carries (advice, test, reference levels, school career
    and the parts our JSON attachment holds), as `oso.content.DossierContent`."""
    content = content_from_mapped(dossier.mapped)
    for document in dossier.mapped.get("documents", []):
        if document.get("filename") == SECTIONS_FILENAME and "attachment" in document:
            found = dossier.attachments.filter(index=document["attachment"]).first()
            if found is not None:
                return replace(content, parts=sections_from_attachment(bytes(found.content)))
    return content


def delivered_dossier(*, pupil_id: uuid.UUID, from_school: School) -> ReceivedDossier | None:
    """The newest dossier `from_school` sent for the pupil inside the installation, for the
    sending school to see that it arrived and when it was opened (not its content)."""
    return (
        ReceivedDossier.objects.filter(pupil_id=pupil_id, sent_from_school=from_school)
        .select_related("school")
        .only("pk", "received_at", "first_opened_at", "school__name", "state")
        .first()
    )


def received_dossiers_of_pupil(pupil: Pupil) -> QuerySet[ReceivedDossier]:
    """Every dossier received for the pupil, at any school of the installation."""
    return (
        ReceivedDossier.objects.filter(pupil=pupil)
        .select_related("school")
        .defer("tree", "mapped")
        .order_by("received_at")
    )
