"""Public API of the oso app (writes): `dossier_import` — one OSO file into the product —
and `feedback_for_pupil`, the feedback message (terugkoppeling) to the previous school.

One dossier is one transaction. The pupil is matched on BSN or onderwijsnummer together
with birth date and surname; a match with another birth date or surname is held for a
person to review, never merged. The same dossier imported again changes nothing; a newer
one becomes the current version and the older one stays as history.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import CharField, Model, Q
from django.utils import timezone

from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.names import normalise
from overdracht.core.school_year import current_school_year
from overdracht.oso import events
from overdracht.oso.constants import PAO_KIND
from overdracht.oso.data import AddressData, PupilData
from overdracht.oso.feedback import FeedbackReport, FeedbackYear, feedback_build
from overdracht.oso.models import (
    DossierState,
    ImportBatchFile,
    ImportStatus,
    ReceivedAttachment,
    ReceivedDossier,
)
from overdracht.oso.problems import Problem
from overdracht.oso.pupil_reading import pupil_of, transition_kind_of
from overdracht.oso.reader import Reading
from overdracht.oso.rules import delivery_of
from overdracht.oso.validation import validate_file
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import (
    Enrolment,
    Guardian,
    Pupil,
    Transition,
    TransitionKind,
    TransitionStatus,
)
from overdracht.schools.models import School


@dataclass
class ImportOutcome:
    name: str
    status: ImportStatus
    pupil_id: str | None = None
    dossier_id: int | None = None
    problems: list[Problem] = field(default_factory=list)
    unmapped: dict[str, int] = field(default_factory=dict)

    @property
    def rejected(self) -> bool:
        return self.status == ImportStatus.REJECTED

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.name,
            "status": self.status.value,
            "pupil_id": self.pupil_id,
            "dossier_id": self.dossier_id,
            "problems": [p.as_dict() for p in self.problems],
            "unmapped": self.unmapped,
        }


def dossier_import(
    *, data: bytes, name: str, school: School, actor_id: int | None = None
) -> ImportOutcome:
    validated = validate_file(data, name=name)
    if not validated.ok or validated.reading is None:
        audit_record(
            AuditAction.OSO_REJECTED,
            actor_id=actor_id,
            school_id=school.pk,
            details={"errors": len(validated.errors)},
        )
        return ImportOutcome(name=name, status=ImportStatus.REJECTED, problems=validated.problems)
    reading = validated.reading
    if reading.value("metadata.transfer_kind") == PAO_KIND:
        audit_record(
            AuditAction.OSO_REJECTED,
            actor_id=actor_id,
            school_id=school.pk,
            details={"errors": 1, "kind": PAO_KIND},
        )
        refused = Problem(
            "Dit is een dossier voor het samenwerkingsverband (POSWV of VOSWV), geen "
            "overstapdossier: het samenwerkingsverband leest het in.",
            file=name,
            path="overdrachtsoort",
        )
        return ImportOutcome(name=name, status=ImportStatus.REJECTED, problems=[refused])
    outcome = _store(reading, school=school, actor_id=actor_id)
    outcome.problems = [*validated.problems, *outcome.problems]
    outcome.unmapped = reading.unmapped
    return outcome


@transaction.atomic
def _store(reading: Reading, *, school: School, actor_id: int | None) -> ImportOutcome:
    pupil_data = pupil_of(reading)
    bsn, onr = pupil_data.bsn, pupil_data.onderwijsnummer
    notes: list[Problem] = []
    known = (
        Pupil.objects.select_for_update().filter(bsn=bsn).first()
        if bsn
        else Pupil.objects.select_for_update().filter(onderwijsnummer=onr).first()
    )
    digest = reading.content_hash

    if known is not None and not _same_person(known, pupil_data):
        held = ReceivedDossier.objects.filter(
            conflict_pupil=known, school=school, content_hash=digest, state=DossierState.HELD
        )
        if held.exists():
            return ImportOutcome(
                name=reading.name,
                status=ImportStatus.UNCHANGED,
                dossier_id=held.values_list("pk", flat=True).first(),
            )
        dossier = _save_dossier(
            reading,
            school=school,
            pupil=None,
            conflict_pupil=known,
            state=DossierState.HELD,
            version=1,
            actor_id=actor_id,
        )
        _audit(AuditAction.OSO_HELD, dossier, actor_id)
        return ImportOutcome(name=reading.name, status=ImportStatus.HELD, dossier_id=dossier.pk)

    if known is not None:
        current = ReceivedDossier.objects.filter(
            pupil=known, school=school, state=DossierState.CURRENT
        ).first()
        if current is not None and current.content_hash == digest:
            return ImportOutcome(
                name=reading.name,
                status=ImportStatus.UNCHANGED,
                pupil_id=str(known.pk),
                dossier_id=current.pk,
            )
        version = 1
        if current is not None:
            current.state = DossierState.SUPERSEDED
            current.save(update_fields=["state"])
            version = current.version + 1
        pupil, status = (
            known,
            ImportStatus.UPDATED if current is not None else ImportStatus.IMPORTED,
        )
    else:
        pupil = _create_pupil(pupil_data, notes, reading.name)
        version, status = 1, ImportStatus.IMPORTED

    new_pupil = known is None
    _add_guardians(pupil, pupil_data, new_pupil=new_pupil, notes=notes, file=reading.name)
    transition = _ensure_transition_and_enrolment(pupil, reading, school, new_pupil=new_pupil)
    dossier = _save_dossier(
        reading,
        school=school,
        pupil=pupil,
        conflict_pupil=None,
        state=DossierState.CURRENT,
        version=version,
        actor_id=actor_id,
        transition=transition,
    )
    _audit(AuditAction.OSO_IMPORTED, dossier, actor_id)
    events.dossier_received.send(sender=ReceivedDossier, dossier=dossier)
    return ImportOutcome(
        name=reading.name,
        status=status,
        pupil_id=str(pupil.pk),
        dossier_id=dossier.pk,
        problems=notes,
    )


def _same_person(pupil: Pupil, data: PupilData) -> bool:
    return pupil.birth_date == data.birth_date and normalise(pupil.surname) == normalise(
        data.surname
    )


def _fit(model: type[Model], name: str, value: str, notes: list[Problem], file: str) -> str:
    """The value as our record can hold it: a value longer than the field is cut to fit,
    and the import's report says so (never silently)."""
    column = model._meta.get_field(name)
    assert isinstance(column, CharField)
    limit = column.max_length
    if limit is None or len(value) <= limit:
        return value
    label = column.verbose_name
    notes.append(
        Problem(
            f"{str(label).capitalize()} is langer dan {limit} tekens en is ingekort: "
            f"“{value[:limit]}…”.",
            file=file,
            severity="warning",
        )
    )
    return value[:limit]


