"""The receiving school's intake analysis of an arriving pupil: its flags and notes.
Saving it sends `dossiers.events.intake_analysed`."""

from __future__ import annotations

from django.db import transaction

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.dossiers import events
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School


@transaction.atomic
def intake_analysis_save(
    *,
    actor: Actor,
    pupil: Pupil,
    school: School,
    needs_support: bool,
    discuss_in_person: bool,
    refer_to_care_team: bool,
    notes: str,
) -> IntakeAnalysis:
    analysis, _created = IntakeAnalysis.objects.update_or_create(
        pupil=pupil,
        school=school,
        defaults={
            "needs_support": needs_support,
            "discuss_in_person": discuss_in_person,
            "refer_to_care_team": refer_to_care_team,
            "notes": notes.strip(),
            "analysed_by_id": actor.user.pk,
        },
    )
    audit_record(
        AuditAction.INTAKE_ANALYSED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=analysis,
        details={
            "needs_support": needs_support,
            "discuss_in_person": discuss_in_person,
            "refer_to_care_team": refer_to_care_team,
        },
    )
    events.intake_analysed.send(sender=IntakeAnalysis, analysis=analysis)
    return analysis
