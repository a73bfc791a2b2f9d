"""Public API of the pupils app (reads). Callers pass a school or access they have checked
with `overdracht.pupils.permissions` / `overdracht.schools.permissions`.

- `pupil_list_page`: one page of a school's pupils, keyset-paginated, optional class and
  name search. The query count does not depend on the number of pupils.
- `pupil_detail`: a pupil with enrolments, guardians and transitions in a fixed number of
  queries; `pupil_page`: the same, cut to what the given access may see.
- `children_of_user`: the pupils a guardian (or pupil) account may see.
- `shared_names`: the names several pupils of a list carry (the list adds the birth date).
- `transitions_of_school`: outgoing and incoming transitions of a school;
  `outgoing_waiting`: the outgoing ones waiting for the review or for the dossier to go.
- `guardians_to_invite`: guardians of a pupil who have no account yet.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import FilteredRelation, Prefetch, Q, QuerySet
from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.core.ages import guardians_keep_access
from overdracht.core.names import normalise
from overdracht.pupils.models import (
    Enrolment,
    Guardian,
    GuardianRelation,
    Pupil,
    Transition,
    TransitionStatus,
)
from overdracht.pupils.permissions import PupilAccess, Relation, active_enrolment_filter
from overdracht.schools.models import School

PAGE_SIZE = 50


@dataclass(frozen=True)
class PupilListPage:
    rows: list[Enrolment]
    next_after: uuid.UUID | None

    @property
    def same_names(self) -> set[str]:
        """Names two pupils of the page share: the page shows their birth dates as well."""
        return shared_names(e.pupil for e in self.rows)


def shared_names(pupils: Iterable[Pupil]) -> set[str]:
    """The names more than one of these pupils carry ("Zoë Meijer" twice in 1A)."""
    counts = Counter(p.name for p in pupils)
    return {name for name, count in counts.items() if count > 1}


def pupil_list_page(
    *,
    school: School,
    class_group_id: int | None = None,
    query: str = "",
    after: uuid.UUID | None = None,
    page_size: int = PAGE_SIZE,
) -> PupilListPage:
    enrolments = (
        Enrolment.objects.filter(active_enrolment_filter(), school=school)
        .select_related("pupil", "class_group", "school")
        .order_by("pupil__sort_key", "pupil__id")
    )
    if class_group_id is not None:
        enrolments = enrolments.filter(class_group_id=class_group_id)
    for word in normalise(query).split()[:5]:
        enrolments = enrolments.filter(pupil__search_text__contains=word)
    if after is not None:
        last_key = Pupil.objects.filter(pk=after).values_list("sort_key", flat=True).first()
        if last_key is not None:
            enrolments = enrolments.filter(
                Q(pupil__sort_key__gt=last_key) | Q(pupil__sort_key=last_key, pupil__id__gt=after)
            )
    rows = list(enrolments[: page_size + 1])
    more = len(rows) > page_size
    rows = rows[:page_size]
    return PupilListPage(rows=rows, next_after=rows[-1].pupil_id if more and rows else None)


def pupil_detail(pupil_id: uuid.UUID) -> Pupil:
    return Pupil.objects.prefetch_related(
        Prefetch(
            "enrolments",
            queryset=Enrolment.objects.select_related("school", "class_group", "location")
            .prefetch_related("class_group__mentors")
            .order_by("-school_year", "-start_date"),
        ),
        Prefetch(
            "guardian_relations", queryset=GuardianRelation.objects.select_related("guardian")
        ),
        Prefetch(
            "transitions", queryset=Transition.objects.select_related("from_school", "to_school")
        ),
    ).get(pk=pupil_id)


@dataclass(frozen=True)
class PupilPage:
    pupil: Pupil
    enrolments: list[Enrolment]
    transitions: list[Transition]
    relations: list[GuardianRelation]


def pupil_page(access: PupilAccess) -> PupilPage:
    """What one viewer may see of a pupil's school career. Staff see the enrolments and
    transitions that involve their own schools; the family sees all of them."""
    pupil = pupil_detail(access.pupil_id)
    enrolments = list(pupil.enrolments.all())
    transitions = list(pupil.transitions.all())
    if access.relation == Relation.STAFF:
        mine = access.school_ids
        enrolments = [e for e in enrolments if e.school_id in mine]
        transitions = [t for t in transitions if t.from_school_id in mine or t.to_school_id in mine]
    return PupilPage(
        pupil=pupil,
        enrolments=enrolments,
        transitions=transitions,
        relations=list(pupil.guardian_relations.all()),
    )


def children_of_user(user: User) -> list[Pupil]:
    """The pupils a guardian (or the pupil) account may see; a guardian of a pupil of 18 or
    older only when the pupil allowed it."""
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    own = list(Pupil.objects.filter(user=user))
    relations = GuardianRelation.objects.filter(guardian__user=user).select_related("pupil")
    children = [
        r.pupil
        for r in relations
        if guardians_keep_access(r.pupil.birth_date, today, r.adult_pupil_allows_access)
    ]
    return sorted({p.pk: p for p in own + children}.values(), key=lambda p: (p.sort_key, p.pk))


def transitions_of_school(*, school: School, school_years: list[int]) -> QuerySet[Transition]:
    return (
        Transition.objects.filter(
            Q(from_school=school) | Q(to_school=school), school_year__in=school_years
        )
        .select_related("pupil", "from_school", "to_school")
        .order_by("pupil__sort_key", "pupil__id")
    )


# What an outgoing transition can wait for, as the start page and the transitions page name it.
WAITING = ("review", "to_send")


def outgoing_waiting(
    *, school: School, school_years: list[int], waiting: str
) -> QuerySet[Transition]:
    """The school's open outgoing transitions of these years whose dossier has not gone yet:
    `review` — the guardians' review is open and not complete (its step is not done);
    `to_send` — every one whose dossier is still to send."""
    transitions = (
        Transition.objects.filter(
            from_school=school, school_year__in=school_years, sent_at__isnull=True
        )
        .exclude(status__in=[TransitionStatus.CANCELLED, TransitionStatus.COMPLETED])
        .select_related("pupil", "from_school", "to_school")
        .order_by("pupil__sort_key", "pupil__id")
    )
    if waiting == "review":
        # the review and the steps are apps above this one: named in the query only
        transitions = transitions.annotate(
            review_step=FilteredRelation("steps", condition=Q(steps__key="review_done"))
        ).filter(guardian_review__isnull=False, review_step__done_at__isnull=True)
    return transitions


def guardians_to_invite(pupil: Pupil) -> QuerySet[Guardian]:
    return Guardian.objects.filter(relations__pupil=pupil, user__isnull=True).order_by("surname")
