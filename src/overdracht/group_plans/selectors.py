"""Public reads of the group plans: a class's plans, and clusters suggested from what the
passports (their arrangements) and the dossiers (reference levels) say of the pupils."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from overdracht.accounts.models import User
from overdracht.dossiers.selectors import language_maths_of
from overdracht.group_plans.models import GroupPlan
from overdracht.passports.models import Arrangement
from overdracht.passports.selectors import current_versions
from overdracht.pupils.models import Enrolment, Pupil
from overdracht.schools.models import ClassGroup

# Reference levels below the one a first-year pupil is expected to reach (2F).
BELOW_TARGET = ("<1F", "1F")
DOMAINS = (("reading", "Reading"), ("language", "Language"), ("maths", "Maths"))


def plans_of_class(class_group: ClassGroup) -> QuerySet[GroupPlan]:
    return GroupPlan.objects.filter(class_group=class_group).prefetch_related("clusters__pupils")


def pupils_of_class(class_group: ClassGroup) -> list[Pupil]:
    return sorted(
        (
            e.pupil
            for e in Enrolment.objects.filter(
                class_group=class_group, end_date__isnull=True
            ).select_related("pupil")
        ),
        key=lambda p: p.sort_key,
    )


@dataclass(frozen=True)
class Suggestion:
    name: str
    reason: str
    pupils: list[Pupil]


def cluster_suggestions(class_group: ClassGroup) -> list[Suggestion]:
    """One suggestion per arrangement that pupils of the class share, and per domain in which
    pupils are below 2F (in three queries)."""
    pupils = pupils_of_class(class_group)
    by_id = {p.pk: p for p in pupils}
    passports = current_versions(list(by_id))
    arrangement_names = dict(Arrangement.choices)
    with_arrangement: dict[str, list[Pupil]] = defaultdict(list)
    for pupil_id, passport in passports.items():
        for key in passport.arrangements:
            with_arrangement[key].append(by_id[pupil_id])
    suggestions = [
        Suggestion(
            name=str(arrangement_names.get(key, key)),
            reason=_("In the passport of these pupils"),
            pupils=sorted(found, key=lambda p: p.sort_key),
        )
        for key, found in sorted(with_arrangement.items())
        if found
    ]
    levels = language_maths_of(list(by_id), class_group.school_id)
    domain_words = {"reading": _("Reading"), "language": _("Language"), "maths": _("Maths")}
    for domain, _english in DOMAINS:
        below = [by_id[p] for p, content in levels.items() if content.get(domain) in BELOW_TARGET]
        if below:
            suggestions.append(
                Suggestion(
                    name=_("%(domain)s: extra instruction") % {"domain": domain_words[domain]},
                    reason=_("Reference level 1F or lower"),
                    pupils=sorted(below, key=lambda p: p.sort_key),
                )
            )
    return suggestions


def plan_of_school(school_id: int, plan_id: int) -> GroupPlan | None:
    return (
        GroupPlan.objects.filter(pk=plan_id, class_group__school_id=school_id)
        .select_related("class_group")
        .first()
    )


def next_mentors(class_group: ClassGroup) -> list[User]:
    """Next year's mentors of the class's pupils who do not mentor the class now."""
    pupils = Enrolment.objects.filter(class_group=class_group).values("pupil_id")
    now = set(class_group.mentors.values_list("pk", flat=True))
    return [
        u
        for u in User.objects.filter(
            mentored_class_groups__school_id=class_group.school_id,
            mentored_class_groups__school_year=class_group.school_year + 1,
            mentored_class_groups__enrolments__pupil_id__in=pupils,
        )
        .distinct()
        .order_by("full_name")
        if u.pk not in now
    ]
