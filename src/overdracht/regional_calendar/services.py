"""The region agrees its calendar: partnership staff set the milestones of a school year, and
the due dates of the open steps follow. Each school ticks off a milestone's checklist."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from overdracht.accounts.models import User
from overdracht.regional_calendar.defaults import MILESTONES
from overdracht.regional_calendar.models import ChecklistTick, Milestone
from overdracht.schools.models import Region, School
from overdracht.schools.roles import Role
from overdracht.steps.catalogue import STEPS
from overdracht.steps.services import open_steps_reschedule


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
class MilestoneInput:
    key: str
    title: str
    date: dt.date | None
    checklist: list[str]
    role: str = ""  # empty: keep the milestone's responsible role


def due_dates_apply(region: Region, school_year: int) -> int:
    """Give the open steps of the region's transitions (sent from the region, or arriving in
    it from outside the installation) the date of their milestone; where several milestones
    name the same step (provisional and final advice), the last one."""
    changed = 0
    for milestone in sorted(calendar_ensure(region, school_year), key=lambda m: m.date):
        changed += open_steps_reschedule(
            region, school_year + 1, milestone.step_key, milestone.kinds, milestone.date
        )
    return changed


def milestones_save(
    *, region: Region, school_year: int, values: list[MilestoneInput]
) -> list[Milestone]:
    """Store the region's milestones (all or nothing) and move the open steps' due dates.
    Raises ValidationError with one message per wrong milestone."""
    first, last = dt.date(school_year, 8, 1), dt.date(school_year + 1, 7, 31)
    milestones = {m.key: m for m in calendar_ensure(region, school_year)}
    errors = []
    for value in values:
        if value.key not in milestones:
            continue
        if not value.title.strip():
            errors.append(_("Give every milestone a name."))
        if value.role and value.role not in Role.values:
            errors.append(
                _("“%(title)s”: choose a responsible role from the list.")
                % {"title": value.title or milestones[value.key].title}
            )
        if value.date is None or not first <= value.date <= last:
            errors.append(
                _("“%(title)s”: choose a date between %(first)s and %(last)s.")
                % {
                    "title": value.title or milestones[value.key].title,
                    "first": first.strftime("%d-%m-%Y"),
                    "last": last.strftime("%d-%m-%Y"),
                }
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for value in values:
            milestone = milestones.get(value.key)
            if milestone is None or value.date is None:
                continue
            milestone.title = value.title.strip()
            milestone.date = value.date
            milestone.checklist = [line.strip() for line in value.checklist if line.strip()]
            milestone.role = value.role or milestone.role
            milestone.save(update_fields=["title", "date", "checklist", "role"])
        due_dates_apply(region, school_year)
    return sorted(milestones.values(), key=lambda m: m.date)


@dataclass(frozen=True)
class NewMilestone:
    title: str
    date: dt.date | None
    role: str
    step_key: str
    kinds: list[str]
    checklist: list[str]


DEFAULT_KEYS = frozenset(default.key for default in MILESTONES)


@transaction.atomic
def milestone_add(*, region: Region, school_year: int, value: NewMilestone) -> Milestone:
    """A date the region sets on top of the defaults (a first conversation in groep 7, a
    warm handover week...). Raises ValidationError with one message per problem."""
    first, last = dt.date(school_year, 8, 1), dt.date(school_year + 1, 7, 31)
    errors = []
    if not value.title.strip():
        errors.append(_("Give every milestone a name."))
    if value.date is None or not first <= value.date <= last:
        errors.append(
            _("Choose a date between %(first)s and %(last)s.")
            % {"first": first.strftime("%d-%m-%Y"), "last": last.strftime("%d-%m-%Y")}
        )
    if value.role not in Role.values:
        errors.append(_("Choose a responsible role from the list."))
    kinds = [kind for kind in dict.fromkeys(value.kinds) if kind in STEPS]
    if not kinds or len(kinds) != len(set(value.kinds)):
        errors.append(_("Choose at least one kind of transition from the list."))
    elif not any(value.step_key in dict(STEPS[kind]) for kind in kinds):
        errors.append(_("Choose a step that these kinds of transition have."))
    if errors:
        raise ValidationError(errors)
    assert value.date is not None
    calendar_ensure(region, school_year)
    milestone = Milestone.objects.create(
        region=region,
        school_year=school_year,
        key=f"region-{secrets.token_hex(4)}",
        title=value.title.strip()[:200],
        date=value.date,
        role=value.role,
        step_key=value.step_key,
        kinds=kinds,
        checklist=[line.strip() for line in value.checklist if line.strip()],
    )
    due_dates_apply(region, school_year)
    return milestone


@transaction.atomic
def milestone_remove(*, region: Region, school_year: int, key: str) -> None:
    """Take away a milestone the region added; the defaults stay (move them instead). Open
    steps it dated fall back to the remaining milestones, or to no date."""
    if key in DEFAULT_KEYS:
        raise ValidationError(_("A milestone of the law or the defaults cannot be removed."))
    milestone = Milestone.objects.filter(region=region, school_year=school_year, key=key).first()
    if milestone is None:
        return
    milestone.delete()
    open_steps_reschedule(region, school_year + 1, milestone.step_key, milestone.kinds, None)
    due_dates_apply(region, school_year)


@transaction.atomic
def checklist_save(*, user: User, school: School, milestone: Milestone, ticked: list[str]) -> None:
    """The school's ticks on the milestone's checklist become exactly `ticked`. Raises
    ValidationError for an item that is not on the checklist (nothing changes)."""
    unknown = [item for item in ticked if item not in milestone.checklist]
    if unknown:
        raise ValidationError(
            _("“%(item)s” is not on the checklist of this milestone.") % {"item": unknown[0]}
        )
    ChecklistTick.objects.filter(school=school, milestone=milestone).exclude(
        item__in=ticked
    ).delete()
    ChecklistTick.objects.bulk_create(
        [
            ChecklistTick(milestone=milestone, school=school, item=item, ticked_by_id=user.pk)
            for item in dict.fromkeys(ticked)
        ],
        ignore_conflicts=True,  # ticked before: keep who ticked it first
    )
