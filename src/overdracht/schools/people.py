"""Staff shown as people of a school: a name alone does not tell a teacher of one school from
another, so wherever staff are picked or listed they carry their roles and schools
("Karin de Vries — Docent, OBS De Regenboog")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Prefetch, QuerySet

from overdracht.accounts.models import User
from overdracht.schools.models import Membership


def with_roles(users: QuerySet[User]) -> QuerySet[User]:
    """The users with their memberships and schools loaded (one query more, however many)."""
    return users.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("school", "partnership").order_by(
                "school__name", "role"
            ),
        )
    )


def roles_in_words(user: User) -> str:
    """ "Docent, OBS De Regenboog; Mentor, Waalstad College" — every role the user holds."""
    parts = []
    for membership in user.memberships.all():
        where = membership.school or membership.partnership
        parts.append(f"{membership.get_role_display()}, {where}" if where else "")
    return "; ".join(p for p in parts if p)


def staff_label(user: User) -> str:
    roles = roles_in_words(user)
    return f"{user.full_name} — {roles}" if roles else user.full_name


class StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A pick of one staff member, each shown with role and school."""

    def label_from_instance(self, obj: Any) -> str:
        return staff_label(obj)


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """A pick of several staff members, each shown with role and school."""

    def label_from_instance(self, obj: Any) -> str:
        return staff_label(obj)
