"""Computing a cohort's figures: every transition of the cohort, read in chunks with a fixed
number of queries per chunk, sorted into the measures' categories (`measures`), counted per
sending school, receiving school and support group, and written as `CohortFigure` rows in
one transaction that replaces the cohort's earlier figures. Run nightly (command
`evaluation_refresh`) and when the demo loads; the pages only read the result."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from overdracht.analytics.measures import KIND, Facts, categories
from overdracht.analytics.models import CohortFigure, CohortRefresh
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import DossierSection, IntakeAnalysis
from overdracht.dossiers.sections import SectionKind
from overdracht.feedback.models import PupilFeedback
from overdracht.feedback.selectors import original_advices
from overdracht.passports.models import ReadReceipt
from overdracht.pupils.models import Enrolment, Transition, TransitionStatus
from overdracht.schools.models import ClassGroup
from overdracht.steps.models import TransitionStep

CHUNK = 2000

Key = tuple[int | None, int | None, bool, str, str]


def cohort_refresh(school_year: int, *, today: dt.date | None = None) -> int:
    """Recompute the figures of the cohort that starts secondary school in `school_year`;
    returns the number of transitions counted."""
    today = today or timezone.localdate()
    ids = list(
        Transition.objects.filter(kind=KIND, school_year=school_year)
        .exclude(status=TransitionStatus.CANCELLED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    counts: Counter[Key] = Counter()
    for start in range(0, len(ids), CHUNK):
        for t, facts in _facts_of(ids[start : start + CHUNK], school_year):
            for measure, category in categories(facts, today):
                counts[
                    (t.from_school_id, t.to_school_id, facts.needs_support, measure, category)
                ] += 1
    with transaction.atomic():
        CohortFigure.objects.filter(school_year=school_year, kind=KIND).delete()
        CohortFigure.objects.bulk_create(
            (
                CohortFigure(
                    school_year=school_year,
                    kind=KIND,
                    from_school_id=from_id,
                    to_school_id=to_id,
                    needs_support=support,
                    measure=measure,
                    category=category,
                    count=n,
                )
                for (from_id, to_id, support, measure, category), n in counts.items()
            ),
            batch_size=5000,
        )
        CohortRefresh.objects.update_or_create(
            school_year=school_year,
            kind=KIND,
            defaults={"refreshed_at": timezone.now(), "transitions": len(ids)},
        )
    return len(ids)


def cohorts_to_refresh() -> list[int]:
    """The cohorts whose figures can still change: from the one in year 3 (or just past it)
    up to the one being prepared for next year."""
    this_year = current_school_year()
    years = (
        Transition.objects.filter(kind=KIND, school_year__gte=this_year - 3)
        .order_by()
        .values_list("school_year", flat=True)
        .distinct()
    )
    return sorted(y for y in years if y <= this_year + 1)


def _facts_of(ids: list[int], school_year: int) -> Iterator[tuple[Transition, Facts]]:
    transitions = list(
        Transition.objects.filter(pk__in=ids).only(
            "pk", "pupil_id", "from_school_id", "to_school_id", "school_year"
        )
    )
    pupils = [t.pupil_id for t in transitions]
    advices = original_advices(transitions)
    steps: dict[int, dict[str, tuple[dt.date | None, dt.date | None]]] = {}
    for row in TransitionStep.objects.filter(transition_id__in=ids).values_list(
        "transition_id", "key", "due_date", "done_at"
    ):
        steps.setdefault(row[0], {})[row[1]] = (row[2], row[3])
    year_1: dict[tuple[UUID, int], tuple[str, int | None]] = {
        (pupil_id, school_id): (level, class_id)
        for pupil_id, school_id, level, class_id in Enrolment.objects.filter(
            pupil_id__in=pupils, school_year=school_year
        ).values_list("pupil_id", "school_id", "level", "class_group_id")
    }
    year_3: dict[UUID, str] = dict(
        Enrolment.objects.filter(pupil_id__in=pupils, school_year=school_year + 2)
        .exclude(level="")
        .values_list("pupil_id", "level")
    )
    intake = {
        (pupil_id, school_id): (support, in_person)
        for pupil_id, school_id, support, in_person in IntakeAnalysis.objects.filter(
            pupil_id__in=pupils
        ).values_list("pupil_id", "school_id", "needs_support", "discuss_in_person")
    }
    support_written = set(
        DossierSection.objects.filter(
            pupil_id__in=pupils, kind=SectionKind.SUPPORT_NEEDS
        ).values_list("pupil_id", "school_id")
    )
    mentor_reads = _mentor_reads(pupils, {v[1] for v in year_1.values() if v[1]}, year_1)
    moments: dict[int, set[str]] = {}
    for transition_id, moment in PupilFeedback.objects.filter(transition_id__in=ids).values_list(
        "transition_id", "moment"
    ):
        moments.setdefault(transition_id, set()).add(moment)
    for t in transitions:
        support, in_person = intake.get((t.pupil_id, t.to_school_id or 0), (False, False))
        yield (
            t,
            Facts(
                school_year=school_year,
                advice=advices.get(t.pk, ""),
                level_year_1=year_1.get((t.pupil_id, t.to_school_id or 0), ("", None))[0],
                level_year_3=year_3.get(t.pupil_id, ""),
                needs_support=support or (t.pupil_id, t.from_school_id) in support_written,
                discuss_in_person=in_person,
                steps=steps.get(t.pk, {}),
                mentor_read_on=mentor_reads.get((t.pupil_id, t.to_school_id or 0)),
                feedback_moments=moments.get(t.pk, set()),
            ),
        )


def _mentor_reads(
    pupils: list[UUID],
    class_ids: set[int],
    year_1: dict[tuple[UUID, int], tuple[str, int | None]],
) -> dict[tuple[UUID, int], dt.date]:
    """{(pupil, school): the first day a mentor of the pupil's first-year class read their
    passport}."""
    mentors: dict[int, set[int]] = {}
    for class_id, user_id in ClassGroup.mentors.through.objects.filter(
        classgroup_id__in=class_ids
    ).values_list("classgroup_id", "user_id"):
        mentors.setdefault(class_id, set()).add(user_id)
    first: dict[tuple[UUID, int], dt.datetime] = {}
    reads = ReadReceipt.objects.filter(passport__pupil_id__in=pupils).values_list(
        "passport__pupil_id", "user_id", "read_at"
    )
    classes_of: dict[UUID, list[tuple[int, int]]] = {}
    for (pupil_id, school_id), (_level, class_group) in year_1.items():
        if class_group:
            classes_of.setdefault(pupil_id, []).append((school_id, class_group))
    for pupil_id, user_id, read_at in reads:
        for school_id, class_id in classes_of.get(pupil_id, []):
            if user_id in mentors.get(class_id, set()):
                key = (pupil_id, school_id)
                if key not in first or read_at < first[key]:
                    first[key] = read_at
    return {key: timezone.localtime(at).date() for key, at in first.items()}
