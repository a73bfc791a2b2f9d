"""Public API of the handovers app for steps and the regional calendar: `steps_ensure`,
`step_done`, `steps_complete`, `steps_complete_of`, `owners_of`, `owner_role`, `calendar_ensure`,
`calendar_progress`, `owned_steps_filter`, `step_of_owner`, `overdue_steps`, `my_steps`,
`steps_of_pupil`, `responsibilities_of`, `responsibilities_save`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.handovers.models import Milestone, Responsibility, TransitionStep
from overdracht.handovers.steps import (
    DEFAULT_OWNER_ROLE,
    MILESTONES,
    SENDING_STEPS,
    SHARED_STEPS,
    STEPS,
    step_label,
)
from overdracht.pupils.models import Transition, TransitionStatus
from overdracht.schools.models import Region, School
from overdracht.schools.permissions import school_roles


def steps_ensure(transitions: list[Transition], *, new: bool = False) -> None:
    """Give each transition the steps of its kind, each due on the date of its milestone in
    the region's calendar (idempotent; `new` skips looking for steps a transition that was
    just made cannot have). A new transition gets its steps when it is made (`handovers.
    receivers`, on `pupils.events.transition_created`); this is also the way to fill in
    transitions made before."""
    have: set[tuple[int, str]] = set()
    if not new:
        have = set(
            TransitionStep.objects.filter(transition__in=transitions).values_list(
                "transition_id", "key"
            )
        )
    due = _due_dates(transitions)
    TransitionStep.objects.bulk_create(
        [
            TransitionStep(transition_id=t.pk, key=key, due_date=due.get((t.pk, key)))
            for t in transitions
            for key, _label in STEPS.get(t.kind, [])
            if (t.pk, key) not in have
        ]
    )


def _due_dates(transitions: list[Transition]) -> dict[tuple[int, str], dt.date]:
    """{(transition id, step key): the date of the step's milestone}: the calendar of the
    sending school's region (the receiving school's where the sender is outside the
    installation) for the school year before the transition. Where several milestones name
    one step (provisional and final advice), the last one counts."""
    calendars: dict[tuple[int, int], list[tuple[dt.date, str, list[str]]]] = {}
    due: dict[tuple[int, str], dt.date] = {}
    for transition in transitions:
        school = transition.from_school or transition.to_school
        if school is None:
            continue
        year = transition.school_year - 1
        if (school.region_id, year) not in calendars:
            calendars[school.region_id, year] = _calendar_rows(school, year)
        for date, step_key, kinds in calendars[school.region_id, year]:
            if transition.kind in kinds:
                due[transition.pk, step_key] = date
    return due


def _calendar_rows(school: School, year: int) -> list[tuple[dt.date, str, list[str]]]:
    """(date, step key, kinds) of the region's milestones in date order; one light query,
    and the defaults made first where the region has no calendar for the year yet."""
    rows = Milestone.objects.filter(region_id=school.region_id, school_year=year).order_by("date")
    found = list(rows.values_list("date", "step_key", "kinds"))
    if len(found) < len(MILESTONES):
        calendar_ensure(school.region, year)
        found = list(rows.values_list("date", "step_key", "kinds"))
    return found


def steps_complete(key: str, **transition: Any) -> int:
    """Mark the step done today on the transitions that match (`transition` holds lookups on
    Transition) where it is still open, because what it stands for happened in the product
    (a dossier arrived, a passport was written...). Cancelled transitions are left alone."""
    return (
        TransitionStep.objects.filter(
            key=key, done_at__isnull=True, **{f"transition__{k}": v for k, v in transition.items()}
        )
        .exclude(transition__status=TransitionStatus.CANCELLED)
        .update(done_at=timezone.localdate())
    )


def steps_complete_of(transition: Transition, key: str) -> int:
    """`steps_complete` for one transition at hand (no join: its status is known)."""
    if transition.status == TransitionStatus.CANCELLED:
        return 0
    return TransitionStep.objects.filter(
        transition_id=transition.pk, key=key, done_at__isnull=True
    ).update(done_at=timezone.localdate())


def step_done(*, request: HttpRequest, step: TransitionStep, school_id: int) -> None:
    """Mark the step done by the logged-in user, for the school they act for; audited."""
    step.done_at, step.done_by_id = timezone.localdate(), authenticated_user(request).pk
    step.save(update_fields=["done_at", "done_by_id"])
    audit_record(
        AuditAction.STEP_DONE,
        request=request,
        school_id=school_id,
        subject_pupil_id=step.transition.pupil_id,
        target=f"step:{step.pk}",
        details={"step": step.key},
    )


def owners_of(school: School) -> dict[str, str]:
    """{step key: owning role} at the school: its register over the defaults (one query)."""
    rules = dict(Responsibility.objects.filter(school=school).values_list("step_key", "role"))
    return {key: rules.get(key, role) for key, role in DEFAULT_OWNER_ROLE.items()}


def owner_role(school: School, step_key: str) -> str:
    return owners_of(school)[step_key]


def calendar_ensure(region: Region, school_year: int) -> list[Milestone]:
    """The region's milestones of the school year, made from the defaults where missing
    (one query when they exist)."""
    found = list(Milestone.objects.filter(region=region, school_year=school_year))
    missing = {d.key for d in MILESTONES} - {m.key for m in found}
    if not missing:
        return found
    Milestone.objects.bulk_create(
        [
            Milestone(
                region=region,
                school_year=school_year,
                key=default.key,
                title=default.title,
                date=default.date_in(school_year),
                role=default.role,
                step_key=default.step_key,
                kinds=list(default.kinds),
                checklist=list(default.checklist),
            )
            for default in MILESTONES
            if default.key in missing
        ],
        ignore_conflicts=True,  # another request may be making them at the same moment
    )
    return list(Milestone.objects.filter(region=region, school_year=school_year))


@dataclass(frozen=True)
class MilestoneProgress:
    milestone: Milestone
    done: int
    total: int

    @property
    def overdue(self) -> bool:
        return self.milestone.date < timezone.localdate() and self.done < self.total


def calendar_progress(
    school: School, school_year: int, only: Callable[[Milestone], bool] | None = None
) -> list[MilestoneProgress]:
    """Per milestone (or per milestone `only` keeps: the others are not counted): of the
    school's pupils making that kind of transition in the coming school year (leaving from
    this school), how many have done the milestone's step."""
    milestones = calendar_ensure(school.region, school_year)
    result = []
    for milestone in milestones:
        if only is not None and not only(milestone):
            continue
        counts = (
            TransitionStep.objects.filter(
                key=milestone.step_key,
                transition__kind__in=milestone.kinds,
                transition__from_school=school,
                transition__school_year=school_year + 1,
            )
            .exclude(transition__status=TransitionStatus.CANCELLED)
            .aggregate(total=Count("pk"), done=Count("pk", filter=Q(done_at__isnull=False)))
        )
        result.append(MilestoneProgress(milestone, counts["done"], counts["total"]))
    return result


