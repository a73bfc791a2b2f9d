"""Public API of the dossiers app for the pupil passport ("wat elke docent moet weten"):
writing versions, confirming reading, who may read it, the class overview and the dashboard
of unread passports. Reads use a fixed number of queries, whatever the class size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.school_year import current_school_year
from overdracht.dossiers import events
from overdracht.dossiers.models import (
    Arrangement,
    DossierSection,
    PassportReminder,
    PassportVersion,
    ReadReceipt,
)
from overdracht.dossiers.sections import SPECS, SectionKind
from overdracht.pupils.models import Enrolment, Pupil
from overdracht.pupils.permissions import PupilAccess, Relation, active_enrolment_filter
from overdracht.schools.models import ClassGroup, ClassTeacher, School
from overdracht.schools.permissions import Perm
from overdracht.schools.selectors import readers_of_class

MIN_TIPS, MAX_TIPS = 3, 6
ARRANGEMENT_LABELS = dict(Arrangement.choices)

# The reference-level domains in the short words of a table cell.
LEVEL_DOMAINS: dict[str, Any] = {
    "reading": gettext_lazy("reading"),
    "language": gettext_lazy("language"),
    "maths": gettext_lazy("maths"),
}


def passport_save(
    *,
    request: HttpRequest,
    pupil: Pupil,
    tips: list[str],
    strengths: str,
    what_works: str,
    what_does_not_work: str,
    arrangements: list[str],
    contact: str,
    valid_until: dt.date | None,
    school_id: int | None = None,
) -> PassportVersion:
    tips = [t.strip() for t in tips if t.strip()]
    if not MIN_TIPS <= len(tips) <= MAX_TIPS:
        raise ValidationError(_("Write 3 to 6 concrete tips for the lesson."))
    unknown = set(arrangements) - set(Arrangement.values)
    if unknown:
        raise ValidationError(_("Unknown arrangement."))
    author = authenticated_user(request).pk
    last = PassportVersion.objects.filter(pupil=pupil).aggregate(v=Max("version"))["v"] or 0
    try:
        with transaction.atomic():
            passport = PassportVersion.objects.create(
                pupil=pupil,
                version=last + 1,
                tips=tips,
                strengths=strengths.strip(),
                what_works=what_works.strip(),
                what_does_not_work=what_does_not_work.strip(),
                arrangements=arrangements,
                contact=contact.strip(),
                valid_until=valid_until,
                written_by_id=author,
            )
            events.passport_shared.send(sender=PassportVersion, passport=passport)
    except IntegrityError as exc:
        raise ValidationError(
            _(
                "Someone else saved a new version at the same moment; "
                "reload the passport and try again."
            )
        ) from exc
    audit_record(
        AuditAction.PASSPORT_SAVED,
        request=request,
        school_id=school_id,
        subject_pupil_id=pupil.pk,
        target=f"passport:{passport.pk}",
        details={"version": passport.version},
    )
    return passport


def passport_confirm(
    *, request: HttpRequest, passport: PassportVersion, school_id: int | None = None
) -> ReadReceipt:
    user = authenticated_user(request)
    receipt, _created = ReadReceipt.objects.get_or_create(passport=passport, user_id=user.pk)
    audit_record(
        AuditAction.PASSPORT_CONFIRMED,
        request=request,
        school_id=school_id,
        subject_pupil_id=passport.pupil_id,
        target=f"passport:{passport.pk}",
        details={"version": passport.version},
    )
    return receipt


def current_passport(pupil: Pupil) -> PassportVersion | None:
    return PassportVersion.objects.filter(pupil=pupil).first()


def reference_levels(pupil: Pupil, school_id: int | None) -> dict[str, str]:
    """{label in words: level} from the school's language-and-maths part (general data):
    written here or received with the pupil's OSO dossier."""
    if school_id is None:
        return {}
    section = DossierSection.objects.filter(
        pupil=pupil, school_id=school_id, kind=SectionKind.LANGUAGE_MATHS
    ).first()
    content = section.content if section else {}
    fields = {f.name: f for f in SPECS[SectionKind.LANGUAGE_MATHS].fields}
    return {
        str(fields[k].label): str(content[k])
        for k in ("reading", "language", "maths")
        if content.get(k)
    }


def current_class_group(pupil: Pupil) -> ClassGroup | None:
    enrolment = (
        Enrolment.objects.filter(active_enrolment_filter(), pupil=pupil, class_group__isnull=False)
        .select_related("class_group")
        .order_by("school_year")
        .first()
    )
    return enrolment.class_group if enrolment else None