def _create_pupil(data: PupilData, notes: list[Problem], file: str) -> Pupil:
    address = data.address or AddressData("", "", "", "")
    house = " ".join(filter(None, [address.house_number, address.addition]))
    return pupil_services.pupil_create(
        given_names=_fit(
            Pupil, "given_names", " ".join(data.given_names) or data.call_name, notes, file
        ),
        call_name=_fit(Pupil, "call_name", data.call_name, notes, file),
        surname_prefix=_fit(Pupil, "surname_prefix", data.surname_prefix, notes, file),
        surname=_fit(Pupil, "surname", data.surname, notes, file),
        birth_date=data.birth_date,
        gender=data.gender,
        bsn=data.bsn,
        onderwijsnummer=data.onderwijsnummer,
        street=_fit(Pupil, "street", address.street, notes, file),
        house_number=_fit(Pupil, "house_number", house, notes, file),
        postal_code=_fit(Pupil, "postal_code", address.postal_code, notes, file),
        city=_fit(Pupil, "city", address.city, notes, file),
        address_is_secret=data.address_is_secret,
    )


def _add_guardians(
    pupil: Pupil, data: PupilData, *, new_pupil: bool, notes: list[Problem], file: str
) -> None:
    """Add the guardians the dossier names that the pupil does not have yet (matched on
    surname and e-mail address); never removes or overwrites what the school recorded."""
    existing: set[tuple[str, str]] = set()
    if not new_pupil:
        existing = {
            (normalise(r.guardian.surname), r.guardian.email.lower())
            for r in pupil.guardian_relations.select_related("guardian")
        }
    new: list[tuple[Guardian, str, bool]] = []
    for found in data.guardians:
        key = (normalise(found.surname), found.email.lower())
        if key in existing:
            continue
        existing.add(key)
        address = found.address or AddressData("", "", "", "")
        street = " ".join(filter(None, [address.street, address.house_number, address.addition]))
        guardian = Guardian(
            call_name=_fit(Guardian, "call_name", found.call_name, notes, file),
            initials=_fit(Guardian, "initials", found.initials, notes, file),
            surname_prefix=_fit(Guardian, "surname_prefix", found.surname_prefix, notes, file),
            surname=_fit(Guardian, "surname", found.surname, notes, file),
            email=found.email,
            phone=_fit(Guardian, "phone", found.phone, notes, file),
            street=_fit(Guardian, "street", street, notes, file),
            postal_code=_fit(Guardian, "postal_code", address.postal_code, notes, file),
            city=_fit(Guardian, "city", address.city, notes, file),
            address_is_secret=found.address_is_secret,
        )
        new.append((guardian, found.relationship, found.has_authority))
    if new:
        pupil_services.guardians_add(pupil=pupil, guardians=new)


