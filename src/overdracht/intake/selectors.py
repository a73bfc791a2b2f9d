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
from overdracht.dossiers.selectors import intake_analyses_of, with_support_needs
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
# What a pupil of the cohort waits for: the first stage not done yet, in words (the filter
# on the cohort and the tiles of the start page).
STATUSES = (
    ("expected", gettext_lazy("dossier expected")),
    ("to_analyse", gettext_lazy("to analyse")),
    ("to_write", gettext_lazy("passport to write")),
    ("to_share", gettext_lazy("no class yet")),
    ("to_read", gettext_lazy("not read by all")),
    ("done", gettext_lazy("read by all")),
)
# The flags a pupil can carry: the support the analysis (before it, the dossier) asks for, the
# warm handover and the care team the analysis asks for.
FLAGS = (
    ("needs_support", gettext_lazy("needs support")),
    ("discuss_in_person", gettext_lazy("discuss in person")),
    ("care_team", gettext_lazy("care team")),
)
SORTS = (
    ("name", gettext_lazy("name")),
    ("class", gettext_lazy("class")),
    ("status", gettext_lazy("status")),
)


@dataclass
class CohortRow:
    pupil: Pupil
    enrolment: Enrolment | None
    analysis: IntakeAnalysis | None
    stages: dict[str, bool]
    same_name: bool = False  # another pupil of the cohort has this name: show the birth date
    support_in_dossier: bool = False  # the dossier has a part on support needs

    @property
    def status(self) -> str:
        done = [label for key, label in STAGES if self.stages[key]]
        return str(done[-1]) if done else _("expected")

    @property
    def status_key(self) -> str:
        """What the pupil waits for (`STATUSES`): the first stage not done."""
        for (key, _label), (stage, _stage_label) in zip(STATUSES, STAGES, strict=False):
            if not self.stages[stage]:
                return key
        return "done"

    @property
    def flags(self) -> set[str]:
        analysis = self.analysis
        flags = set()
        # the dossier says so until the school's own analysis decides
        if analysis.needs_support if analysis is not None else self.support_in_dossier:
            flags.add("needs_support")
        if analysis is not None and analysis.discuss_in_person:
            flags.add("discuss_in_person")
        if analysis is not None and analysis.refer_to_care_team:
            flags.add("care_team")
        return flags


@dataclass(frozen=True)
class CohortQuery:
    """What the cohort page is asked for: every field may be empty (no filter)."""

    class_group: str = ""  # a class's id, or "none" for the pupils without a class
    status: str = ""
    flag: str = ""
    search: str = ""
    sort: str = "name"


def cohort_filter(rows: list[CohortRow], query: CohortQuery) -> list[CohortRow]:
    """The rows that match the query, in its order (the cohort's order by name otherwise)."""
    needle = query.search.strip().casefold()
    result = [
        row
        for row in rows
        if (not query.status or row.status_key == query.status)
        and (not query.flag or query.flag in row.flags)
        and (not needle or needle in row.pupil.name.casefold())
        and (not query.class_group or _class_key(row) == query.class_group)
    ]
    if query.sort == "class":
        result.sort(key=lambda row: (_class_name(row) == "", _class_name(row)))
    elif query.sort == "status":
        order = [key for key, _label in STATUSES]
        result.sort(key=lambda row: order.index(row.status_key))
    return result


def cohort_totals(rows: list[CohortRow]) -> dict[str, int]:
    """{status or flag key: how many pupils of these rows}, every key present."""
    totals = Counter(row.status_key for row in rows)
    for row in rows:
        totals.update(row.flags)
    return {key: totals[key] for key, _label in (*STATUSES, *FLAGS)}


def _class_key(row: CohortRow) -> str:
    group = row.enrolment.class_group_id if row.enrolment else None
    return str(group) if group else "none"


def _class_name(row: CohortRow) -> str:
    group = row.enrolment.class_group if row.enrolment else None
    return group.name if group else ""


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
    support = with_support_needs(pupil_ids, school.pk)
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
                support_in_dossier=pupil_id in support,
            )
        )
    names = Counter(row.pupil.name for row in rows)
    for row in rows:
        row.same_name = names[row.pupil.name] > 1
    return rows