def owned_steps_filter(school: School, roles: set[str], owners: dict[str, str]) -> Q:
    """The steps of the school's transitions that one of these roles owns at this school
    (`owners` from `owners_of`): the sending school's steps, the receiving school's steps,
    and the shared ones."""
    keys = {key for key, role in owners.items() if role in roles}
    sending, shared = keys & SENDING_STEPS, keys & SHARED_STEPS
    receiving = keys - SENDING_STEPS - SHARED_STEPS
    return (
        Q(key__in=sending, transition__from_school=school)
        | Q(key__in=receiving, transition__to_school=school)
        | Q(Q(transition__from_school=school) | Q(transition__to_school=school), key__in=shared)
    )


def step_of_owner(user: Any, step_id: int) -> tuple[TransitionStep, int] | None:
    """The open step with this id and the school for which the user's role owns it, or None
    (not theirs, done already, or not there at all)."""
    roles_by_school = school_roles(user)
    for school in School.objects.filter(pk__in=roles_by_school):
        owned = owned_steps_filter(school, roles_by_school[school.pk], owners_of(school))
        step = (
            TransitionStep.objects.filter(owned, pk=step_id, done_at__isnull=True)
            .select_related("transition")
            .first()
        )
        if step is not None:
            return step, school.pk
    return None


