"""Who records a check-in: the pupil's mentor at the school now, and its guiding roles."""

from __future__ import annotations

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.pupils.models import Enrolment, Transition
from overdracht.schools.models import ClassGroup
from overdracht.schools.permissions import school_roles

GUIDING_ROLES = frozenset({"team_lead", "care_coordinator"})


def may_record(user: User, transition: Transition) -> bool:
    school_id = transition.to_school_id
    if school_id is None:
        return False
    if school_roles(user).get(school_id, set()) & GUIDING_ROLES:
        return True
    classes = Enrolment.objects.filter(
        pupil_id=transition.pupil_id, school_id=school_id, school_year=current_school_year()
    ).values("class_group_id")
    return ClassGroup.objects.filter(pk__in=classes, mentors=user).exists()
