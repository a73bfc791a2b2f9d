"""Who may read a pupil's passport and a class overview: the mentor of the class, its
teachers, and the roles that see every passport of the school (care coordinator, team
lead). A teacher of another class may not. One rule, for a pupil and for a class."""

from __future__ import annotations

from django.http import HttpRequest

from overdracht.accounts.models import User
from overdracht.accounts.selectors import authenticated_user
from overdracht.passports.selectors import current_class_group
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, Relation
from overdracht.schools.models import ClassGroup, ClassTeacher
from overdracht.schools.permissions import Perm, deny, has_school_perm


def reads_class(user: User, class_group: ClassGroup) -> bool:
    """The class's mentor, a teacher of the class, or a role that sees every passport of
    the class's school."""
    return (
        class_group.mentors.filter(pk=user.pk).exists()
        or ClassTeacher.objects.filter(class_group=class_group, user=user).exists()
        or has_school_perm(user, Perm.VIEW_ALL_PASSPORTS, class_group.school_id)
    )


def may_read_passport(access: PupilAccess, user: User, pupil: Pupil) -> bool:
    """Staff only; the pupil's mentor and the roles that see every passport at once (the
    access already knows them), else a teacher of the pupil's current class."""
    if access.relation != Relation.STAFF:
        return False
    if access.is_mentor or access.can(Perm.VIEW_ALL_PASSPORTS):
        return True
    class_group = current_class_group(pupil)
    return (
        class_group is not None
        and ClassTeacher.objects.filter(class_group=class_group, user=user).exists()
    )


def class_group_or_404(request: HttpRequest, class_group_id: int) -> ClassGroup:
    """The class whose overview the user may read; any other (or none) is a 404, audited,
    the same as a class that does not exist."""
    class_group = ClassGroup.objects.select_related("school").filter(pk=class_group_id).first()
    if class_group is None or not reads_class(authenticated_user(request), class_group):
        deny(request, status=404, target=f"class_group:{class_group_id}")
    return class_group
