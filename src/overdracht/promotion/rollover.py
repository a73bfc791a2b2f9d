"""The year rollover: `rollover_request` (one per school and year at a time; queued for the
task worker), the task `rollover_run` (one transaction per class: next year's classes with
their mentors, enrolments, a within-school transition for every pupil whose mentor changes,
the leavers' enrolments ended with their outgoing transition; running it again changes
nothing) and `rollover_undo` (everything it made taken back, while the new year has not
started and no work hangs on it yet)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import task

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.school_year import school_year_bounds
from overdracht.meetings.models import HandoverMeeting
from overdracht.promotion.models import (
    ClassPlan,
    Outcome,
    PromotionDecision,
    RecordKind,
    Rollover,
    RolloverRecord,
    RolloverState,
)
from overdracht.promotion.norms import next_year_group
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Enrolment, Transition, TransitionKind
from overdracht.schools import services as school_services
from overdracht.schools.models import ClassGroup, School
from overdracht.steps.models import TransitionStep

logger = logging.getLogger(__name__)


class RolloverRefusedError(Exception):
    """Said in Dutch to the team lead: why the rollover cannot start or be undone."""


def _classes_of(school: School, year: int) -> list[ClassGroup]:
    return list(
        ClassGroup.objects.filter(school=school, school_year=year, enrolments__isnull=False)
        .distinct()
        .order_by("year_group", "name")
    )


def rollover_request(*, actor: Actor, school: School, from_year: int) -> Rollover:
    """Queue the move of the school's pupils from `from_year` into the next year. Refused
    while another runs, and once the new year has started."""
    start_of_next, _end = school_year_bounds(from_year + 1)
    if timezone.localdate() >= start_of_next:
        raise RolloverRefusedError(_("The new school year has started already."))
    with transaction.atomic():
        School.objects.select_for_update().filter(pk=school.pk).first()
        if Rollover.objects.filter(
            school=school,
            from_year=from_year,
            state__in=(RolloverState.QUEUED, RolloverState.RUNNING),
        ).exists():
            raise RolloverRefusedError(_("The rollover is running already."))
        rollover = Rollover.objects.create(
            school=school,
            from_year=from_year,
            classes_total=len(_classes_of(school, from_year)),
            requested_by_id=actor.user_id,
        )
        transaction.on_commit(lambda: rollover_run.enqueue(rollover_id=rollover.pk))
    return rollover


@task()
def rollover_run(rollover_id: int) -> None:
    """Move the pupils class by class. A class that fails rolls back alone and is named in
    the report with the reason; the others go on. A pupil who has next year's enrolment
    already is left as they are, so running it again changes nothing."""
    if not Rollover.objects.filter(pk=rollover_id, state=RolloverState.QUEUED).update(
        state=RolloverState.RUNNING
    ):
        return
    rollover = Rollover.objects.select_related("school").get(pk=rollover_id)
    report: dict[str, dict[str, int | str]] = {}
    for class_group in _classes_of(rollover.school, rollover.from_year):
        try:
            with transaction.atomic():
                report[class_group.name] = dict(_class_move(rollover, class_group))
        except Exception as exc:  # the class rolls back alone; the report says why
            logger.exception("rollover of a class failed", extra={"rollover_id": rollover_id})
            report[class_group.name] = {"failed": type(exc).__name__}
        Rollover.objects.filter(pk=rollover_id).update(classes_done=F("classes_done") + 1)
    Rollover.objects.filter(pk=rollover_id).update(
        state=RolloverState.DONE, finished_at=timezone.now(), report=report
    )
    totals = {
        key: sum(int(str(r.get(key, 0))) for r in report.values() if "failed" not in r)
        for key in ("moved", "repeats", "leaves", "pending", "handovers")
    }
    audit_record(
        AuditAction.ROLLOVER_RUN,
        actor_id=rollover.requested_by_id,
        school_id=rollover.school_id,
        target=rollover,
        details={**totals, "failed": sum(1 for r in report.values() if "failed" in r)},
    )


def _class_move(rollover: Rollover, class_group: ClassGroup) -> dict[str, int]:
    """Move one class in a number of queries that does not grow with the class: one
    statement each for the enrolments, the transitions (with their steps) and the records."""
    school, to_year = rollover.school, rollover.to_year
    start, _end = school_year_bounds(to_year)
    enrolments = list(
        Enrolment.objects.filter(class_group=class_group, end_date__isnull=True)
        .select_related("pupil")
        .order_by("pk")
    )
    pupil_ids = [e.pupil_id for e in enrolments]
    decisions = {
        d.enrolment_id: d for d in PromotionDecision.objects.filter(enrolment__in=enrolments)
    }
    already = set(
        Enrolment.objects.filter(
            school=school, school_year=to_year, pupil_id__in=pupil_ids
        ).values_list("pupil_id", flat=True)
    )
    counts = {"moved": 0, "repeats": 0, "leaves": 0, "pending": 0, "handovers": 0, "kept": 0}
    staying: list[tuple[Enrolment, PromotionDecision, str, int]] = []
    leaving: list[tuple[Enrolment, PromotionDecision]] = []
    for enrolment in enrolments:
        decision = decisions.get(enrolment.pk)
        if decision is None or not decision.outcome:
            counts["pending"] += 1
        elif enrolment.pupil_id in already:
            counts["kept"] += 1
        elif decision.outcome == Outcome.LEAVES:
            leaving.append((enrolment, decision))
        else:
            name = decision.next_class_name or class_group.name
            staying.append(
                (enrolment, decision, name, next_year_group(enrolment.year_group, decision.outcome))
            )
    records: list[RolloverRecord] = []

    def record(kind: str, object_id: int) -> None:
        records.append(
            RolloverRecord(
                rollover=rollover, kind=kind, object_id=object_id, class_name=class_group.name
            )
        )

    targets, mentors_of = _next_classes(
        rollover, school, to_year, {name: year for _e, _d, name, year in staying}, record
    )
    made = pupil_services.enrolments_create(
        [
            Enrolment(
                pupil=enrolment.pupil,
                school=school,
                school_year=to_year,
                year_group=year_group,
                class_group=targets[name],
                location_id=enrolment.location_id,
                level=decision.next_level or enrolment.level,
                pupil_number=enrolment.pupil_number,
                start_date=start,
            )
            for enrolment, decision, name, year_group in staying
        ]
    )
    for enrolment in made:
        record(RecordKind.ENROLMENT, enrolment.pk)
    for _enrolment, decision, _name, _year in staying:
        counts["repeats" if decision.outcome == Outcome.REPEATS else "moved"] += 1
    pupil_services.enrolments_end(
        enrolment_ids=[e.pk for e, _d in leaving], end_date=start - dt.timedelta(days=1)
    )
    for enrolment, _decision in leaving:
        record(RecordKind.ENDED, enrolment.pk)
    counts["leaves"] = len(leaving)
    mentors_now = set(class_group.mentors.values_list("pk", flat=True))
    # A mentor who keeps the group (continuity) asks for no handover.
    changing = [e for e, _d, name, _y in staying if mentors_of[name] != mentors_now]
    counts["handovers"] = len(changing)
    transitions = pupil_services.transitions_create(
        [
            Transition(
                pupil=enrolment.pupil,
                kind=decision.leaving_to,
                from_school=school,
                school_year=to_year,
            )
            for enrolment, decision in leaving
        ]
        + [
            Transition(
                pupil=enrolment.pupil,
                kind=TransitionKind.WITHIN_SCHOOL,
                from_school=school,
                to_school=school,
                school_year=to_year,
            )
            for enrolment in changing
        ]
    )
    for made_transition in transitions:
        record(RecordKind.TRANSITION, made_transition.pk)
    RolloverRecord.objects.bulk_create(records)
    return counts


def _next_classes(
    rollover: Rollover,
    school: School,
    to_year: int,
    year_of: dict[str, int],
    record: Callable[[str, int], None],
) -> tuple[dict[str, ClassGroup], dict[str, set[int]]]:
    """Next year's classes these pupils go to, made where they are not there yet, each with
    the mentor its plan names; and the mentors of each."""
    plans = {
        p.name: p
        for p in ClassPlan.objects.filter(
            school=school, school_year=to_year, name__in=year_of
        ).select_related("mentor")
    }
    existing = {
        c.name: c
        for c in ClassGroup.objects.filter(school=school, school_year=to_year, name__in=year_of)
    }
    targets: dict[str, ClassGroup] = {}
    mentors_of: dict[str, set[int]] = {}
    for name, year_group in sorted(year_of.items()):
        plan = plans.get(name)
        target = existing.get(name)
        if target is None:
            target = school_services.class_group_ensure(
                school=school,
                school_year=to_year,
                name=name,
                year_group=plan.year_group if plan else year_group,
            )
            record(RecordKind.CLASS_GROUP, target.pk)
        mentors = set(target.mentors.values_list("pk", flat=True))
        if plan is not None and plan.mentor is not None and plan.mentor.pk not in mentors:
            school_services.class_group_mentor_add(class_group=target, user=plan.mentor)
            mentors.add(plan.mentor.pk)
        targets[name], mentors_of[name] = target, mentors
    return targets, mentors_of


def undo_blockers(rollover: Rollover) -> list[str]:
    """Why the rollover cannot be undone (in Dutch), or nothing."""
    start, _end = school_year_bounds(rollover.to_year)
    if rollover.state != RolloverState.DONE:
        return [_("Only a finished rollover can be undone.")]
    if timezone.localdate() >= start:
        return [_("The new school year has started: the rollover stays.")]
    transition_ids = list(
        rollover.records.filter(kind=RecordKind.TRANSITION).values_list("object_id", flat=True)
    )
    worked = (
        TransitionStep.objects.filter(
            transition_id__in=transition_ids, done_at__isnull=False
        ).exists()
        or HandoverMeeting.objects.filter(transition_id__in=transition_ids).exists()
    )
    if worked:
        return [
            _(
                "Work has started on the handovers it made (a step done or a conversation "
                "planned): undo that first."
            )
        ]
    return []


def rollover_undo(*, actor: Actor, rollover: Rollover) -> None:
    """Take back everything the rollover made, in one transaction."""
    blockers = undo_blockers(rollover)
    if blockers:
        raise RolloverRefusedError(" ".join(blockers))
    with transaction.atomic():
        records = list(rollover.records.order_by("-pk"))

        def ids(kind: str) -> list[int]:
            return [r.object_id for r in records if r.kind == kind]

        pupil_services.transitions_withdraw(transition_ids=ids(RecordKind.TRANSITION))
        pupil_services.enrolments_withdraw(enrolment_ids=ids(RecordKind.ENROLMENT))
        pupil_services.enrolments_end(enrolment_ids=ids(RecordKind.ENDED), end_date=None)
        for rec in records:
            if rec.kind == RecordKind.CLASS_GROUP:
                school_services.class_group_remove_if_empty(class_group_id=rec.object_id)
        rollover.records.all().delete()
        Rollover.objects.filter(pk=rollover.pk).update(
            state=RolloverState.UNDONE, undone_at=timezone.now()
        )
        audit_record(
            AuditAction.ROLLOVER_UNDONE,
            actor=actor,
            school_id=rollover.school_id,
            target=rollover,
            details={"records": len(records)},
        )


def rollovers_resume() -> list[int]:
    """After the worker stopped halfway: a rollover that was running goes on from where it
    was (the classes moved already are found moved and left as they are); run when the
    worker starts (`manage.py rollovers_resume`, part of `manage.py serve`)."""
    stalled = list(
        Rollover.objects.filter(state=RolloverState.RUNNING).values_list("pk", flat=True)
    )
    Rollover.objects.filter(pk__in=stalled).update(state=RolloverState.QUEUED, classes_done=0)
    for rollover_id in Rollover.objects.filter(state=RolloverState.QUEUED).values_list(
        "pk", flat=True
    ):
        rollover_run.enqueue(rollover_id=rollover_id)
    return stalled
