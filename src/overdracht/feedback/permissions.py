"""Who gives and who reads the feedback about a former pupil: the pupil's mentor at the
receiving school (and its guiding roles) gives it; staff of the sending school who follow
transitions (the groep 8 teacher, the IB'er) read it on their former-pupils page."""

from __future__ import annotations

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.pupils.models import Enrolment, Transition
from overdracht.schools.models import ClassGroup
from overdracht.schools.permissions import school_roles

GUIDING_ROLES = frozenset({"team_lead", "care_coordinator"})


def may_give(user: User, transition: Transition) -> bool:
    school_id = transition.to_school_id
    if school_id is None:
        return False
    if school_roles(user).get(school_id, set()) & GUIDING_ROLES:
        return True
    classes = Enrolment.objects.filter(
        pupil_id=transition.pupil_id, school_id=school_id, school_year=current_school_year()
    ).values("class_group_id")
    return ClassGroup.objects.filter(pk__in=classes, mentors=user).exists()
