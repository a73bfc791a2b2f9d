"""The handovers app listens to the rest of the product, so that no other app calls it:
- a new transition gets its steps at once, in the same transaction that makes it;
- a step is done by itself when what it stands for happens: a dossier is received, the
  intake analysis is saved, a passport is written, every guardian (and the pupil from 16)
  has reviewed the dossier. A step can always be marked done by hand as well."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from overdracht.consent.models import ReviewParticipant
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import IntakeAnalysis, PassportVersion
from overdracht.handovers.calendar import steps_complete, steps_complete_of, steps_ensure
from overdracht.oso.models import DossierState, ReceivedDossier
from overdracht.pupils.models import Transition


@receiver(post_save, sender=Transition, dispatch_uid="handovers.steps_of_new_transition")
def steps_of_new_transition(
    sender: type[Transition], instance: Transition, created: bool, raw: bool = False, **_: Any
) -> None:
    if created and not raw:
        steps_ensure([instance], new=True)


@receiver(post_save, sender=ReceivedDossier, dispatch_uid="handovers.dossier_received")
def dossier_received(
    sender: type[ReceivedDossier], instance: ReceivedDossier, raw: bool = False, **_: Any
) -> None:
    if not raw and instance.state == DossierState.CURRENT and instance.transition is not None:
        steps_complete_of(instance.transition, "received")


@receiver(post_save, sender=IntakeAnalysis, dispatch_uid="handovers.intake_analysed")
def intake_analysed(
    sender: type[IntakeAnalysis], instance: IntakeAnalysis, raw: bool = False, **_: Any
) -> None:
    if not raw:
        steps_complete("analysed", pupil_id=instance.pupil_id, to_school_id=instance.school_id)


@receiver(post_save, sender=PassportVersion, dispatch_uid="handovers.passport_written")
def passport_written(
    sender: type[PassportVersion],
    instance: PassportVersion,
    created: bool,
    raw: bool = False,
    **_: Any,
) -> None:
    """The passport is for the pupil's teachers from now on: the arrival this school year,
    or a move to a new class or school next year."""
    if created and not raw:
        steps_complete(
            "passport_shared",
            pupil_id=instance.pupil_id,
            to_school__isnull=False,
            school_year__gte=current_school_year(),
        )


@receiver(post_save, sender=ReviewParticipant, dispatch_uid="handovers.review_seen")
def review_seen(
    sender: type[ReviewParticipant], instance: ReviewParticipant, raw: bool = False, **_: Any
) -> None:
    if raw or instance.seen_at is None:
        return
    waiting = ReviewParticipant.objects.filter(review_id=instance.review_id, seen_at__isnull=True)
    if not waiting.exists():
        steps_complete("review_done", guardian_review__pk=instance.review_id)