def overdue_steps(school: School, limit: int = 100) -> tuple[list[TransitionStep], int]:
    """The open steps past their date that the school does (whoever owns them there), the
    oldest first: at most `limit`, and how many there are in all."""
    owners = owners_of(school)
    steps = (
        TransitionStep.objects.filter(
            owned_steps_filter(school, set(owners.values()), owners),
            done_at__isnull=True,
            due_date__lt=timezone.localdate(),
        )
        .exclude(transition__status=TransitionStatus.CANCELLED)
        .select_related("transition__pupil")
        .order_by("due_date", "transition__pupil__sort_key", "pk")
    )
    return list(steps[:limit]), steps.count()


def my_steps(user: Any) -> list[TransitionStep]:
    """Open steps the user's role owns at one of their schools, the earliest due first."""
    result = []
    roles_by_school = school_roles(user)
    for school in School.objects.filter(pk__in=roles_by_school):
        owned = owned_steps_filter(school, roles_by_school[school.pk], owners_of(school))
        result += list(
            TransitionStep.objects.filter(owned, done_at__isnull=True, due_date__isnull=False)
            .select_related("transition__pupil")
            .order_by("due_date", "pk")[:50]
        )
    return result


@dataclass(frozen=True)
class StepRow:
    """One step as a pupil's transition page shows it, with the role that owns it at each
    school that does it (the sending, the receiving or both, by their own registers)."""

    step: TransitionStep
    owners: list[tuple[School, str]]
    overdue: bool
    mine: bool  # open, and the viewer's role owns it at the viewing school
    done_by: str  # who marked it done; empty when the product saw it happen


def steps_of_pupil(
    school: School, pupil_id: Any, roles: frozenset[str] | set[str] = frozenset()
) -> list[tuple[Transition, list[StepRow]]]:
    """The pupil's transitions that involve the school, each with its steps in order;
    `roles` are the viewer's roles at the school (to offer marking their own steps done)."""
    transitions = list(
        Transition.objects.filter(
            Q(from_school=school) | Q(to_school=school), pupil_id=pupil_id
        ).select_related("from_school", "to_school")
    )
    registers: dict[int, dict[str, str]] = {}
    by_transition: dict[int, dict[str, TransitionStep]] = {}
    for step in TransitionStep.objects.filter(transition__in=transitions):
        by_transition.setdefault(step.transition_id, {})[step.key] = step
    done_by: dict[int | None, str] = dict(
        User.objects.filter(
            pk__in={step.done_by_id for steps in by_transition.values() for step in steps.values()}
            - {None}
        ).values_list("pk", "full_name")
    )
    today = timezone.localdate()
    result = []
    for transition in transitions:
        for side in (transition.from_school, transition.to_school):
            if side is not None and side.pk not in registers:
                registers[side.pk] = owners_of(side)
        have = by_transition.get(transition.pk, {})
        rows = [
            StepRow(
                step=have[key],
                owners=[(s, registers[s.pk][key]) for s in _doers(transition, key)],
                overdue=_overdue(have[key], today),
                mine=have[key].done_at is None
                and school in _doers(transition, key)
                and registers[school.pk][key] in roles,
                done_by=done_by.get(have[key].done_by_id, ""),
            )
            for key, _label in STEPS.get(transition.kind, [])
            if key in have
        ]
        result.append((transition, rows))
    return result


def _doers(transition: Transition, key: str) -> list[School]:
    """The schools of this installation that do the step of the transition."""
    if key in SHARED_STEPS:
        sides = [transition.from_school, transition.to_school]
    elif key in SENDING_STEPS:
        sides = [transition.from_school]
    else:
        sides = [transition.to_school]
    return [school for school in sides if school is not None]


def _overdue(step: TransitionStep, today: dt.date) -> bool:
    return step.done_at is None and step.due_date is not None and step.due_date < today


def responsibilities_of(school: School) -> list[tuple[str, str, str]]:
    """(step key, label, owner role) for every step the school meets, in career order."""
    return [(key, step_label(key), role) for key, role in owners_of(school).items()]


@transaction.atomic
def responsibilities_save(*, school: School, roles: dict[str, str]) -> int:
    """Store the school's register; returns how many steps changed owner."""
    current = owners_of(school)
    changed = 0
    for key, role in roles.items():
        if key not in DEFAULT_OWNER_ROLE or current.get(key) == role:
            continue
        Responsibility.objects.update_or_create(
            school=school, step_key=key, defaults={"role": role}
        )
        changed += 1
    return changed
