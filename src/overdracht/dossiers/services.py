"""Public API of the dossiers app (writes): `section_save`, `SectionConflictError`,
`sections_receive` (a received OSO file fills the school's dossier), `dossier_erase`
(retention)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.dossiers.events import advice_recorded
from overdracht.dossiers.models import (
    DossierSection,
    IntakeAnalysis,
    ResultSource,
    SectionRevision,
    SupplementAnswers,
    TestResult,
)
from overdracht.dossiers.sections import SectionKind, content_problems
from overdracht.oso.content import ResultData
from overdracht.pupils.models import Pupil


class SectionConflictError(Exception):
    """Someone else saved the section since the editor opened it; nothing was overwritten."""

    def __init__(self, current: DossierSection) -> None:
        super().__init__("section changed meanwhile")
        self.current = current


def section_save(
    *,
    author_id: int,
    pupil: Pupil,
    kind: str,
    content: dict[str, Any],
    based_on_version: int,
    school_id: int,
    actor: Actor | None = None,
) -> DossierSection:
    """Save a part of the school's dossier of the pupil if nobody saved it since
    `based_on_version` (0 for a new part). ValidationError (in Dutch) when the content breaks
    a rule of the part, e.g. an advice reconsidered downwards."""
    problems = content_problems(kind, content)
    if problems:
        raise ValidationError(problems)
    author = author_id
    try:
        with transaction.atomic():
            section = _write(pupil, school_id, kind, content, based_on_version, author)
            SectionRevision.objects.create(
                section=section, version=section.version, content=content, author_id=author
            )
            if kind == SectionKind.ADVICE:
                advice_recorded.send(
                    sender=DossierSection, pupil=pupil, school_id=school_id, content=content
                )
    except IntegrityError as exc:  # two people created the same section at once
        raise SectionConflictError(_current(pupil, school_id, kind)) from exc
    audit_record(
        AuditAction.DOSSIER_SECTION_SAVED,
        actor=actor,
        actor_id=author_id,
        school_id=school_id,
        subject_pupil_id=pupil.pk,
        target=section,
        details={"kind": kind, "version": section.version},
    )
    return section


def _current(pupil: Pupil, school_id: int, kind: str) -> DossierSection:
    return DossierSection.objects.get(pupil=pupil, school_id=school_id, kind=kind)


def _write(
    pupil: Pupil,
    school_id: int,
    kind: str,
    content: dict[str, Any],
    based_on_version: int,
    author: int | None,
    received_dossier_id: int | None = None,
) -> DossierSection:
    if based_on_version == 0:
        return DossierSection.objects.create(
            pupil=pupil,
            school_id=school_id,
            kind=kind,
            content=content,
            version=1,
            updated_by_id=author,
            received_dossier_id=received_dossier_id,
        )
    updated = DossierSection.objects.filter(
        pupil=pupil, school_id=school_id, kind=kind, version=based_on_version
    ).update(
        content=content,
        version=F("version") + 1,
        updated_by_id=author,
        received_dossier_id=received_dossier_id,
    )
    if updated != 1:
        raise SectionConflictError(_current(pupil, school_id, kind))
    return _current(pupil, school_id, kind)


@dataclass(frozen=True)
class ReceivedSection:
    kind: str
    outcome: str  # "filled", "unchanged" or "kept" (the school's own text differs)


def sections_receive(
    *,
    pupil: Pupil,
    school_id: int,
    parts: dict[str, dict[str, Any]],
    received_dossier_id: int,
    received_from: str,
    actor_id: int | None,
) -> list[ReceivedSection]:
    """Fill the school's dossier of the pupil from a received OSO file, inside the import's
    transaction. A part the school wrote itself is never overwritten: it is kept, and the
    intake shows the received text beside it."""
    outcomes = []
    current = {s.kind: s for s in DossierSection.objects.filter(pupil=pupil, school_id=school_id)}
    for kind, content in parts.items():
        if not any(v not in ("", None, False) for v in content.values()):
            continue
        section = current.get(kind)
        if section is not None and section.content == content:
            outcomes.append(ReceivedSection(kind, "unchanged"))
            continue
        if section is not None and section.received_dossier_id is None:
            outcomes.append(ReceivedSection(kind, "kept"))
            continue
        saved = _write(
            pupil,
            school_id,
            kind,
            content,
            section.version if section else 0,
            actor_id,
            received_dossier_id,
        )
        SectionRevision.objects.create(
            section=saved,
            version=saved.version,
            content=content,
            author_id=actor_id,
            received_dossier_id=received_dossier_id,
            received_from=received_from[:200],
        )
        outcomes.append(ReceivedSection(kind, "filled"))
    return outcomes


def results_receive(
    *, pupil: Pupil, school_id: int, results: Iterable[ResultData], received_from: str
) -> int:
    """The tests a received dossier carries become the receiving school's test results; a
    test the school has already (same test, subject and day) is left as it is."""
    existing = TestResult.objects.filter(pupil=pupil, school_id=school_id)
    before = existing.count()
    TestResult.objects.bulk_create(
        [
            TestResult(
                pupil=pupil,
                school_id=school_id,
                subject=r.subject or r.name[:80],
                test_name=r.name,
                test_code=r.code,
                taken_on=r.taken_on,
                year_group=r.year_group,
                ability_score=r.ability_score,
                rating=r.rating,
                source=ResultSource.RECEIVED,
                received_from=received_from[:200],
            )
            for r in results
        ],
        ignore_conflicts=True,
    )
    return existing.count() - before


def dossier_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete the pupil's dossier — sections with their history, supplements,
    intake analyses and test results (the passport: `passports.services.passports_erase`).
    Returns the number of rows per kind; the caller records the deletion (without the
    content)."""
    counts = {
        "dossier_sections": DossierSection.objects.filter(pupil_id=pupil_id).count(),
        "supplements": SupplementAnswers.objects.filter(pupil_id=pupil_id).count(),
        "intake_analyses": IntakeAnalysis.objects.filter(pupil_id=pupil_id).count(),
        "test_results": TestResult.objects.filter(pupil_id=pupil_id).count(),
    }
    TestResult.objects.filter(pupil_id=pupil_id).delete()
    DossierSection.objects.filter(pupil_id=pupil_id).delete()
    SupplementAnswers.objects.filter(pupil_id=pupil_id).delete()
    IntakeAnalysis.objects.filter(pupil_id=pupil_id).delete()
    return counts
