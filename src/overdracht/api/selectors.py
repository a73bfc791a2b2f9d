"""What the API reads, per school: only ids, codes and dates — never a name, a BSN or a
dossier's content. A pupil is named by the product's id and the school's pupil number."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from overdracht.dossiers.models import DossierSection
from overdracht.oso.models import DossierState, ReceivedDossier
from overdracht.pupils.models import Enrolment, Transition
from overdracht.schools.models import School
from overdracht.steps.models import TransitionStep


def transitions_of(school: School) -> QuerySet[Transition]:
    return (
        Transition.objects.filter(Q(from_school=school) | Q(to_school=school))
        .select_related("from_school", "to_school")
        .order_by("-school_year", "id")
    )


def steps_by_transition(transition_ids: list[int]) -> dict[int, list[TransitionStep]]:
    found: dict[int, list[TransitionStep]] = {}
    for step in TransitionStep.objects.filter(transition_id__in=transition_ids).order_by("id"):
        found.setdefault(step.transition_id, []).append(step)
    return found


def pupil_numbers(school: School, pupil_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    return {
        e.pupil_id: e.pupil_number
        for e in Enrolment.objects.filter(school=school, pupil_id__in=pupil_ids).order_by(
            "school_year"
        )
        if e.pupil_number
    }


@dataclass(frozen=True)
class DossierProgress:
    sections: list[tuple[str, int, dt.datetime]]
    received_version: int | None
    received_at: dt.datetime | None
    first_opened_at: dt.datetime | None


def pupil_of_school(school: School, pupil_id: uuid.UUID) -> bool:
    """The pupil is enrolled at the school or comes to or from it: else the API says 404."""
    return (
        Enrolment.objects.filter(school=school, pupil_id=pupil_id).exists()
        or transitions_of(school).filter(pupil_id=pupil_id).exists()
    )


def dossier_state(school: School, pupil_id: uuid.UUID) -> DossierProgress:
    sections = [
        (s.kind, s.version, s.updated_at)
        for s in DossierSection.objects.filter(school=school, pupil_id=pupil_id)
        .only("kind", "version", "updated_at")
        .order_by("kind")
    ]
    received = (
        ReceivedDossier.objects.filter(school=school, pupil_id=pupil_id, state=DossierState.CURRENT)
        .only("version", "received_at", "first_opened_at")
        .first()
    )
    return DossierProgress(
        sections=sections,
        received_version=received.version if received else None,
        received_at=received.received_at if received else None,
        first_opened_at=received.first_opened_at if received else None,
    )
