"""Staff roles at a school and what each may see. Guardians and pupils are not staff roles:
their access follows from their relation to a pupil (see pupils.permissions)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.sensitivity import Sensitivity


class Role(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    MENTOR = "mentor", _("Mentor")
    TEAM_LEAD = "team_lead", _("Team lead")
    CARE_COORDINATOR = "care_coordinator", _("Care coordinator")
    CAREER_COUNSELLOR = "career_counsellor", _("Career counsellor")
    INTAKE_OFFICER = "intake_officer", _("Intake officer")
    SCHOOL_ADMIN = "school_admin", _("School administrator")
    PARTNERSHIP_STAFF = "partnership_staff", _("Partnership staff")


# The highest sensitivity of pupil data each role may ever see. A mentor sees support data
# only of the pupils they mentor (see pupils.permissions).
ROLE_MAX_SENSITIVITY: dict[str, Sensitivity] = {
    Role.TEACHER: Sensitivity.GENERAL,
    Role.MENTOR: Sensitivity.SUPPORT,
    Role.TEAM_LEAD: Sensitivity.SUPPORT,
    Role.CARE_COORDINATOR: Sensitivity.CARE,
    Role.CAREER_COUNSELLOR: Sensitivity.SUPPORT,
    Role.INTAKE_OFFICER: Sensitivity.SUPPORT,
    Role.SCHOOL_ADMIN: Sensitivity.GENERAL,
    Role.PARTNERSHIP_STAFF: Sensitivity.CARE,
}

# Roles whose data follows their relation to the pupil, not the role: a mentor sees support
# data of the pupils of the classes they mentor, a teacher general data of the pupils they
# teach, and neither anything of another class's pupils (see pupils.permissions).
RELATION_BOUND_ROLES = frozenset({Role.TEACHER, Role.MENTOR})

# Roles that manage accounts need the second step too, whatever data they see.
ROLES_WITH_ACCOUNT_ADMIN = frozenset({Role.SCHOOL_ADMIN})


def role_requires_two_factor(role: str) -> bool:
    return ROLE_MAX_SENSITIVITY[role] >= Sensitivity.SUPPORT or role in ROLES_WITH_ACCOUNT_ADMIN
