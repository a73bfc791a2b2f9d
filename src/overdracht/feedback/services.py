"""Public services of the feedback: `feedback_send` records the feedback about a former
pupil for one moment (inside the installation the sending school reads it at once), marks
the step *feedback sent*, and is audited; `feedback_file` is the OSO terugkoppeling for a
sending school outside the installation."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.school_year import current_school_year
from overdracht.feedback.models import PupilFeedback
from overdracht.oso.services import feedback_for_pupil
from overdracht.pupils.models import Transition
from overdracht.steps.services import steps_complete


def feedback_send(
    *, actor: Actor, transition: Transition, moment: str, data: dict[str, Any]
) -> PupilFeedback:
    try:
        with transaction.atomic():
            feedback = PupilFeedback.objects.create(
                transition=transition,
                moment=moment,
                school_year=current_school_year(),
                written_by_id=actor.user_id,
                **data,
            )
            steps_complete("feedback_sent", pk=transition.pk)
            audit_record(
                AuditAction.FEEDBACK_SENT,
                actor=actor,
                school_id=transition.to_school_id,
                subject_pupil_id=transition.pupil_id,
                target=feedback,
                details={"moment": moment, "to_school": transition.from_school_id},
            )
    except IntegrityError as exc:
        raise ValidationError(_("The feedback for this moment has been sent already.")) from exc
    return feedback


def feedback_file(*, transition: Transition) -> bytes:
    """The OSO terugkoppeling for a sending school outside the installation (class, year and
    programme per school year)."""
    assert transition.to_school is not None
    return feedback_for_pupil(
        pupil=transition.pupil, school=transition.to_school, old_school_pupil_id=""
    )
