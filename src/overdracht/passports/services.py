"""Public services of the passports app: `passport_save` (a new version; sends
`passports.events.passport_shared`), `passport_confirm` (a read receipt), `passports_erase`."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.passports import events
from overdracht.passports.models import Arrangement, PassportVersion, ReadReceipt
from overdracht.pupils.models import Pupil

MIN_TIPS, MAX_TIPS = 3, 6


def passport_save(
    *,
    actor: Actor,
    pupil: Pupil,
    tips: list[str],
    strengths: str,
    what_works: str,
    what_does_not_work: str,
    arrangements: list[str],
    contact: str,
    valid_until: dt.date | None,
    school_id: int | None = None,
) -> PassportVersion:
    """A new version of the pupil's passport. A `ValidationError` names the field it is
    about (`tips`, `arrangements`), or none when someone saved at the same moment."""
    tips = [t.strip() for t in tips if t.strip()]
    if not MIN_TIPS <= len(tips) <= MAX_TIPS:
        raise ValidationError({"tips": _("Write 3 to 6 concrete tips for the lesson.")})
    unknown = set(arrangements) - set(Arrangement.values)
    if unknown:
        raise ValidationError({"arrangements": _("Unknown arrangement.")})
    author = actor.user.pk
    last = PassportVersion.objects.filter(pupil=pupil).aggregate(v=Max("version"))["v"] or 0
    try:
        with transaction.atomic():
            passport = PassportVersion.objects.create(
                pupil=pupil,
                version=last + 1,
                tips=tips,
                strengths=strengths.strip(),
                what_works=what_works.strip(),
                what_does_not_work=what_does_not_work.strip(),
                arrangements=arrangements,
                contact=contact.strip(),
                valid_until=valid_until,
                written_by_id=author,
            )
            events.passport_shared.send(sender=PassportVersion, passport=passport)
    except IntegrityError as exc:
        raise ValidationError(
            _(
                "Someone else saved a new version at the same moment; "
                "reload the passport and try again."
            )
        ) from exc
    audit_record(
        AuditAction.PASSPORT_SAVED,
        actor=actor,
        school_id=school_id,
        subject_pupil_id=pupil.pk,
        target=passport,
        details={"version": passport.version},
    )
    return passport


def passport_confirm(
    *, actor: Actor, passport: PassportVersion, school_id: int | None = None
) -> ReadReceipt:
    user = actor.user
    receipt, _created = ReadReceipt.objects.get_or_create(passport=passport, user_id=user.pk)
    audit_record(
        AuditAction.PASSPORT_CONFIRMED,
        actor=actor,
        school_id=school_id,
        subject_pupil_id=passport.pupil_id,
        target=passport,
        details={"version": passport.version},
    )
    return receipt


def passports_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete the pupil's passport versions with their read receipts and
    reminders. Returns the number of versions; the caller records the deletion."""
    versions = PassportVersion.objects.filter(pupil_id=pupil_id)
    counts = {"passport_versions": versions.count()}
    versions.delete()
    return counts
