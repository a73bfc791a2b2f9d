"""`{{ user|staff_label }}`: a staff member with role and school (`schools.people`)."""

from __future__ import annotations

from django import template

from overdracht.accounts.models import User
from overdracht.schools import people

register = template.Library()


@register.filter
def staff_label(user: User | None) -> str:
    return people.staff_label(user) if user is not None else ""
