"""The partnership's dossiers: the PaO profiles of the standard (POSWV, VOSWV).

A PO or VO school sends its partnership (samenwerkingsverband) a dossier with
`overdrachtsoort` "swv-dossier", e.g. to ask for a toelaatbaarheidsverklaring. Inside the
installation it arrives from a referral with one action; a file of a school outside it is
read in by the partnership's staff. Either way the file is checked (schema and rules), kept
whole and read in words; the same file twice is kept once.

Public API: `partnership_dossier_receive` (one file, one transaction → `PaoOutcome`),
`partnership_dossiers`, `partnership_dossier`, `partnership_dossier_opened`,
`partnership_dossier_attachments`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.names import normalise
from overdracht.oso.constants import PAO_KIND
from overdracht.oso.data import PupilData
from overdracht.oso.models import ImportStatus, PartnershipDossier
from overdracht.oso.problems import Problem
from overdracht.oso.pupil_reading import pupil_of
from overdracht.oso.reader import Attachment, Reading
from overdracht.oso.rules import delivery_of
from overdracht.oso.validation import validate_file
from overdracht.pupils.models import Pupil
from overdracht.schools.models import Partnership, School


@dataclass
class PaoOutcome:
    name: str
    status: ImportStatus
    dossier: PartnershipDossier | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return self.status == ImportStatus.REJECTED


def partnership_dossier_receive(
    *,
    data: bytes,
    name: str,
    partnership: Partnership,
    actor_id: int | None,
    pupil: Pupil | None = None,
    sent_from_school: School | None = None,
) -> PaoOutcome:
    """Take in one PaO file for the partnership. A file that is not a dossier for a
    partnership (an overstapdossier belongs to a school's incoming list) is refused."""
    validated = validate_file(data, name=name)
    reading = validated.reading
    problems = list(validated.problems)
    if reading is not None and reading.value("metadata.transfer_kind") != PAO_KIND:
        problems.append(
            Problem(
                "Dit is geen dossier voor het samenwerkingsverband (soort overdracht "
                f"{reading.value('metadata.transfer_kind') or 'onbekend'}). Een overstapdossier "
                "leest de ontvangende school in.",
                file=name,
                path="overdrachtsoort",
            )
        )
    if reading is None or any(p.severity == "error" for p in problems):
        audit_record(
            AuditAction.OSO_REJECTED,
            actor_id=actor_id,
            school_id=sent_from_school.pk if sent_from_school else None,
            details={"partnership": partnership.pk, "errors": len(problems)},
        )
        return PaoOutcome(name=name, status=ImportStatus.REJECTED, problems=problems)
    return _store(
        reading,
        data=data,
        partnership=partnership,
        actor_id=actor_id,
        pupil=pupil,
        sent_from_school=sent_from_school,
        problems=problems,
    )


@transaction.atomic
def _store(
    reading: Reading,
    *,
    data: bytes,
    partnership: Partnership,
    actor_id: int | None,
    pupil: Pupil | None,
    sent_from_school: School | None,
    problems: list[Problem],
) -> PaoOutcome:
    digest = reading.content_hash
    known = PartnershipDossier.objects.filter(partnership=partnership, content_hash=digest).first()
    if known is not None:
        return PaoOutcome(
            name=reading.name, status=ImportStatus.UNCHANGED, dossier=known, problems=problems
        )
    named = pupil_of(reading)
    brin = (reading.value("school.brin") or "")[:4]
    pupil = pupil or _match(named, brin, partnership)
    date = reading.value("metadata.date")
    name_parts = [named.call_name, named.surname_prefix, named.surname]
    dossier = PartnershipDossier.objects.create(
        partnership=partnership,
        pupil=pupil,
        sent_from_school=sent_from_school,
        content_hash=digest,
        source_name=reading.name[:255],
        crossing=(reading.value("metadata.crossing") or "")[:5],
        sending_brin=brin,
        sending_name=(reading.value("school.name") or "")[:200],
        pupil_name=" ".join(p for p in name_parts if p)[:200],
        birth_date=named.birth_date,
        dossier_date=dt.date.fromisoformat(date) if date else None,
        delivery=delivery_of(reading),
        mapped=reading.mapped,
        content=data,
        imported_by_id=actor_id,
    )
    audit_record(
        AuditAction.PAO_RECEIVED,
        actor_id=actor_id,
        school_id=sent_from_school.pk if sent_from_school else None,
        subject_pupil_id=pupil.pk if pupil else None,
        target=dossier,
        details={"partnership": partnership.pk, "crossing": dossier.crossing, "from": brin},
    )
    return PaoOutcome(
        name=reading.name, status=ImportStatus.RECEIVED, dossier=dossier, problems=problems
    )


def _match(named: PupilData, brin: str, partnership: Partnership) -> Pupil | None:
    """A PaO file carries no BSN: the pupil is the one pupil of the sending school (a
    school of this partnership) with this birth date and surname, or nobody."""
    birth, surname = named.birth_date, normalise(named.surname)
    if not (surname and brin):
        return None
    found = [
        p
        for p in Pupil.objects.filter(
            birth_date=birth,
            enrolments__school__brin=brin,
            enrolments__school__partnership=partnership,
        ).distinct()
        if normalise(p.surname) == surname
    ]
    return found[0] if len(found) == 1 else None


def partnership_dossiers(partnership: Partnership) -> QuerySet[PartnershipDossier]:
    return (
        PartnershipDossier.objects.filter(partnership=partnership)
        .select_related("sent_from_school", "pupil")
        .defer("content", "mapped")
    )


def partnership_dossier(partnership: Partnership, dossier_id: int) -> PartnershipDossier | None:
    return PartnershipDossier.objects.filter(partnership=partnership, pk=dossier_id).first()


def partnership_dossier_opened(dossier: PartnershipDossier) -> None:
    """The partnership's first look, which the sending school sees."""
    if dossier.first_opened_at is None:
        PartnershipDossier.objects.filter(pk=dossier.pk, first_opened_at__isnull=True).update(
            first_opened_at=timezone.now()
        )


def partnership_dossier_attachments(dossier: PartnershipDossier) -> list[Attachment]:
    """The documents inside the kept file, read again from it."""
    validated = validate_file(bytes(dossier.content), name=dossier.source_name)
    return validated.reading.attachments if validated.reading is not None else []
