"""Public API of the dossiers app (writes): `section_save`, `SectionConflictError`,
`dossier_erase` (retention)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.dossiers.models import (
    DossierSection,
    IntakeAnalysis,
    PassportVersion,
    SectionRevision,
    SupplementAnswers,
)
from overdracht.pupils.models import Pupil


class SectionConflictError(Exception):
    """Someone else saved the section since the editor opened it; nothing was overwritten."""

    def __init__(self, current: DossierSection) -> None:
        super().__init__("section changed meanwhile")
        self.current = current


def section_save(
    *,
    request: HttpRequest,
    pupil: Pupil,
    kind: str,
    content: dict[str, Any],
    based_on_version: int,
    school_id: int | None = None,
) -> DossierSection:
    """Save a section if nobody saved it since `based_on_version` (0 for a new section)."""
    author = authenticated_user(request).pk
    try:
        with transaction.atomic():
            if based_on_version == 0:
                section = DossierSection.objects.create(
                    pupil=pupil, kind=kind, content=content, version=1, updated_by_id=author
                )
            else:
                updated = DossierSection.objects.filter(
                    pupil=pupil, kind=kind, version=based_on_version
                ).update(content=content, version=F("version") + 1, updated_by_id=author)
                if updated != 1:
                    raise SectionConflictError(DossierSection.objects.get(pupil=pupil, kind=kind))
                section = DossierSection.objects.get(pupil=pupil, kind=kind)
            SectionRevision.objects.create(
                section=section, version=section.version, content=content, author_id=author
            )
    except IntegrityError as exc:  # two people created the same section at once
        raise SectionConflictError(DossierSection.objects.get(pupil=pupil, kind=kind)) from exc
    audit_record(
        AuditAction.DOSSIER_SECTION_SAVED,
        request=request,
        school_id=school_id,
        subject_pupil_id=pupil.pk,
        target=f"dossier_section:{section.pk}",
        details={"kind": kind, "version": section.version},
    )
    return section


def dossier_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete the pupil's dossier — sections with their history, passports with
    their read receipts and reminders, supplements and intake analyses. Returns the number
    of rows per kind; the caller records the deletion (without the content)."""
    counts = {
        "dossier_sections": DossierSection.objects.filter(pupil_id=pupil_id).count(),
        "passport_versions": PassportVersion.objects.filter(pupil_id=pupil_id).count(),
        "supplements": SupplementAnswers.objects.filter(pupil_id=pupil_id).count(),
        "intake_analyses": IntakeAnalysis.objects.filter(pupil_id=pupil_id).count(),
    }
    DossierSection.objects.filter(pupil_id=pupil_id).delete()
    PassportVersion.objects.filter(pupil_id=pupil_id).delete()
    SupplementAnswers.objects.filter(pupil_id=pupil_id).delete()
    IntakeAnalysis.objects.filter(pupil_id=pupil_id).delete()
    return counts
