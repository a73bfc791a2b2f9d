"""Who reads and writes a class's group plan: the class's mentors and the guiding roles of
the school (team lead, care coordinator) write it; whoever reads the class overview (its
teachers too) reads it, and so does next year's mentor of a pupil of the class, to start
from. Anyone else gets 404."""

from __future__ import annotations

from overdracht.accounts.models import User
from overdracht.passports.permissions import reads_class
from overdracht.pupils.models import Enrolment
from overdracht.schools.models import ClassGroup
from overdracht.schools.permissions import school_roles

GUIDING_ROLES = frozenset({"team_lead", "care_coordinator"})


def may_write(user: User, class_group: ClassGroup) -> bool:
    if class_group.mentors.filter(pk=user.pk).exists():
        return True
    return bool(school_roles(user).get(class_group.school_id, set()) & GUIDING_ROLES)


def may_read(user: User, class_group: ClassGroup) -> bool:
    if may_write(user, class_group) or reads_class(user, class_group):
        return True
    pupils = Enrolment.objects.filter(class_group=class_group).values("pupil_id")
    return ClassGroup.objects.filter(
        school_id=class_group.school_id,
        school_year=class_group.school_year + 1,
        mentors=user,
        enrolments__pupil_id__in=pupils,
    ).exists()