def may_read_passport(access: PupilAccess, user: Any, pupil: Pupil) -> bool:
    """The pupil's mentor, the teachers of the pupil's class, and the roles that see every
    passport of the school (care coordinator, team lead). A teacher of another class: no."""
    if access.relation != Relation.STAFF:
        return False
    if access.is_mentor or access.can(Perm.VIEW_ALL_PASSPORTS):
        return True
    class_group = current_class_group(pupil)
    return (
        class_group is not None
        and ClassTeacher.objects.filter(class_group=class_group, user=user).exists()
    )


@dataclass
class OverviewRow:
    enrolment: Enrolment
    passport: PassportVersion | None
    levels: dict[str, str]
    read_by_me: bool
    needs_support: bool
    passport_url: str = ""
    confirm_url: str = ""

    @property
    def levels_text(self) -> str:
        """ "lezen 2F, taal 1S/2F, rekenen 1F": the domain in words, never our key."""
        return ", ".join(
            f"{LEVEL_DOMAINS.get(domain, domain)} {level}" for domain, level in self.levels.items()
        )

    @property
    def arrangements_text(self) -> str:
        if self.passport is None:
            return ""
        labels = ARRANGEMENT_LABELS
        return ", ".join(str(labels.get(a, a)) for a in self.passport.arrangements)


@dataclass
class Overview:
    class_group: ClassGroup
    rows: list[OverviewRow]
    clusters: list[tuple[str, list[Pupil]]] = field(default_factory=list)


def class_overview(class_group: ClassGroup, user: Any) -> Overview:
    enrolments = list(
        Enrolment.objects.filter(active_enrolment_filter(), class_group=class_group)
        .select_related("pupil")
        .order_by("pupil__sort_key", "pupil__id")
    )
    pupil_ids = [e.pupil_id for e in enrolments]
    passports: dict[Any, PassportVersion] = {}
    for passport in PassportVersion.objects.filter(pupil_id__in=pupil_ids).order_by(
        "pupil_id", "-version"
    ):
        passports.setdefault(passport.pupil_id, passport)
    levels = {
        s.pupil_id: s.content
        for s in DossierSection.objects.filter(
            pupil_id__in=pupil_ids, school=class_group.school_id, kind=SectionKind.LANGUAGE_MATHS
        )
    }
    support = set(
        DossierSection.objects.filter(
            pupil_id__in=pupil_ids, school=class_group.school_id, kind=SectionKind.SUPPORT_NEEDS
        ).values_list("pupil_id", flat=True)
    )
    read = set(
        ReadReceipt.objects.filter(
            user_id=user.pk, passport__in=[p.pk for p in passports.values()]
        ).values_list("passport_id", flat=True)
    )
    rows = [
        OverviewRow(
            enrolment=e,
            passport=passports.get(e.pupil_id),
            levels={
                k: v
                for k, v in levels.get(e.pupil_id, {}).items()
                if k in ("reading", "language", "maths") and v
            },
            read_by_me=e.pupil_id in passports and passports[e.pupil_id].pk in read,
            needs_support=e.pupil_id in support
            or bool(passports.get(e.pupil_id) and passports[e.pupil_id].arrangements),
        )
        for e in enrolments
    ]
    return Overview(class_group=class_group, rows=rows, clusters=_clusters(rows))


def _clusters(rows: list[OverviewRow]) -> list[tuple[str, list[Pupil]]]:
    """Pupils with the same need together: per arrangement, and below 1F in a domain."""
    clusters: list[tuple[str, list[Pupil]]] = []
    for arrangement in Arrangement:
        members = [
            r.enrolment.pupil
            for r in rows
            if r.passport and arrangement.value in r.passport.arrangements
        ]
        if members:
            clusters.append((str(arrangement.label), members))
    for domain, label in (("maths", _("below 1F maths")), ("reading", _("below 1F reading"))):
        members = [r.enrolment.pupil for r in rows if r.levels.get(domain) == "<1F"]
        if members:
            clusters.append((label, members))
    return clusters


def _current_versions(pupil_ids: Any) -> dict[Any, PassportVersion]:
    """{pupil id: their current passport version} for these pupils (ids or a subquery)."""
    latest: dict[Any, PassportVersion] = {}
    for version in (
        PassportVersion.objects.filter(pupil_id__in=pupil_ids)
        .select_related("pupil")
        .order_by("pupil_id", "-version")
    ):
        latest.setdefault(version.pupil_id, version)
    return latest


