"""Public reads of promotion: the classes to decide on, one class with the norms' proposals,
the preview of next year's classes, the rollover's state, and what families see."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from overdracht.accounts.models import User
from overdracht.promotion.models import (
    ClassPlan,
    Outcome,
    PromotionDecision,
    Rollover,
    RolloverState,
)
from overdracht.promotion.norms import (
    default_next_class,
    next_year_group,
    norms_of,
    proposal_for,
)
from overdracht.pupils.models import Enrolment, Pupil
from overdracht.schools.models import ClassGroup, Membership, School


@dataclass(frozen=True)
class ClassProgress:
    class_group: ClassGroup
    pupils: int
    decided: int


def classes_to_decide(school: School, year: int) -> list[ClassProgress]:
    rows = (
        ClassGroup.objects.filter(school=school, school_year=year)
        .annotate(
            pupils=Count("enrolments", filter=Q(enrolments__end_date__isnull=True), distinct=True),
            decided=Count(
                "enrolments",
                filter=Q(enrolments__end_date__isnull=True)
                & ~Q(enrolments__promotion_decision__outcome="")
                & Q(enrolments__promotion_decision__isnull=False),
                distinct=True,
            ),
        )
        .order_by("year_group", "name")
    )
    return [ClassProgress(c, c.pupils, c.decided) for c in rows if c.pupils]


@dataclass(frozen=True)
class DecisionRow:
    enrolment: Enrolment
    decision: PromotionDecision | None
    proposal: str


def class_decisions(class_group: ClassGroup) -> list[DecisionRow]:
    norms = norms_of(class_group.school)
    enrolments = sorted(
        Enrolment.objects.filter(class_group=class_group, end_date__isnull=True)
        .select_related("pupil", "promotion_decision")
        .order_by("pk"),
        key=lambda e: e.pupil.sort_key,
    )
    rows = []
    for enrolment in enrolments:
        decision = getattr(enrolment, "promotion_decision", None)
        marks = decision.insufficient_marks if decision else None
        rows.append(DecisionRow(enrolment, decision, proposal_for(norms, marks)))
    return rows


def enrolment_of_school(school: School, enrolment_id: int) -> Enrolment | None:
    return (
        Enrolment.objects.filter(school=school, pk=enrolment_id)
        .select_related("pupil", "class_group")
        .first()
    )


@dataclass(frozen=True)
class PreviewPupil:
    pupil: Pupil
    enrolment_id: int  # this year's
    class_now: str
    outcome: str  # in words


@dataclass
class NextClass:
    name: str
    year_group: int
    pupils: list[PreviewPupil] = field(default_factory=list)
    mentor: User | None = None
    mentors_now: set[str] = field(default_factory=set)


@dataclass
class RolloverPreview:
    from_year: int
    classes: list[NextClass]
    leavers: list[tuple[Pupil, str, str]]  # pupil, class now, where to
    pending: list[tuple[Pupil, str]]  # no decision yet: not moved

    @property
    def class_names(self) -> list[str]:
        return [c.name for c in self.classes]


def rollover_preview(school: School, from_year: int) -> RolloverPreview:
    """Next year's classes as the decisions make them (in two queries and the plans)."""
    enrolments = list(
        Enrolment.objects.filter(school=school, school_year=from_year, end_date__isnull=True)
        .exclude(class_group=None)
        .select_related("pupil", "class_group", "promotion_decision")
        .prefetch_related("class_group__mentors")
    )
    plans = {
        p.name: p
        for p in ClassPlan.objects.filter(school=school, school_year=from_year + 1).select_related(
            "mentor"
        )
    }
    classes: dict[str, NextClass] = {}
    leavers, pending = [], []
    mentors_now: dict[str, set[str]] = defaultdict(set)
    for e in sorted(enrolments, key=lambda e: e.pupil.sort_key):
        assert e.class_group is not None
        decision = getattr(e, "promotion_decision", None)
        if decision is None or not decision.outcome:
            pending.append((e.pupil, e.class_group.name))
            continue
        if decision.outcome == Outcome.LEAVES:
            leavers.append((e.pupil, e.class_group.name, decision.get_leaving_to_display()))
            continue
        name = decision.next_class_name or default_next_class(
            e.class_group.name, e.year_group, decision.outcome
        )
        year_group = next_year_group(e.year_group, decision.outcome)
        target = classes.setdefault(name, NextClass(name=name, year_group=year_group))
        target.pupils.append(
            PreviewPupil(e.pupil, e.pk, e.class_group.name, decision.get_outcome_display())
        )
        mentors_now[name] |= {m.full_name for m in e.class_group.mentors.all()}
    for name, target in classes.items():
        plan = plans.get(name)
        if plan is not None:
            target.mentor, target.year_group = plan.mentor, plan.year_group
        target.mentors_now = mentors_now[name]
    ordered = sorted(classes.values(), key=lambda c: (c.year_group, c.name))
    return RolloverPreview(from_year, ordered, leavers, pending)


def latest_rollover(school: School, from_year: int) -> Rollover | None:
    return Rollover.objects.filter(school=school, from_year=from_year).order_by("-pk").first()


def mentor_candidates(school: School) -> list[User]:
    """Staff of the school who may mentor a class (teachers, mentors, team leads)."""
    ids = Membership.objects.filter(
        school=school, role__in=("teacher", "mentor", "team_lead")
    ).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("full_name"))


def decisions_for_family(pupil_id: uuid.UUID) -> list[PromotionDecision]:
    """The decisions a family sees (outcome, conditions, next year): never the reason."""
    return list(
        PromotionDecision.objects.filter(enrolment__pupil_id=pupil_id)
        .exclude(outcome="")
        .select_related("enrolment__school", "enrolment__class_group")
        .order_by("-enrolment__school_year")
    )


def rollover_running(rollover: Rollover | None) -> bool:
    return rollover is not None and rollover.state in (RolloverState.QUEUED, RolloverState.RUNNING)
