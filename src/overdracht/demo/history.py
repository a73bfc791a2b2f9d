"""How the brugklassers' transitions went, for the yearly evaluation: the steps before the
summer done around the dates of the regional calendar (most on time, some late, a few
dossiers sent before the guardians' review was recorded), the warm handovers in June, the
six-week check-ins in October (a few of Erasmus Lyceum still open) and, for the pupils whose
dossier the demo does not carry, the primary school's advice: mostly the level the pupil is
in now, some a level lower or higher. Written straight to the models: nobody acts here."""

from __future__ import annotations

import datetime as dt
import random

from overdracht.dossiers.models import DossierSection
from overdracht.dossiers.sections import SectionKind
from overdracht.pupils.models import Enrolment, Transition
from overdracht.steps.models import TransitionStep

LEVELS = ["pro", "vmbo-bb", "vmbo-kb", "vmbo-gt", "havo", "vwo"]
# The steps the product marks itself when their facts are there (the demo's activity makes
# those), and the feedback, which no mentor has sent yet.
MARKED_BY_THE_PRODUCT = ("received", "analysed", "passport_shared", "feedback_sent")


def cohort_history(year: int) -> None:
    rng = random.Random(year)
    transitions = list(
        Transition.objects.filter(kind="po_vo", school_year=year, status="completed")
        .select_related("to_school")
        .order_by("pk")
    )
    steps = {
        (s.transition_id, s.key): s
        for s in TransitionStep.objects.filter(transition__in=transitions).exclude(
            key__in=MARKED_BY_THE_PRODUCT
        )
    }
    for index, t in enumerate(transitions):
        previous = dt.date(year, 1, 20)
        for key in (
            "provisional_advice",
            "test_result",
            "advice_given",
            "registered",
            "dossier_requested",
            "review_done",
            "dossier_sent",
        ):
            step = steps.get((t.pk, key))
            if step is None:
                continue
            if step.due_date is None:  # no milestone: some days after the step before
                step.done_at = previous + dt.timedelta(days=rng.randint(3, 20))
            elif rng.random() < 0.12:
                step.done_at = step.due_date + dt.timedelta(days=rng.randint(2, 12))
            else:
                step.done_at = step.due_date - dt.timedelta(days=rng.randint(0, 10))
            previous = step.done_at
        review, sent = steps.get((t.pk, "review_done")), steps.get((t.pk, "dossier_sent"))
        if review and sent and sent.done_at and index % 15 == 7:
            review.done_at = sent.done_at + dt.timedelta(days=3)  # sent before the review
        if held := steps.get((t.pk, "warm_handover_held")):
            held.done_at = dt.date(year, 6, rng.randint(8, 26))
        if aftercare := steps.get((t.pk, "aftercare")):
            still_open = (
                t.to_school is not None and "Erasmus" in t.to_school.name and index % 6 == 0
            )
            aftercare.done_at = None if still_open else dt.date(year, 10, rng.randint(5, 20))
    TransitionStep.objects.bulk_update(steps.values(), ["done_at"])
    _advices(transitions, rng)


def _advices(transitions: list[Transition], rng: random.Random) -> None:
    """The primary school's final advice of every pupil whose dossier the demo lacks."""
    known = set(
        DossierSection.objects.filter(
            kind=SectionKind.ADVICE, pupil_id__in=[t.pupil_id for t in transitions]
        ).values_list("pupil_id", flat=True)
    )
    levels = (
        dict(
            Enrolment.objects.filter(
                pupil_id__in=[t.pupil_id for t in transitions],
                school_year=transitions[0].school_year,
            )
            .exclude(level="")
            .values_list("pupil_id", "level")
        )
        if transitions
        else {}
    )
    for t in transitions:
        level = levels.get(t.pupil_id)
        if t.pupil_id in known or t.from_school_id is None or level not in LEVELS:
            continue
        rank = LEVELS.index(level)
        draw = rng.random()
        if draw < 0.15 and rank > 0:
            rank -= 1  # the pupil is in a level above the advice
        elif draw > 0.88 and rank < len(LEVELS) - 1:
            rank += 1  # the pupil is in a level below the advice
        DossierSection.objects.create(
            pupil_id=t.pupil_id,
            school_id=t.from_school_id,
            kind=SectionKind.ADVICE,
            content={"final_advice": LEVELS[rank], "final_date": f"{t.school_year}-03-15"},
            updated_by_id=None,
        )