@dataclass
class ReaderState:
    user: Any
    unread: int
    oldest_days: int


@dataclass
class ClassReading:
    class_group: ClassGroup
    readers: list[ReaderState]
    passports: int


def unread_dashboard(school: School, school_year: int) -> list[ClassReading]:
    """Per class and per teacher: how many current passports are unread, and for how long."""
    today = timezone.localdate()
    result = []
    for class_group in ClassGroup.objects.filter(school=school, school_year=school_year):
        pupil_ids = list(
            Enrolment.objects.filter(
                active_enrolment_filter(), class_group=class_group
            ).values_list("pupil_id", flat=True)
        )
        latest = _current_versions(pupil_ids)
        receipts = set(
            ReadReceipt.objects.filter(passport__in=[p.pk for p in latest.values()]).values_list(
                "passport_id", "user_id"
            )
        )
        readers = []
        for user in readers_of_class(class_group):
            unread = [p for p in latest.values() if (p.pk, user.pk) not in receipts]
            oldest = max(
                ((today - timezone.localdate(p.created_at)).days for p in unread), default=0
            )
            readers.append(ReaderState(user=user, unread=len(unread), oldest_days=oldest))
        result.append(ClassReading(class_group=class_group, readers=readers, passports=len(latest)))
    return result


def passports_to_read(user: Any) -> list[PassportVersion]:
    """The current passports of the pupils in the classes the user mentors or teaches (this
    school year and the next) that the user has not confirmed yet, the oldest first."""
    years = [current_school_year(), current_school_year() + 1]
    classes = ClassGroup.objects.filter(
        Q(mentors=user) | Q(teachers__user=user), school_year__in=years
    ).values("pk")
    pupil_ids = Enrolment.objects.filter(active_enrolment_filter(), class_group__in=classes).values(
        "pupil_id"
    )
    latest = _current_versions(pupil_ids)
    read = set(
        ReadReceipt.objects.filter(user_id=user.pk, passport__in=list(latest.values())).values_list(
            "passport_id", flat=True
        )
    )
    return sorted((p for p in latest.values() if p.pk not in read), key=lambda p: p.created_at)


def passport_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail each mentor and teacher who has passports of their class unread for more than
    OVERDRACHT_PASSPORT_REMINDER_DAYS days: one e-mail per reader, each version once."""
    day = today or timezone.localdate()
    limit = settings.OVERDRACHT_PASSPORT_REMINDER_DAYS
    pending: dict[int, tuple[Any, list[PassportVersion]]] = {}
    classes = ClassGroup.objects.filter(
        school_year__in=[current_school_year(), current_school_year() + 1]
    )
    for class_group in classes:
        pupil_ids = list(
            Enrolment.objects.filter(
                active_enrolment_filter(), class_group=class_group
            ).values_list("pupil_id", flat=True)
        )
        latest = _current_versions(pupil_ids)
        old = [p for p in latest.values() if (day - timezone.localdate(p.created_at)).days > limit]
        if not old:
            continue
        done = set(
            ReadReceipt.objects.filter(passport__in=old).values_list("passport_id", "user_id")
        )
        done |= set(
            PassportReminder.objects.filter(passport__in=old).values_list("passport_id", "user_id")
        )
        for user in readers_of_class(class_group):
            todo = [p for p in old if (p.pk, user.pk) not in done]
            if todo:
                pending.setdefault(user.pk, (user, []))[1].extend(todo)
    for user, versions in pending.values():
        with transaction.atomic():
            PassportReminder.objects.bulk_create(
                [PassportReminder(passport=p, user_id=user.pk) for p in versions],
                ignore_conflicts=True,
            )
            names = ", ".join(sorted(p.pupil.name for p in versions))
            body = _(
                "Hello %(name)s,\n\nThese pupil passports are waiting for you to read "
                "them: %(pupils)s.\n\n%(link)s\n"
            ) % {
                "name": user.get_short_name(),
                "pupils": names,
                "link": settings.OVERDRACHT_BASE_URL + reverse("dashboard:home"),
            }
            transaction.on_commit(partial(_send_reminder, user.email, body))
    return len(pending)


def _send_reminder(email: str, body: str) -> None:
    send_mail(_("Pupil passports to read"), body, settings.DEFAULT_FROM_EMAIL, [email])
