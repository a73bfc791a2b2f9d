"""Reading the way to the vervolgopleiding: the decaan's overview per class with its signals,
one pupil's choices and registrations, the institution's incoming registrations, and what
waits in *Mijn taken*."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year, school_year_of
from overdracht.further_education.models import (
    ACTIVE_STATUSES,
    Choice,
    IntakeOutcome,
    Registration,
    StartKind,
    StartReport,
    Status,
    TransferDossier,
)
from overdracht.pupils.models import Enrolment, Pupil, Transition, TransitionKind, TransitionStatus
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.permissions import Perm, school_permissions

OUTGOING_KINDS = (TransitionKind.VO_MBO, TransitionKind.VO_HO)
STATUS_LABELS = dict(Status.choices)
# A pupil without a registration is signalled from four weeks before the deadline.
SIGNAL_DAYS = 28


def deadline_of(transition: Transition) -> dt.date:
    """1 April for MBO (the right to admission), 1 May for HBO and WO."""
    month = 4 if transition.kind == TransitionKind.VO_MBO else 5
    return dt.date(transition.school_year, month, 1)


@dataclass
class Row:
    pupil: Pupil
    class_name: str
    transition: Transition
    choices: list[Choice] = field(default_factory=list)
    registration: Registration | None = None  # the current one: active, else the latest
    dossier: TransferDossier | None = None
    reports: list[StartReport] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    # worked out once, for a list of hundreds of rows
    deadline: dt.date = dt.date.min
    on_time: bool | None = None
    status: str = ""  # the registration's status in words
    dossier_state: str = ""  # opened, sent, signed, writing or ""

    def __post_init__(self) -> None:
        self.deadline = deadline_of(self.transition)
        r, d = self.registration, self.dossier
        if r is not None:
            self.on_time = r.registered_on <= self.deadline
            self.status = str(STATUS_LABELS[r.status])
        if d is not None:
            self.dossier_state = (
                "opened"
                if d.opened_at
                else "sent"
                if d.sent_at
                else "signed"
                if d.pupil_signed_at
                else "writing"
            )


def signals_of(row: Row, today: dt.date) -> list[str]:
    found: list[str] = []
    registration = row.registration
    if (
        registration is None or not registration.is_active
    ) and today >= row.deadline - dt.timedelta(days=SIGNAL_DAYS):
        found.append(
            _("No registration, deadline %(day)s") % {"day": row.deadline.strftime("%d-%m-%Y")}
        )
    if registration is not None:
        if registration.status in (Status.NOT_ADMITTED, Status.WITHDRAWN):
            found.append(row.status)
        if registration.intake_outcome == IntakeOutcome.NO_SHOW:
            found.append(_("No-show at the intake"))
    for report in row.reports:
        if report.kind not in (StartKind.STARTED, StartKind.FIRST_YEAR):
            found.append(str(report.get_kind_display()))
    return found


def _current(registrations: list[Registration]) -> Registration | None:
    active = [r for r in registrations if r.status in ACTIVE_STATUSES]
    found = active or registrations
    return found[0] if found else None


def _signal_candidates(today: dt.date) -> Q:
    """Transitions that may carry a signal, as a filter the database applies: without an
    active registration once the deadline is four weeks away (1 April for MBO, 1 May for
    HBO/WO), a no-show at the intake, or a report on the start."""
    active = Registration.objects.filter(transition=OuterRef("pk"), status__in=ACTIVE_STATUSES)
    near = Q()
    for kind, month in ((TransitionKind.VO_MBO, 4), (TransitionKind.VO_HO, 5)):
        # the deadline (school_year, month, 1) is within SIGNAL_DAYS of today
        soon = today + dt.timedelta(days=SIGNAL_DAYS)
        last_year = soon.year if soon.month >= month else soon.year - 1
        near |= Q(kind=kind, school_year__lte=last_year)
    refused = Registration.objects.filter(
        transition=OuterRef("pk"), status__in=[Status.NOT_ADMITTED, Status.WITHDRAWN]
    )
    no_show = Registration.objects.filter(
        transition=OuterRef("pk"), intake_outcome=IntakeOutcome.NO_SHOW
    )
    reported = StartReport.objects.filter(registration__transition=OuterRef("pk")).exclude(
        kind__in=[StartKind.STARTED, StartKind.FIRST_YEAR]
    )
    return ((near | Exists(refused)) & ~Exists(active)) | Exists(no_show) | Exists(reported)


def overview(
    school: School,
    *,
    class_group: ClassGroup | None = None,
    only_signals: bool = False,
    today: dt.date | None = None,
) -> list[Row]:
    """The school's pupils with a transition to further education — of one class, or only
    those with a signal: who has chosen, who has registered (on time), the intake, the
    transfer dossier, the first weeks; signals. A fixed number of queries, whatever the
    number of pupils."""
    today = today or timezone.localdate()
    enrolments = Enrolment.objects.filter(school=school, end_date__isnull=True)
    if class_group is not None:
        enrolments = enrolments.filter(class_group=class_group)
    transitions = Transition.objects.filter(
        from_school=school, kind__in=OUTGOING_KINDS, pupil_id__in=enrolments.values("pupil_id")
    ).exclude(status=TransitionStatus.CANCELLED)
    if only_signals:
        transitions = transitions.filter(_signal_candidates(today))
    transitions = (
        transitions.select_related("pupil")
        .prefetch_related(
            Prefetch(
                "registrations",
                queryset=Registration.objects.select_related("institution", "dossier")
                .defer("guidance", "dossier__pupil_part", "dossier__school_part")
                .prefetch_related("start_reports")
                .order_by("-registered_on", "-pk"),
            )
        )
        .order_by("pupil__sort_key")
    )
    found = list(transitions)
    pupils = [t.pupil_id for t in found]
    classes = dict(
        enrolments.filter(pupil_id__in=pupils).values_list("pupil_id", "class_group__name")
    )
    choices: dict[uuid.UUID, list[Choice]] = {}
    for choice in Choice.objects.filter(pupil_id__in=pupils).select_related("institution"):
        choices.setdefault(choice.pupil_id, []).append(choice)
    rows = []
    for t in found:
        registration = _current(list(t.registrations.all()))
        row = Row(
            pupil=t.pupil,
            class_name=classes.get(t.pupil_id) or "",
            transition=t,
            choices=[c for c in choices.get(t.pupil_id, []) if c.school_year == t.school_year],
            registration=registration,
            dossier=getattr(registration, "dossier", None) if registration else None,
            reports=list(registration.start_reports.all()) if registration else [],
        )
        row.signals = signals_of(row, today)
        if row.signals or not only_signals:
            rows.append(row)
    return rows


@dataclass(frozen=True)
class ClassSummary:
    class_group: ClassGroup
    pupils: int
    chosen: int
    registered: int  # an active registration

    @property
    def unregistered(self) -> int:
        return self.pupils - self.registered


def class_summaries(school: School) -> list[ClassSummary]:
    """Per exam class: how many pupils, how many have chosen, how many registered (a few
    light queries, whatever the number of pupils)."""
    leaving = Transition.objects.filter(from_school=school, kind__in=OUTGOING_KINDS).exclude(
        status=TransitionStatus.CANCELLED
    )
    members: dict[int, set[uuid.UUID]] = {}
    for class_id, pupil_id in Enrolment.objects.filter(
        school=school, end_date__isnull=True, pupil_id__in=leaving.values("pupil_id")
    ).values_list("class_group_id", "pupil_id"):
        if class_id:
            members.setdefault(class_id, set()).add(pupil_id)
    everyone = set().union(*members.values()) if members else set()
    chosen = set(Choice.objects.filter(pupil_id__in=everyone).values_list("pupil_id", flat=True))
    registered = set(
        Registration.objects.filter(transition__in=leaving, status__in=ACTIVE_STATUSES).values_list(
            "transition__pupil_id", flat=True
        )
    )
    groups = ClassGroup.objects.filter(pk__in=list(members)).order_by("name")
    return [
        ClassSummary(
            class_group=g,
            pupils=len(members[g.pk]),
            chosen=len(members[g.pk] & chosen),
            registered=len(members[g.pk] & registered),
        )
        for g in groups
    ]


def exam_classes(school: School) -> list[ClassGroup]:
    """The classes whose pupils leave for further education."""
    pupils = Transition.objects.filter(from_school=school, kind__in=OUTGOING_KINDS).values(
        "pupil_id"
    )
    return list(
        ClassGroup.objects.filter(school=school, enrolments__pupil_id__in=pupils)
        .distinct()
        .order_by("name")
    )


def outgoing_transition(pupil_id: uuid.UUID) -> Transition | None:
    return (
        Transition.objects.filter(pupil_id=pupil_id, kind__in=OUTGOING_KINDS)
        .exclude(status=TransitionStatus.CANCELLED)
        .select_related("from_school", "to_school")
        .order_by("-school_year")
        .first()
    )


def registrations_of(pupil_id: uuid.UUID) -> list[Registration]:
    return list(
        Registration.objects.filter(transition__pupil_id=pupil_id)
        .select_related("institution", "dossier", "transition")
        .prefetch_related("start_reports", "aftercare_contacts", "changes")
    )


def choices_of(pupil_id: uuid.UUID) -> list[Choice]:
    return list(
        Choice.objects.filter(pupil_id=pupil_id)
        .select_related("institution")
        .prefetch_related("skills")
    )


def incoming(institution: School) -> list[Registration]:
    """The registrations at the institution, newest first: name, programme, status, intake,
    and whether the transfer dossier has arrived."""
    return list(
        Registration.objects.filter(institution=institution)
        .select_related("transition__pupil", "transition__from_school", "dossier")
        .prefetch_related("start_reports")
        .order_by("status", "-registered_on")
    )


def institutions() -> list[School]:
    """The MBO and higher-education institutions of the installation."""
    return list(School.objects.filter(kind__in=["MBO", "HO"]).order_by("name"))


def last_mentors(pupil_ids: list[uuid.UUID]) -> dict[uuid.UUID, set[int]]:
    """{pupil: the mentors of the pupil's latest class at their secondary school}."""
    result: dict[uuid.UUID, set[int]] = {}
    latest: dict[uuid.UUID, int] = {}
    for pupil_id, class_id in (
        Enrolment.objects.filter(pupil_id__in=pupil_ids, class_group__isnull=False)
        .order_by("school_year")
        .values_list("pupil_id", "class_group_id")
    ):
        latest[pupil_id] = class_id
    mentors = ClassGroup.mentors.through.objects.filter(classgroup_id__in=set(latest.values()))
    by_class: dict[int, set[int]] = {}
    for class_id, user_id in mentors.values_list("classgroup_id", "user_id"):
        by_class.setdefault(class_id, set()).add(user_id)
    for pupil_id, class_id in latest.items():
        result[pupil_id] = by_class.get(class_id, set())
    return result


@dataclass(frozen=True)
class Notice:
    text: str
    pupil_id: uuid.UUID
    date: dt.date | None
    overdue: bool
    report_id: int | None = None  # a report on the start, for the pupil's last mentor
    registration_id: int | None = None  # a transfer dossier waiting for the school's part
    aftercare_id: int | None = None  # a registration waiting for the aftercare contact


def notices_for(user: User, today: dt.date | None = None) -> list[Notice]:
    """What waits for the user in *Mijn taken*: for the decaan (and the guiding roles) the
    signals of their schools' pupils; for the pupil's last mentor the institution's reports
    on the start that they have not marked seen."""
    today = today or timezone.localdate()
    notices: list[Notice] = []
    for school in guided_schools(user):
        for row in overview(school, only_signals=True, today=today):
            unregistered = row.registration is None or not row.registration.is_active
            notices.extend(
                Notice(
                    text=f"{row.pupil.name} ({row.class_name}): {signal}",
                    pupil_id=row.pupil.pk,
                    date=row.deadline if unregistered else None,
                    overdue=unregistered and today > row.deadline,
                )
                for signal in row.signals
            )
    notices.extend(_dossiers_to_send(user))
    notices.extend(aftercare_due(user, today))
    reports = list(
        StartReport.objects.filter(seen_at__isnull=True)
        .exclude(kind__in=[StartKind.STARTED, StartKind.FIRST_YEAR])
        .select_related("registration__transition__pupil", "registration__institution")
    )
    mentors = last_mentors([r.registration.transition.pupil_id for r in reports])
    notices.extend(
        Notice(
            text=_("%(institution)s reports about %(pupil)s: %(what)s")
            % {
                "institution": report.registration.institution_label,
                "pupil": report.registration.transition.pupil.name,
                "what": str(report.get_kind_display()).lower(),
            },
            pupil_id=report.registration.transition.pupil_id,
            date=report.reported_on,
            overdue=False,
            report_id=report.pk,
        )
        for report in reports
        if user.pk in mentors.get(report.registration.transition.pupil_id, set())
    )
    return notices


def guided_schools(user: User) -> list[School]:
    perms = school_permissions(user)
    guiding = [sid for sid, p in perms.items() if Perm.CAREER_GUIDANCE in p]
    return list(School.objects.filter(pk__in=guiding, kind__in=["VO", "VSO"]).order_by("name"))


def _dossiers_to_send(user: User) -> list[Notice]:
    """Transfer dossiers the pupil signed off that wait for the school's advice: for the
    pupil's mentor this year and the guiding roles of the school."""
    year = current_school_year()
    mentored = Enrolment.objects.filter(
        class_group__mentors=user, class_group__school_year=year, end_date__isnull=True
    ).values("pupil_id")
    guided = [s.pk for s in guided_schools(user)]
    waiting = (
        TransferDossier.objects.filter(pupil_signed_at__isnull=False, sent_at__isnull=True)
        .filter(
            Q(registration__transition__pupil_id__in=mentored)
            | Q(registration__transition__from_school_id__in=guided)
        )
        .select_related("registration__transition__pupil", "registration__institution")
    )
    return [
        Notice(
            text=_("Add the advice to the transfer dossier of %(pupil)s and send it")
            % {"pupil": d.registration.transition.pupil.name},
            pupil_id=d.registration.transition.pupil_id,
            date=timezone.localdate(d.pupil_signed_at) if d.pupil_signed_at else None,
            overdue=False,
            registration_id=d.registration_id,
        )
        for d in waiting
    ]


def may_see_report(user: User, report: StartReport) -> bool:
    return follows_up(user, report.registration)


def follows_up(user: User, registration: Registration) -> bool:
    """Who follows a former pupil at the new institution, also once the pupil has left:
    the pupil's last mentor and the guiding roles of the school the pupil left."""
    pupil_id = registration.transition.pupil_id
    if user.pk in last_mentors([pupil_id]).get(pupil_id, set()):
        return True
    from_school = registration.transition.from_school_id
    return Perm.CAREER_GUIDANCE in school_permissions(user).get(from_school or 0, set())


# The secondary school's aftercare contact is due from this day of the start year.
AFTERCARE_FROM = (9, 15)


def aftercare_due(user: User, today: dt.date) -> list[Notice]:
    """Former pupils who started at an institution this school year and whose dossier went
    there, without an aftercare contact yet: for the guiding roles of the school they left."""
    year = school_year_of(today)
    if (today.month, today.day) < AFTERCARE_FROM and today.month >= 8:
        return []
    guided = [s.pk for s in guided_schools(user)]
    waiting = Registration.objects.filter(
        transition__from_school_id__in=guided,
        transition__school_year=year,
        status__in=ACTIVE_STATUSES,
        dossier__sent_at__isnull=False,
        aftercare_contacts__isnull=True,
    ).select_related("transition__pupil", "institution")
    return [
        Notice(
            text=_("Aftercare contact with %(institution)s about %(pupil)s")
            % {"institution": r.institution_label, "pupil": r.transition.pupil.name},
            pupil_id=r.transition.pupil_id,
            date=dt.date(year, *AFTERCARE_FROM),
            overdue=today > dt.date(year, 10, 15),
            aftercare_id=r.pk,
        )
        for r in waiting
    ]
