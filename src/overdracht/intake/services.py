"""Public services of the intake: `intake_record` — the analysis and the class of an
arriving pupil, saved together or not at all."""

from __future__ import annotations

from django.db import transaction

from overdracht.accounts.actor import Actor
from overdracht.dossiers.intake import intake_analysis_save
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.pupils.models import Pupil
from overdracht.pupils.services import class_assign
from overdracht.schools.models import ClassGroup, School


@transaction.atomic
def intake_record(
    *,
    actor: Actor,
    pupil: Pupil,
    school: School,
    needs_support: bool,
    discuss_in_person: bool,
    refer_to_care_team: bool,
    notes: str,
    class_group: ClassGroup | None,
) -> IntakeAnalysis:
    """One action of the intake officer: the analysis, and the class when one is chosen.
    A class the pupil cannot go to raises a `ValidationError` keyed on `class_group`, and
    the analysis is not saved either."""
    analysis = intake_analysis_save(
        actor=actor,
        pupil=pupil,
        school=school,
        needs_support=needs_support,
        discuss_in_person=discuss_in_person,
        refer_to_care_team=refer_to_care_team,
        notes=notes,
    )
    if class_group is not None:
        class_assign(actor=actor, pupil=pupil, school=school, class_group=class_group)
    return analysis
