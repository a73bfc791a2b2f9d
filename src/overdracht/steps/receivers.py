"""The steps app listens to the domain events of the rest of the product (each app's
`events` module), so that no other app calls it and no rule hangs on another app's model
signals. A step is done by itself when what it stands for happens: a registration is
recorded (and with it the dossier asked for), a dossier is sent or received, the intake
analysis is saved, a passport is shared, the guardians' review is complete, the warm
handover is held, the primary school records its provisional advice, the test's result
and its final advice. A step can always be marked done by hand as well."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from overdracht.consent.events import review_completed
from overdracht.consent.models import GuardianReview
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.events import advice_recorded, dossier_sent, intake_analysed
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.meetings.events import warm_handover_held
from overdracht.meetings.models import HandoverMeeting
from overdracht.oso.events import dossier_received
from overdracht.oso.models import ReceivedDossier
from overdracht.passports.events import passport_shared
from overdracht.passports.models import PassportVersion
from overdracht.pupils.events import pupil_registered
from overdracht.pupils.models import Pupil, Transition
from overdracht.steps.services import steps_complete, steps_complete_of


@receiver(dossier_received, dispatch_uid="steps.dossier_received")
def step_received(sender: Any, *, dossier: ReceivedDossier, **_: Any) -> None:
    if dossier.transition is not None:
        steps_complete_of(dossier.transition, "received")


@receiver(intake_analysed, dispatch_uid="steps.intake_analysed")
def step_analysed(sender: Any, *, analysis: IntakeAnalysis, **_: Any) -> None:
    steps_complete("analysed", pupil_id=analysis.pupil_id, to_school_id=analysis.school_id)


@receiver(passport_shared, dispatch_uid="steps.passport_shared")
def step_passport_shared(sender: Any, *, passport: PassportVersion, **_: Any) -> None:
    """The passport is for the pupil's teachers from now on: the arrival this school year,
    or a move to a new class or school next year."""
    steps_complete(
        "passport_shared",
        pupil_id=passport.pupil_id,
        to_school__isnull=False,
        school_year__gte=current_school_year(),
    )


@receiver(review_completed, dispatch_uid="steps.review_completed")
def step_review_done(sender: Any, *, review: GuardianReview, **_: Any) -> None:
    steps_complete("review_done", guardian_review__pk=review.pk)


@receiver(warm_handover_held, dispatch_uid="steps.warm_handover_held")
def step_warm_handover_held(sender: Any, *, meeting: HandoverMeeting, **_: Any) -> None:
    steps_complete_of(meeting.transition, "warm_handover_held")


@receiver(pupil_registered, dispatch_uid="steps.pupil_registered")
def step_registered(sender: Any, *, transition: Transition, **_: Any) -> None:
    """The registration is recorded and the dossier asked for in the same action."""
    steps_complete_of(transition, "registered")
    steps_complete_of(transition, "dossier_requested")


@receiver(dossier_sent, dispatch_uid="steps.dossier_sent")
def step_dossier_sent(sender: Any, *, transition: Transition, **_: Any) -> None:
    steps_complete_of(transition, "dossier_sent")


# The advice part's fields that stand for each of the three advice steps.
ADVICE_STEPS = (
    ("provisional_advice", ("provisional_advice",)),
    ("test_result", ("test_advice", "test_score")),
    ("advice_given", ("final_advice",)),
)


@receiver(advice_recorded, dispatch_uid="steps.advice_recorded")
def step_advice(
    sender: Any, *, pupil: Pupil, school_id: int, content: dict[str, Any], **_: Any
) -> None:
    for key, fields in ADVICE_STEPS:
        if any(content.get(name) for name in fields):
            steps_complete(key, pupil_id=pupil.pk, from_school_id=school_id)