def arrival_school_year(today: dt.date | None = None) -> int:
    """Dossiers arrive in spring for the next school year; from August on, for this one."""
    day = today or timezone.localdate()
    year = current_school_year()
    return year if day.month >= 8 else year + 1


def _ensure_transition_and_enrolment(
    pupil: Pupil, reading: Reading, school: School, *, new_pupil: bool
) -> Transition:
    year = arrival_school_year()
    kind = transition_kind_of(reading)
    sending_brin = reading.value("school.brin") or ""
    sending = School.objects.filter(brin=sending_brin).first()
    transition = None
    if not new_pupil:
        # The transition this school already expects (a registration, or a dossier sent
        # inside the installation), else the one of this kind for the year of arrival.
        transition = (
            Transition.objects.filter(
                pupil=pupil, to_school=school, school_year__gte=current_school_year()
            )
            .exclude(status=TransitionStatus.CANCELLED)
            .order_by("school_year")
            .first()
        ) or Transition.objects.filter(pupil=pupil, kind=kind, school_year=year).first()
    if transition is not None:
        year = transition.school_year
    if transition is not None and transition.to_school_id is None:
        # Registered nowhere yet in our records: the file's arrival says where the pupil goes.
        transition.to_school = school
        transition.save(update_fields=["to_school"])
    if transition is None:
        transition = pupil_services.transition_create(
            pupil=pupil,
            kind=kind,
            from_school=sending,
            to_school=school,
            school_year=year,
            status="in_progress",
            from_school_brin=sending_brin,
            from_school_name=(reading.value("school.name") or "")[:200],
        )
    if (
        new_pupil
        or not Enrolment.objects.filter(pupil=pupil, school=school, school_year=year).exists()
    ):
        pupil_services.enrolment_create(
            pupil=pupil,
            school=school,
            school_year=year,
            year_group=_year_group_after(reading, kind),
            start_date=dt.date(year, 8, 1),
        )
    return transition


def _year_group_after(reading: Reading, kind: str) -> int:
    if kind == TransitionKind.PO_VO:
        return 1
    groups = [
        int(e["year_group"])
        for e in reading.mapped.get("school_career", [])
        if str(e.get("year_group", "")).isdigit()
    ]
    last = max(groups) if groups else 1
    return last - 10 if last > 10 else last  # VO years are coded 11..16


