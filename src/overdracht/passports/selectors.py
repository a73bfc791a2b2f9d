"""Public selectors of the passports app: the current passport, the class overview, the
dashboard of unread passports and the passports a user has still to read. Reads use a fixed
number of queries, whatever the class size."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.dossiers import selectors as dossier_selectors
from overdracht.passports.models import Arrangement, PassportVersion, ReadReceipt
from overdracht.pupils.models import Enrolment, Pupil
from overdracht.pupils.permissions import active_enrolment_filter
from overdracht.pupils.selectors import shared_names
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.selectors import readers_of_class

ARRANGEMENT_LABELS = dict(Arrangement.choices)

# The reference-level domains in the short words of a table cell.
LEVEL_DOMAINS: dict[str, Any] = {
    "reading": gettext_lazy("reading"),
    "language": gettext_lazy("language"),
    "maths": gettext_lazy("maths"),
}


def current_passport(pupil: Pupil) -> PassportVersion | None:
    return PassportVersion.objects.filter(pupil=pupil).first()


def current_class_group(pupil: Pupil) -> ClassGroup | None:
    enrolment = (
        Enrolment.objects.filter(active_enrolment_filter(), pupil=pupil, class_group__isnull=False)
        .select_related("class_group")
        .order_by("school_year")
        .first()
    )
    return enrolment.class_group if enrolment else None


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

    @property
    def same_names(self) -> set[str]:
        """Names two pupils of the class share: the overview adds their birth dates."""
        return shared_names(row.enrolment.pupil for row in self.rows)


def class_overview(class_group: ClassGroup, user: User) -> Overview:
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
    levels = dossier_selectors.language_maths_of(pupil_ids, class_group.school_id)
    support = dossier_selectors.with_support_needs(pupil_ids, class_group.school_id)
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


def current_versions(pupil_ids: Any) -> dict[Any, PassportVersion]:
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
    user: User
    unread: int
    oldest_days: int
    waiting: list[PassportVersion]  # the unread passports, the oldest first


@dataclass
class ClassReading:
    class_group: ClassGroup
    readers: list[ReaderState]
    passports: int


def unread_dashboard(school: School, school_year: int) -> list[ClassReading]:
    """Per class and per teacher: which current passports are unread, and for how long."""
    today = timezone.localdate()
    result = []
    for class_group in ClassGroup.objects.filter(school=school, school_year=school_year):
        pupil_ids = list(
            Enrolment.objects.filter(
                active_enrolment_filter(), class_group=class_group
            ).values_list("pupil_id", flat=True)
        )
        latest = current_versions(pupil_ids)
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
            unread.sort(key=lambda p: (p.created_at, p.pupil.sort_key))
            readers.append(
                ReaderState(user=user, unread=len(unread), oldest_days=oldest, waiting=unread)
            )
        result.append(ClassReading(class_group=class_group, readers=readers, passports=len(latest)))
    return result


def passports_to_read(user: User) -> list[PassportVersion]:
    """The current passports of the pupils in the classes the user mentors or teaches (this
    school year and the next) that the user has not confirmed yet, the oldest first."""
    years = [current_school_year(), current_school_year() + 1]
    classes = ClassGroup.objects.filter(
        Q(mentors=user) | Q(teachers__user=user), school_year__in=years
    ).values("pk")
    pupil_ids = Enrolment.objects.filter(active_enrolment_filter(), class_group__in=classes).values(
        "pupil_id"
    )
    latest = current_versions(pupil_ids)
    read = set(
        ReadReceipt.objects.filter(user_id=user.pk, passport__in=list(latest.values())).values_list(
            "passport_id", flat=True
        )
    )
    return sorted((p for p in latest.values() if p.pk not in read), key=lambda p: p.created_at)


def receipts_of(passport_ids: list[int]) -> set[tuple[int, int]]:
    """{(passport version id, reader's user id)} of these versions (one query)."""
    return set(
        ReadReceipt.objects.filter(passport__in=passport_ids).values_list("passport_id", "user_id")
    )
