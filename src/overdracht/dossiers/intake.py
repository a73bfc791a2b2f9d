"""Public API of the dossiers app for the intake analysis: the incoming cohort of a school
with a status per pupil, the analysis with its flags, and assigning the class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.school_year import current_school_year
from overdracht.dossiers import events
from overdracht.dossiers.models import IntakeAnalysis, PassportVersion, ReadReceipt
from overdracht.oso.models import DossierState, ReceivedDossier
from overdracht.pupils.models import Enrolment, Pupil, Transition, TransitionStatus
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.selectors import readers_of_class

STEPS = (
    ("received", gettext_lazy("dossier received")),
    ("analysed", gettext_lazy("analysed")),
    ("passport", gettext_lazy("passport written")),
    ("shared", gettext_lazy("shared with the class")),
    ("read", gettext_lazy("read by all")),
)


@dataclass
class CohortRow:
    pupil: Pupil
    enrolment: Enrolment | None
    analysis: IntakeAnalysis | None
    steps: dict[str, bool]

    @property
    def status(self) -> str:
        done = [label for key, label in STEPS if self.steps[key]]
        return str(done[-1]) if done else _("expected")


def incoming_cohort(school: School) -> list[CohortRow]:
    """Pupils arriving at the school this school year or the next, in a fixed number of
    queries whatever the cohort size."""
    years = [current_school_year(), current_school_year() + 1]
    transitions = list(
        Transition.objects.filter(to_school=school, school_year__in=years)
        .exclude(status=TransitionStatus.CANCELLED)
        .select_related("pupil")
        .order_by("pupil__sort_key", "pupil__id")
    )
    pupil_ids = [t.pupil_id for t in transitions]
    received = set(
        ReceivedDossier.objects.filter(
            school=school, pupil_id__in=pupil_ids, state=DossierState.CURRENT
        ).values_list("pupil_id", flat=True)
    )
    analyses = {
        a.pupil_id: a for a in IntakeAnalysis.objects.filter(school=school, pupil_id__in=pupil_ids)
    }
    enrolments = {
        e.pupil_id: e
        for e in Enrolment.objects.filter(
            school=school, school_year__in=years, pupil_id__in=pupil_ids
        )
        .select_related("class_group")
        .order_by("school_year")
    }
    passports: dict[Any, PassportVersion] = {}
    for version in PassportVersion.objects.filter(pupil_id__in=pupil_ids).order_by(
        "pupil_id", "-version"
    ):
        passports.setdefault(version.pupil_id, version)
    receipts = set(
        ReadReceipt.objects.filter(passport__in=[p.pk for p in passports.values()]).values_list(
            "passport_id", "user_id"
        )
    )
    readers: dict[int, set[int]] = {}
    rows = []
    for transition in transitions:
        pupil_id = transition.pupil_id
        enrolment = enrolments.get(pupil_id)
        class_group = enrolment.class_group if enrolment else None
        passport = passports.get(pupil_id)
        if class_group is not None and class_group.pk not in readers:
            readers[class_group.pk] = {u.pk for u in readers_of_class(class_group)}
        class_readers = readers.get(class_group.pk, set()) if class_group else set()
        shared = passport is not None and class_group is not None
        rows.append(
            CohortRow(
                pupil=transition.pupil,
                enrolment=enrolment,
                analysis=analyses.get(pupil_id),
                steps={
                    "received": pupil_id in received,
                    "analysed": pupil_id in analyses,
                    "passport": passport is not None,
                    "shared": shared,
                    "read": passport is not None
                    and shared
                    and bool(class_readers)
                    and all((passport.pk, u) in receipts for u in class_readers),
                },
            )
        )
    return rows


@transaction.atomic
def intake_analysis_save(
    *,
    request: HttpRequest,
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
            "analysed_by_id": authenticated_user(request).pk,
        },
    )
    audit_record(
        AuditAction.INTAKE_ANALYSED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=f"intake_analysis:{analysis.pk}",
        details={
            "needs_support": needs_support,
            "discuss_in_person": discuss_in_person,
            "refer_to_care_team": refer_to_care_team,
        },
    )
    events.intake_analysed.send(sender=IntakeAnalysis, analysis=analysis)
    return analysis


def class_assign(
    *, request: HttpRequest, pupil: Pupil, school: School, class_group: ClassGroup
) -> Enrolment:
    """Put the arriving pupil in a class of the school year the class belongs to."""
    if class_group.school_id != school.pk:
        raise ValidationError(_("That class belongs to another school."))
    with transaction.atomic():
        enrolment = Enrolment.objects.filter(
            pupil=pupil, school=school, school_year=class_group.school_year
        ).first()
        if enrolment is None:
            raise ValidationError(
                _("The pupil is not enrolled here in %(year)s.") % {"year": class_group.school_year}
            )
        enrolment.class_group = class_group
        enrolment.year_group = class_group.year_group
        enrolment.save(update_fields=["class_group", "year_group"])
    audit_record(
        AuditAction.CLASS_ASSIGNED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=f"class_group:{class_group.pk}",
    )
    return enrolment
