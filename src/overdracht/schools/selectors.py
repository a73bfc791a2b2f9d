"""Public API of the schools app (reads). Every function is scoped to the user it is given."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from overdracht.accounts.models import User
from overdracht.schools.models import ClassGroup, Membership, Partnership, Region, School
from overdracht.schools.permissions import Perm, school_permissions


def schools_for_user(user: User, perm: Perm = Perm.VIEW_SCHOOL) -> QuerySet[School]:
    ids = [sid for sid, perms in school_permissions(user).items() if perm in perms]
    return School.objects.filter(pk__in=ids).order_by("name")


def memberships_for_user(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("school", "partnership")


def class_groups_of_school(school: School, school_year: int) -> QuerySet[ClassGroup]:
    return ClassGroup.objects.filter(school=school, school_year=school_year).order_by(
        "year_group", "name"
    )


def class_groups_mentored_by(user: User, school_year: int) -> QuerySet[ClassGroup]:
    return ClassGroup.objects.filter(mentors=user, school_year=school_year).select_related("school")


def readers_of_class(class_group: ClassGroup) -> list[Any]:
    """The mentors and subject teachers of a class: who must read its pupils' passports."""
    return list(
        User.objects.filter(
            Q(mentored_class_groups=class_group) | Q(taught_class_groups__class_group=class_group)
        )
        .distinct()
        .order_by("full_name")
    )


def class_groups_with_teachers(school: School, school_year: int) -> QuerySet[ClassGroup]:
    return (
        ClassGroup.objects.filter(school=school, school_year=school_year)
        .prefetch_related("mentors", "teachers__user")
        .order_by("year_group", "name")
    )


def staff_of_school(school: School) -> QuerySet[User]:
    return User.objects.filter(memberships__school=school).distinct().order_by("full_name")


def partnership_schools(user: User) -> QuerySet[School]:
    """Schools of the partnerships the user works for (names only, no pupils)."""
    return School.objects.filter(partnership__memberships__user=user).order_by("name").distinct()


def partnerships_of_user(user: User) -> QuerySet[Partnership]:
    """The partnerships the user works for."""
    return Partnership.objects.filter(memberships__user=user).order_by("name").distinct()


def regions_coordinated_by(user: User) -> QuerySet[Region]:
    """The regions whose calendar the user sets: those of the partnerships they work for."""
    return Region.objects.filter(partnerships__memberships__user=user).distinct().order_by("name")
