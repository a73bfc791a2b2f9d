"""Public selectors of the steps app: who owns which step (`owners_of`, `owner_role`,
`owned_steps_filter`, `responsibilities_of`) and which steps are open (`step_of_owner`,
`overdue_steps`, `my_steps`, `steps_of_pupil`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.pupils.models import Transition, TransitionStatus
from overdracht.schools.models import School
from overdracht.schools.permissions import school_roles
from overdracht.steps.catalogue import (
    DEFAULT_OWNER_ROLE,
    SENDING_STEPS,
    SHARED_STEPS,
    STEPS,
    step_label,
)
from overdracht.steps.models import Responsibility, TransitionStep


def owners_of(school: School) -> dict[str, str]:
    """{step key: owning role} at the school: its register over the defaults (one query)."""
    rules = dict(Responsibility.objects.filter(school=school).values_list("step_key", "role"))
    return {key: rules.get(key, role) for key, role in DEFAULT_OWNER_ROLE.items()}


def owner_role(school: School, step_key: str) -> str:
    return owners_of(school)[step_key]


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


def step_of_owner(user: User, step_id: int) -> tuple[TransitionStep, int] | None:
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


def my_steps(user: User) -> list[TransitionStep]:
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


def steps_done(transition_ids: list[int], keys: tuple[str, ...]) -> set[tuple[int, str]]:
    """{(transition id, step key)} of these steps that are done (one query)."""
    return set(
        TransitionStep.objects.filter(
            transition_id__in=transition_ids, key__in=keys, done_at__isnull=False
        ).values_list("transition_id", "key")
    )
