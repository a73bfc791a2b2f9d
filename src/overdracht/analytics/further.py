"""The evaluation of the transitions from secondary school to MBO, HBO and WO: registered
before the deadline, the intake, the start and the first year as the institution reported
them, and the transfer dossier sent. Counted per cohort (the year the pupils start their
programme) into the same pre-aggregated figures as PO→VO, under their own kind."""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.utils import timezone

from overdracht.analytics.models import CohortFigure, CohortRefresh
from overdracht.further_education.models import (
    ACTIVE_STATUSES,
    Registration,
    StartKind,
    StartReport,
    TransferDossier,
)
from overdracht.further_education.selectors import deadline_of
from overdracht.pupils.models import Transition, TransitionKind, TransitionStatus

KIND = "vo_vervolg"  # the figures' kind: both VO→MBO and VO→HBO/WO
KINDS = (TransitionKind.VO_MBO, TransitionKind.VO_HO)

REGISTERED = "further:registered"
INTAKE = "further:intake"
START = "further:start"
DOSSIER = "further:dossier"
REGISTERED_CATEGORIES = ["on_time", "late", "none"]
INTAKE_CATEGORIES = ["attended", "no_show", "unknown"]
# The worst the institution reported wins: a drop-out over a change over a no-show.
START_CATEGORIES = ["first_year", "started", "changed", "no_show", "dropped_out", "unknown"]
DOSSIER_CATEGORIES = ["sent", "not_sent"]

Key = tuple[int | None, int | None, str, str]


def _start(kinds: set[str]) -> str:
    for kind in (StartKind.DROPPED_OUT, StartKind.NO_SHOW, StartKind.CHANGED):
        if kind in kinds:
            return str(kind)
    if StartKind.FIRST_YEAR in kinds:
        return str(StartKind.FIRST_YEAR)
    return str(StartKind.STARTED) if StartKind.STARTED in kinds else "unknown"


def categories_of(
    t: Transition, registration: Registration | None, reported: set[str], sent: bool
) -> list[tuple[str, str]]:
    """[(measure, category)] of one pupil leaving for further education."""
    if registration is None:
        return [(REGISTERED, "none")]
    on_time = registration.registered_on <= deadline_of(t)
    return [
        (REGISTERED, "on_time" if on_time else "late"),
        (INTAKE, registration.intake_outcome or "unknown"),
        (START, _start(reported)),
        (DOSSIER, "sent" if sent else "not_sent"),
    ]


def further_refresh(school_year: int) -> int:
    """Recompute the figures of the pupils who start further education in `school_year`."""
    transitions = list(
        Transition.objects.filter(kind__in=KINDS, school_year=school_year)
        .exclude(status=TransitionStatus.CANCELLED)
        .only("pk", "kind", "school_year", "from_school_id", "to_school_id")
    )
    registrations: dict[int, list[Registration]] = {}
    for r in Registration.objects.filter(transition__in=transitions).order_by(
        "-registered_on", "-pk"
    ):
        registrations.setdefault(r.transition_id, []).append(r)
    reported: dict[int, set[str]] = {}
    for registration_id, kind in StartReport.objects.filter(
        registration__transition__in=transitions
    ).values_list("registration_id", "kind"):
        reported.setdefault(registration_id, set()).add(kind)
    sent = set(
        TransferDossier.objects.filter(
            registration__transition__in=transitions, sent_at__isnull=False
        ).values_list("registration_id", flat=True)
    )
    counts: Counter[Key] = Counter()
    for t in transitions:
        found = registrations.get(t.pk, [])
        active = [r for r in found if r.status in ACTIVE_STATUSES]
        current = (active or found)[0] if found else None
        for measure, category in categories_of(
            t,
            current,
            reported.get(current.pk, set()) if current else set(),
            current is not None and current.pk in sent,
        ):
            to_school = current.institution_id if current else None
            counts[(t.from_school_id, to_school, measure, category)] += 1
    with transaction.atomic():
        CohortFigure.objects.filter(school_year=school_year, kind=KIND).delete()
        CohortFigure.objects.bulk_create(
            CohortFigure(
                school_year=school_year,
                kind=KIND,
                from_school_id=from_id,
                to_school_id=to_id,
                needs_support=False,
                measure=measure,
                category=category,
                count=n,
            )
            for (from_id, to_id, measure, category), n in counts.items()
        )
        CohortRefresh.objects.update_or_create(
            school_year=school_year,
            kind=KIND,
            defaults={"refreshed_at": timezone.now(), "transitions": len(transitions)},
        )
    return len(transitions)


def further_cohorts(this_year: int) -> list[int]:
    years = (
        Transition.objects.filter(kind__in=KINDS, school_year__gte=this_year - 2)
        .order_by()
        .values_list("school_year", flat=True)
        .distinct()
    )
    return sorted(y for y in years if y <= this_year + 1)
