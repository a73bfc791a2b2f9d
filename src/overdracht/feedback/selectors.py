"""Public reads of the feedback: which moments are due for a former pupil, what the product
already knows for the form (class, level, progress, the position against the original
advice), what a mentor still has to give, and what the sending school and the family see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import DossierSection
from overdracht.dossiers.sections import SectionKind
from overdracht.feedback.models import Moment, Position, Progress, PupilFeedback
from overdracht.oso.models import ReceivedDossier
from overdracht.passports.models import ReadReceipt
from overdracht.passports.selectors import current_versions
from overdracht.promotion.models import Outcome, PromotionDecision
from overdracht.pupils.models import Enrolment, Transition, TransitionKind, TransitionStatus
from overdracht.schools.models import ClassGroup, School
from overdracht.steps.models import TransitionStep

LEVEL_ORDER = ["pro", "vmbo-bb", "vmbo-kb", "vmbo-gt", "havo", "vwo"]
# The levels an advice covers: a double advice covers both.
ADVICE_LEVELS = {
    "pro": ["pro"],
    "vmbo-bb": ["vmbo-bb"],
    "vmbo-bb-kb": ["vmbo-bb", "vmbo-kb"],
    "vmbo-kb": ["vmbo-kb"],
    "vmbo-kb-gt": ["vmbo-kb", "vmbo-gt"],
    "vmbo-gt": ["vmbo-gt"],
    "vmbo-gt-havo": ["vmbo-gt", "havo"],
    "havo": ["havo"],
    "havo-vwo": ["havo", "vwo"],
    "vwo": ["vwo"],
}


def position_against_advice(advice: str, level: str) -> str:
    """Below, on or above the advice (the inspectorate's way), or "" when either is unknown."""
    covered = ADVICE_LEVELS.get(advice)
    if not covered or level not in LEVEL_ORDER:
        return ""
    rank = LEVEL_ORDER.index(level)
    low, high = LEVEL_ORDER.index(covered[0]), LEVEL_ORDER.index(covered[-1])
    if rank < low:
        return Position.BELOW
    return Position.ABOVE if rank > high else Position.ON


def original_advice(transition: Transition) -> str:
    """The primary school's final advice before any reconsideration: as the sending school
    wrote it, else as the receiving school received it."""
    return original_advices([transition]).get(transition.pk, "")


def original_advices(transitions: list[Transition]) -> dict[int, str]:
    """{transition id: the original advice} of these transitions (one query), where known."""
    schools = {i for t in transitions for i in (t.from_school_id, t.to_school_id) if i}
    contents = {
        (s.pupil_id, s.school_id): s.content
        for s in DossierSection.objects.filter(
            pupil_id__in={t.pupil_id for t in transitions},
            kind=SectionKind.ADVICE,
            school_id__in=schools,
        ).only("pupil_id", "school_id", "content")
    }
    result: dict[int, str] = {}
    for t in transitions:
        for school_id in (t.from_school_id, t.to_school_id):
            content = contents.get((t.pupil_id, school_id or 0)) or {}
            if content.get("final_advice"):
                result[t.pk] = str(content["final_advice"])
                break
    return result


def moment_opens(transition: Transition, moment: str) -> dt.date:
    return opens_on(transition.school_year, moment)


def opens_on(start: int, moment: str) -> dt.date:
    """The date a moment opens for the pupils who started in the school year `start`."""
    return {
        Moment.FIRST_REPORT: dt.date(start, 11, 1),
        Moment.END_OF_YEAR_1: dt.date(start + 1, 6, 1),
        Moment.YEAR_3: dt.date(start + 2, 11, 1),
    }[Moment(moment)]


def prefill(transition: Transition, moment: str) -> dict[str, Any]:
    enrolment = (
        Enrolment.objects.filter(
            pupil_id=transition.pupil_id, school_id=transition.to_school_id or 0
        )
        .select_related("class_group")
        .order_by("-school_year")
        .first()
    )
    data: dict[str, Any] = {}
    if enrolment is None:
        return data
    data.update(
        class_name=enrolment.class_group.name if enrolment.class_group else "",
        year_group=enrolment.year_group,
        level=enrolment.level,
        position=position_against_advice(original_advice(transition), enrolment.level),
    )
    if moment != Moment.FIRST_REPORT:
        decision = (
            PromotionDecision.objects.filter(enrolment__pupil_id=transition.pupil_id)
            .exclude(outcome="")
            .order_by("-enrolment__school_year")
            .first()
        )
        if decision is not None:
            data["progress"] = _progress_of(decision, enrolment.level)
    return data


def _progress_of(decision: PromotionDecision, level: str) -> str:
    if decision.outcome == Outcome.REPEATS:
        return Progress.REPEATED
    known = level in LEVEL_ORDER and decision.next_level in LEVEL_ORDER
    if decision.outcome == Outcome.OTHER_LEVEL and known:
        up = LEVEL_ORDER.index(decision.next_level) > LEVEL_ORDER.index(level)
        return Progress.UP if up else Progress.DOWN
    return Progress.PROMOTED


@dataclass(frozen=True)
class Due:
    transition: Transition
    moment: str


def _arrivals(**lookups: Any) -> QuerySet[Transition]:
    return (
        Transition.objects.filter(
            kind__in=[TransitionKind.PO_VO, TransitionKind.PO_PO, TransitionKind.VO_VO],
            **lookups,
        )
        .exclude(status=TransitionStatus.CANCELLED)
        .select_related("pupil", "from_school", "to_school")
    )


def due_for(transitions: list[Transition], today: dt.date | None = None) -> list[Due]:
    """The moments open for these transitions and not sent yet (one query)."""
    today = today or timezone.localdate()
    sent = set(
        PupilFeedback.objects.filter(transition__in=transitions).values_list(
            "transition_id", "moment"
        )
    )
    return [
        Due(t, moment)
        for t in transitions
        for moment in Moment.values
        if moment_opens(t, moment) <= today and (t.pk, moment) not in sent
    ]


def to_give(user: User) -> list[Due]:
    """Feedback due about the pupils of the classes the user mentors this year."""
    year = current_school_year()
    classes = ClassGroup.objects.filter(mentors=user, school_year=year)
    pupils = Enrolment.objects.filter(class_group__in=classes, end_date__isnull=True).values(
        "pupil_id"
    )
    schools = classes.values("school_id")
    arrivals = list(
        _arrivals(
            pupil_id__in=pupils,
            to_school_id__in=schools,
            school_year__gte=year - 2,
            school_year__lte=year,
        )
    )
    return due_for(arrivals)


def transition_of_school(school: School, transition_id: int) -> Transition | None:
    return _arrivals(pk=transition_id, to_school=school).first()


@dataclass(frozen=True)
class FormerPupil:
    transition: Transition
    received: bool
    opened: bool
    readers: int  # staff who confirmed the current passport: a count, no names
    warm_handover_held: bool
    aftercare_done: bool
    feedback: list[PupilFeedback]


def former_pupils(school: School) -> dict[int, list[FormerPupil]]:
    """The sending school's former pupils per school year of leaving (the transitions it
    sent to schools of the installation, once the pupil has started there): whether the
    dossier arrived and was opened, how many staff read the passport, whether the warm
    handover and the aftercare were done, and the feedback it received. Never the receiving
    school's dossier."""
    transitions = list(
        _arrivals(
            from_school=school,
            to_school__isnull=False,
            school_year__lte=current_school_year(),  # started at the new school already
        ).order_by("-school_year", "pupil__sort_key")
    )
    ids = [t.pk for t in transitions]
    done = set(
        TransitionStep.objects.filter(transition_id__in=ids, done_at__isnull=False).values_list(
            "transition_id", "key"
        )
    )
    passports = current_versions([t.pupil_id for t in transitions])
    readers: dict[int, int] = {}
    for passport_id in ReadReceipt.objects.filter(
        passport__in=list(passports.values())
    ).values_list("passport_id", flat=True):
        readers[passport_id] = readers.get(passport_id, 0) + 1
    feedback: dict[int, list[PupilFeedback]] = {}
    for f in PupilFeedback.objects.filter(transition_id__in=ids).order_by("sent_at"):
        feedback.setdefault(f.transition_id, []).append(f)
    opened = set(
        ReceivedDossier.objects.filter(
            transition_id__in=ids, first_opened_at__isnull=False
        ).values_list("transition_id", flat=True)
    )
    result: dict[int, list[FormerPupil]] = {}
    for t in transitions:
        passport = passports.get(t.pupil_id)
        result.setdefault(t.school_year - 1, []).append(
            FormerPupil(
                transition=t,
                received=(t.pk, "received") in done,
                opened=t.pk in opened,
                readers=readers.get(passport.pk, 0) if passport else 0,
                warm_handover_held=(t.pk, "warm_handover_held") in done,
                aftercare_done=(t.pk, "aftercare") in done,
                feedback=feedback.get(t.pk, []),
            )
        )
    return result


def feedback_for_family(pupil_id: Any) -> list[PupilFeedback]:
    return list(
        PupilFeedback.objects.filter(transition__pupil_id=pupil_id)
        .select_related("transition__from_school", "transition__to_school")
        .order_by("-sent_at")
    )
