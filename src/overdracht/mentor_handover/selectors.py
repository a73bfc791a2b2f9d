"""Public reads of the mentor handover: the pupils whose mentor changes at a school, with
their classes of this year and next and how far their handover is; what a mentor has to
write or to read."""

from __future__ import annotations

from dataclasses import dataclass

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.mentor_handover.models import MentorHandover
from overdracht.pupils.models import Enrolment, Pupil, Transition, TransitionKind, TransitionStatus
from overdracht.schools.models import ClassGroup, School


@dataclass(frozen=True)
class HandoverRow:
    transition: Transition
    pupil: Pupil
    from_class: ClassGroup | None
    to_class: ClassGroup | None
    handover: MentorHandover | None
    from_mentor_ids: frozenset[int]
    to_mentor_ids: frozenset[int]

    @property
    def state(self) -> str:
        if self.handover is None or self.handover.written_at is None:
            return "to_write"
        return "written" if self.handover.confirmed_at is None else "confirmed"

    @property
    def conversation_wanted(self) -> bool:
        return self.handover is not None and self.handover.conversation_wanted


def _rows(transitions: list[Transition]) -> list[HandoverRow]:
    """Rows for these within-school transitions, in a fixed number of queries."""
    if not transitions:
        return []
    keys = {(t.pupil_id, t.to_school_id) for t in transitions}
    enrolments = (
        Enrolment.objects.filter(
            pupil_id__in={p for p, _s in keys},
            school_year__in={t.school_year for t in transitions}
            | {t.school_year - 1 for t in transitions},
        )
        .exclude(class_group=None)
        .select_related("class_group")
        .prefetch_related("class_group__mentors")
    )
    by_year: dict[tuple[object, int | None, int], ClassGroup | None] = {
        (e.pupil_id, e.school_id, e.school_year): e.class_group for e in enrolments
    }
    handovers = {
        h.transition_id: h
        for h in MentorHandover.objects.filter(transition__in=[t.pk for t in transitions])
    }
    rows = []
    for t in transitions:
        before = by_year.get((t.pupil_id, t.to_school_id, t.school_year - 1))
        after = by_year.get((t.pupil_id, t.to_school_id, t.school_year))
        rows.append(
            HandoverRow(
                transition=t,
                pupil=t.pupil,
                from_class=before,
                to_class=after,
                handover=handovers.get(t.pk),
                from_mentor_ids=frozenset(m.pk for m in before.mentors.all())
                if before
                else frozenset(),
                to_mentor_ids=frozenset(m.pk for m in after.mentors.all())
                if after
                else frozenset(),
            )
        )
    return rows


def _open_transitions(**lookups: object) -> list[Transition]:
    year = current_school_year()
    return list(
        Transition.objects.filter(
            kind=TransitionKind.WITHIN_SCHOOL,
            school_year__in=[year, year + 1],
            **lookups,
        )
        .exclude(status=TransitionStatus.CANCELLED)
        .select_related("pupil")
        .order_by("pupil__sort_key", "pk")
    )


def handovers_of_school(school: School) -> list[HandoverRow]:
    return _rows(_open_transitions(to_school=school))


def handovers_of_mentor(user: User) -> list[HandoverRow]:
    """The handovers the user writes (mentor of the pupil's class now) or reads (mentor of
    the pupil's class next year)."""
    year = current_school_year()
    classes = list(
        ClassGroup.objects.filter(
            mentors=user, school_year__in=[year - 1, year, year + 1]
        ).values_list("pk", flat=True)
    )
    pupil_ids = Enrolment.objects.filter(class_group__in=classes).values("pupil_id")
    rows = _rows(_open_transitions(pupil_id__in=pupil_ids))
    return [r for r in rows if user.pk in r.from_mentor_ids | r.to_mentor_ids]


def to_write(user: User) -> list[HandoverRow]:
    return [
        r
        for r in handovers_of_mentor(user)
        if r.state == "to_write" and user.pk in r.from_mentor_ids
    ]


def to_read(user: User) -> list[HandoverRow]:
    return [
        r for r in handovers_of_mentor(user) if r.state == "written" and user.pk in r.to_mentor_ids
    ]


def handover_row(transition_id: int) -> HandoverRow | None:
    found = _rows(
        list(
            Transition.objects.filter(
                pk=transition_id, kind=TransitionKind.WITHIN_SCHOOL
            ).select_related("pupil")
        )
    )
    return found[0] if found else None
