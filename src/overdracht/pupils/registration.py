"""Registration (aanmelding) and the request for the dossier: the receiving school records
that the pupil registered, which fills the transition's receiving school and asks the
sending school for the dossier; or the sending school records the chosen school. The law
allows the dossier to go only after this.

Public API: `registration_find`, `registration_record`, `receiving_school_choose`,
`RegistrationError` (the message says why, in Dutch), `dossier_sent_mark`.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.pupils import events
from overdracht.pupils.models import Enrolment, Transition, TransitionStatus
from overdracht.pupils.services import enrolment_create
from overdracht.schools.models import PRIMARY_KINDS, SECONDARY_KINDS, School

OPEN = (TransitionStatus.PLANNED, TransitionStatus.IN_PROGRESS)
RECEIVING_KINDS = {
    "po_vo": SECONDARY_KINDS,
    "po_po": PRIMARY_KINDS,
    "vo_vo": SECONDARY_KINDS,
}
DEFAULT_REQUEST_DAYS = 14


class RegistrationError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def registration_find(
    *, school: School, number: str, birth_date: dt.date, from_school: School
) -> Transition | None:
    """The open transition from `from_school` of the pupil with this BSN or onderwijsnummer
    and birth date, to a school of `school`'s kind. None when there is none: the caller says
    so without telling whether the pupil exists."""
    kinds = [k for k, schools in RECEIVING_KINDS.items() if school.kind in schools]
    number = number.strip()
    if not number:
        return None
    return (
        Transition.objects.filter(
            Q(pupil__bsn=number) | Q(pupil__onderwijsnummer=number),
            pupil__birth_date=birth_date,
            from_school=from_school,
            kind__in=kinds,
            status__in=OPEN,
        )
        .filter(Q(to_school__isnull=True) | Q(to_school=school))
        .select_related("pupil", "from_school")
        .first()
    )


def registration_record(
    *,
    transition: Transition,
    school: School,
    day: dt.date,
    actor_id: int | None,
    due: dt.date | None = None,
) -> Transition:
    """The pupil registered at `school`: the transition gets its receiving school, the pupil
    an enrolment for the year of arrival, and the sending school a request for the dossier
    (due in two weeks unless `due` says otherwise). One transaction; audited at both."""
    if transition.to_school_id not in (None, school.pk):
        raise RegistrationError(
            _(
                "Another school has already been recorded for this pupil; "
                "contact the sending school."
            )
        )
    if school.kind not in RECEIVING_KINDS.get(transition.kind, frozenset()):
        raise RegistrationError(_("This kind of school does not receive this transition."))
    today = timezone.localdate()
    if day > today:
        raise RegistrationError(_("The date of registration cannot be in the future."))
    with transaction.atomic():
        transition.to_school = school
        transition.registered_on = day
        transition.requested_on = today
        transition.request_due = due or today + dt.timedelta(days=DEFAULT_REQUEST_DAYS)
        transition.status = TransitionStatus.IN_PROGRESS
        transition.save(
            update_fields=["to_school", "registered_on", "requested_on", "request_due", "status"]
        )
        if not Enrolment.objects.filter(
            pupil=transition.pupil, school=school, school_year=transition.school_year
        ).exists():
            enrolment_create(
                pupil=transition.pupil,
                school=school,
                school_year=transition.school_year,
                year_group=_first_year_group(transition),
                start_date=dt.date(transition.school_year, 8, 1),
            )
        for school_id in {school.pk, transition.from_school_id}:
            audit_record(
                AuditAction.PUPIL_REGISTERED,
                actor_id=actor_id,
                school_id=school_id,
                subject_pupil_id=transition.pupil_id,
                target=transition,
                details={"to": school.brin, "due": transition.request_due.isoformat()},
            )
        events.pupil_registered.send(sender=Transition, transition=transition)
    return transition


def receiving_school_choose(
    *, transition: Transition, school: School, actor_id: int | None
) -> Transition:
    """The sending school records the school the pupil registered at (e.g. when that school
    does not use this installation's registration)."""
    if transition.status not in OPEN:
        raise RegistrationError(_("This transition is closed."))
    if school.kind not in RECEIVING_KINDS.get(transition.kind, frozenset()):
        raise RegistrationError(_("Choose a school of the right kind for this transition."))
    if transition.sent_at is not None:
        raise RegistrationError(_("The dossier has already been sent; the school stays as it is."))
    with transaction.atomic():
        transition.to_school = school
        transition.status = TransitionStatus.IN_PROGRESS
        transition.save(update_fields=["to_school", "status"])
        audit_record(
            AuditAction.RECEIVING_SCHOOL_CHOSEN,
            actor_id=actor_id,
            school_id=transition.from_school_id,
            subject_pupil_id=transition.pupil_id,
            target=transition,
            details={"to": school.brin},
        )
        events.receiving_school_chosen.send(sender=Transition, transition=transition)
    return transition


def dossier_sent_mark(*, transition: Transition) -> None:
    """Inside the caller's transaction: the dossier of this transition went out now."""
    transition.sent_at = timezone.now()
    transition.save(update_fields=["sent_at"])


def _first_year_group(transition: Transition) -> int:
    """Secondary school starts in year 1; a primary pupil moving schools keeps their groep."""
    if transition.kind == "po_po":
        last = transition.pupil.enrolments.order_by("-school_year").first()
        return min(last.year_group + 1, 8) if last else 1
    return 1


def receiving_schools(transition: Transition) -> QuerySet[School]:
    """The schools of the installation the pupil can go to: the right kind, same region."""
    kinds = RECEIVING_KINDS.get(transition.kind, frozenset())
    if transition.from_school is None:
        return School.objects.none()
    return School.objects.filter(
        kind__in=kinds, region_id=transition.from_school.region_id
    ).order_by("name")


def sending_schools(school: School) -> QuerySet[School]:
    """The schools of the region a pupil registering at `school` can come from."""
    kinds = [k for k, schools in RECEIVING_KINDS.items() if school.kind in schools]
    sending = {"po_vo": PRIMARY_KINDS, "po_po": PRIMARY_KINDS, "vo_vo": SECONDARY_KINDS}
    allowed = set().union(*(sending[k] for k in kinds)) if kinds else set()
    return School.objects.filter(region_id=school.region_id, kind__in=allowed).order_by("name")


def registrations_of(school: School, school_year: int) -> QuerySet[Transition]:
    """The pupils registered at `school` for `school_year` through this installation."""
    return (
        Transition.objects.filter(
            to_school=school, school_year=school_year, registered_on__isnull=False
        )
        .select_related("pupil", "from_school")
        .order_by("pupil__sort_key", "pupil__id")
    )


def register(
    *,
    school: School,
    from_school: School,
    number: str,
    birth_date: dt.date,
    day: dt.date,
    due: dt.date | None,
    actor_id: int | None,
) -> Transition:
    """Find the pupil's open transition and record the registration; RegistrationError with
    one message for every pupil not found, so nothing tells whether a pupil exists."""
    found = registration_find(
        school=school, number=number, birth_date=birth_date, from_school=from_school
    )
    if found is None:
        raise RegistrationError(
            _(
                "No pupil of that school with this number and date of birth is waiting for a "
                "transition. Check both, or ask the school for the OSO file."
            )
        )
    return registration_record(transition=found, school=school, day=day, due=due, actor_id=actor_id)
