"""Public selectors of the intake: the incoming cohort of a school with a stage per pupil.
The stages up to the passport are the transition's steps (`steps`); *shared with the
class* and *read by all* come from the pupil's class and the passport's read receipts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.dossiers.selectors import intake_analyses_of
from overdracht.passports.selectors import current_versions, receipts_of
from overdracht.pupils.models import Enrolment, Pupil, Transition, TransitionStatus
from overdracht.schools.models import School
from overdracht.schools.selectors import readers_of_class
from overdracht.steps.selectors import steps_done

# (stage, label): the first three are transition steps, done when the product saw them.
STAGES = (
    ("received", gettext_lazy("dossier received")),
    ("analysed", gettext_lazy("analysed")),
    ("passport_shared", gettext_lazy("passport written")),
    ("shared", gettext_lazy("shared with the class")),
    ("read", gettext_lazy("read by all")),
)
STEP_STAGES = ("received", "analysed", "passport_shared")


@dataclass
class CohortRow:
    pupil: Pupil
    enrolment: Enrolment | None
    analysis: IntakeAnalysis | None
    stages: dict[str, bool]
    same_name: bool = False  # another pupil of the cohort has this name: show the birth date

    @property
    def status(self) -> str:
        done = [label for key, label in STAGES if self.stages[key]]
        return str(done[-1]) if done else _("expected")


def incoming_cohort(school: School) -> list[CohortRow]:
    """Pupils arriving at the school this school year or the next, in a fixed number of
    queries whatever the cohort size (one more per class for its readers)."""
    years = [current_school_year(), current_school_year() + 1]
    transitions = list(
        Transition.objects.filter(to_school=school, school_year__in=years)
        .exclude(status=TransitionStatus.CANCELLED)
        .select_related("pupil")
        .order_by("pupil__sort_key", "pupil__id")
    )
    pupil_ids = [t.pupil_id for t in transitions]
    done = steps_done([t.pk for t in transitions], STEP_STAGES)
    analyses = intake_analyses_of(school, pupil_ids)
    enrolments = {
        e.pupil_id: e
        for e in Enrolment.objects.filter(
            school=school, school_year__in=years, pupil_id__in=pupil_ids
        )
        .select_related("class_group")
        .order_by("school_year")
    }
    passports = current_versions(pupil_ids)
    receipts = receipts_of([p.pk for p in passports.values()])
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
        written = (transition.pk, "passport_shared") in done
        shared = written and passport is not None and class_group is not None
        stages = {key: (transition.pk, key) in done for key in STEP_STAGES}
        stages["shared"] = shared
        stages["read"] = (
            shared
            and passport is not None
            and bool(class_readers)
            and all((passport.pk, u) in receipts for u in class_readers)
        )
        rows.append(
            CohortRow(
                pupil=transition.pupil,
                enrolment=enrolment,
                analysis=analyses.get(pupil_id),
                stages=stages,
            )
        )
    names = Counter(row.pupil.name for row in rows)
    for row in rows:
        row.same_name = names[row.pupil.name] > 1
    return rows