def _save_dossier(
    reading: Reading,
    *,
    school: School,
    pupil: Pupil | None,
    conflict_pupil: Pupil | None,
    state: str,
    version: int,
    actor_id: int | None,
    transition: Transition | None = None,
) -> ReceivedDossier:
    date = reading.value("metadata.date")
    dossier = ReceivedDossier.objects.create(
        school=school,
        pupil=pupil,
        conflict_pupil=conflict_pupil,
        transition=transition,
        state=state,
        version=version,
        content_hash=reading.content_hash,
        source_name=reading.name[:255],
        transfer_kind=reading.value("metadata.transfer_kind") or "",
        crossing=reading.value("metadata.crossing") or "",
        sending_brin=(reading.value("school.brin") or "")[:4],
        sending_location=(reading.value("school.location") or "")[:2],
        sending_name=(reading.value("school.name") or "")[:200],
        dossier_date=dt.date.fromisoformat(date) if date else None,
        delivery=delivery_of(reading),
        mapped=reading.mapped,
        tree=reading.tree,
        unmapped=reading.unmapped,
        warnings=[w.as_dict() for w in reading.warnings],
        imported_by_id=actor_id,
    )
    ReceivedAttachment.objects.bulk_create(
        ReceivedAttachment(
            dossier=dossier,
            index=i,
            filename=a.filename[:255] or f"bijlage-{i}",
            description=a.description[:500],
            content_type=a.content_type,
            size=len(a.content),
            sha256=a.sha256,
            found_in=a.found_in[:300],
            content=a.content,
        )
        for i, a in enumerate(reading.attachments)
    )
    return dossier


def _audit(action: AuditAction, dossier: ReceivedDossier, actor_id: int | None) -> None:
    audit_record(
        action,
        actor_id=actor_id,
        school_id=dossier.school_id,
        subject_pupil_id=dossier.pupil_id or dossier.conflict_pupil_id,
        target=dossier,
        details={"version": dossier.version, "state": dossier.state},
    )


LEVEL_PROGRAMME = {
    "pro": "praktijkonderwijs",
    "vmbo-bb": "vmbo basisberoepsgerichte leerweg",
    "vmbo-kb": "vmbo kaderberoepsgerichte leerweg",
    "vmbo-gt": "vmbo gemengde/theoretische leerweg",
    "havo": "havo",
    "vwo": "vwo",
    "mbo": "mbo",
}


def feedback_for_pupil(*, pupil: Pupil, school: School, old_school_pupil_id: str) -> bytes:
    """The feedback message this school sends the pupil's previous school: every school
    year the pupil spent here, and the departure when the pupil has left."""
    enrolments = list(
        pupil.enrolments.filter(school=school).select_related("class_group").order_by("school_year")
    )
    years = [
        FeedbackYear(
            school_year=f"{e.school_year}-{e.school_year + 1}",
            start_date=e.start_date,
            end_date=e.end_date or dt.date(e.school_year + 1, 7, 31),
            year_group=str(e.year_group + (0 if school.is_primary else 10)),
            programme_code=e.level or "onbekend",
            programme=LEVEL_PROGRAMME.get(e.level, "onbekend"),
            class_name=e.class_group.name if e.class_group else "",
        )
        for e in enrolments
    ]
    last = enrolments[-1] if enrolments else None
    left = last is not None and last.end_date is not None and last.end_date < timezone.localdate()
    location = school.locations.order_by("number").values_list("number", flat=True).first()
    report = FeedbackReport(
        school_name=school.name,
        school_brin=school.brin,
        school_location=location or "00",
        pupil_id_at_old_school=old_school_pupil_id or str(pupil.pk),
        given_names=pupil.given_names.split() or [pupil.call_name],
        surname_prefix=pupil.surname_prefix,
        surname=pupil.surname,
        gender=pupil.gender,
        birth_date=pupil.birth_date,
        years=years,
        departure_date=last.end_date if left and last else None,
    )
    return feedback_build(report)


def received_dossiers_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete every OSO dossier received for the pupil (or held against them),
    with its attachments and the upload rows that name the pupil."""
    dossiers = ReceivedDossier.objects.filter(Q(pupil_id=pupil_id) | Q(conflict_pupil_id=pupil_id))
    counts = {
        "received_dossiers": dossiers.count(),
        "attachments": ReceivedAttachment.objects.filter(dossier__in=dossiers).count(),
        "uploaded_files": ImportBatchFile.objects.filter(pupil_id=pupil_id).count(),
    }
    dossiers.delete()
    ImportBatchFile.objects.filter(pupil_id=pupil_id).delete()
    return counts


def dossier_opened(dossier: ReceivedDossier) -> None:
    """The receiving school opened the dossier: the first time is what the sending school
    sees ("opened on ...")."""
    if dossier.first_opened_at is None:
        ReceivedDossier.objects.filter(pk=dossier.pk, first_opened_at__isnull=True).update(
            first_opened_at=timezone.now()
        )
