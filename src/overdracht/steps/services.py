"""Public services of the steps app: `steps_ensure`, `steps_complete`, `steps_complete_of`,
`step_done`, `responsibilities_save`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.pupils.models import Transition, TransitionStatus
from overdracht.schools.models import Region, School
from overdracht.steps.catalogue import DEFAULT_OWNER_ROLE, STEPS
from overdracht.steps.models import Responsibility, TransitionStep
from overdracht.steps.selectors import owners_of


def steps_ensure(
    transitions: list[Transition],
    *,
    due: Mapping[tuple[int, str], dt.date] | None = None,
    new: bool = False,
) -> None:
    """Give each transition the steps of its kind, each due on `due[transition id, key]`
    (the regional calendar passes its milestones' dates: `regional_calendar.selectors.
    due_dates`). Idempotent; `new` skips looking for steps a transition that was just made
    cannot have. A new transition gets its steps when it is made (`regional_calendar.
    receivers`, on `pupils.events.transitions_created`); command `steps_fill` fills in
    transitions made before."""
    have: set[tuple[int, str]] = set()
    if not new:
        have = set(
            TransitionStep.objects.filter(transition__in=transitions).values_list(
                "transition_id", "key"
            )
        )
    due = due or {}
    TransitionStep.objects.bulk_create(
        [
            TransitionStep(transition_id=t.pk, key=key, due_date=due.get((t.pk, key)))
            for t in transitions
            for key, _label in STEPS.get(t.kind, [])
            if (t.pk, key) not in have
        ]
    )


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


def step_done(*, actor: Actor, step: TransitionStep, school_id: int) -> None:
    """Mark the step done by the logged-in user, for the school they act for; audited."""
    step.done_at, step.done_by_id = timezone.localdate(), actor.user.pk
    step.save(update_fields=["done_at", "done_by_id"])
    audit_record(
        AuditAction.STEP_DONE,
        actor=actor,
        school_id=school_id,
        subject_pupil_id=step.transition.pupil_id,
        target=step,
        details={"step": step.key},
    )


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


def open_steps_reschedule(
    region: Region, school_year: int, key: str, kinds: list[str], due_date: dt.date | None
) -> int:
    """Give the open `key` steps of the region's transitions of these kinds into
    `school_year` (sent from the region, or arriving in it from outside the installation)
    this due date (None: no date); returns how many changed."""
    return (
        TransitionStep.objects.filter(
            key=key,
            transition__kind__in=kinds,
            transition__school_year=school_year,
            done_at__isnull=True,
        )
        .filter(
            Q(transition__from_school__region=region)
            | Q(transition__from_school__isnull=True, transition__to_school__region=region)
        )
        .update(due_date=due_date)
    )
