"""Every URL name × every persona → the status the design says: 404 where the user has no
relation to the pupil or the school (never a hint that it exists), 403 for a role without
the right, 405 for an action asked with GET, 200 for the right relation, 302 to the login
page for anonymous visitors (or to the portal for families on the staff start page). Every
200 on a page with personal data leaves exactly one audit row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction, AuditEvent
from tests.conftest import World, client_for
from tests.security.scene import Scene, scene_build

PERSONAS = (
    "mentor",  # mentor of 1A, the pupil's class
    "other_mentor",  # mentor of 1B at the same school
    "teacher",  # teaches the pupil's class
    "colleague",  # a teacher of the school who does not teach the pupil
    "care_coordinator",
    "school_admin",
    "other_school",  # mentor and care coordinator at the other secondary school
    "partnership",
    "guardian",  # the pupil's mother
    "other_guardian",  # a parent of another family
    "pupil",  # a pupil of the other school, with an account
    "anonymous",
)


def persona_users(scene: Scene) -> dict[str, User | None]:
    w = scene.world
    return {
        "mentor": w.mentor,
        "other_mentor": w.other_mentor,
        "teacher": scene.class_teacher.user,
        "colleague": w.colleague,
        "care_coordinator": w.care_coordinator,
        "school_admin": w.school_admin,
        "other_school": w.other_school_user,
        "partnership": w.partnership_user,
        "guardian": w.guardian_user,
        "other_guardian": w.other_guardian_user,
        "pupil": w.pupil_user,
        "anonymous": None,
    }


def _p(name: str, *extra: object) -> Callable[[Scene], str]:
    """A URL of the pupil (Jan, 1A at Testcollege), then `extra`."""
    return lambda s: reverse(name, args=[s.world.pupil.pk, *extra])


def _s(name: str, *extra: object) -> Callable[[Scene], str]:
    """A URL of Testcollege, then `extra`."""
    return lambda s: reverse(name, args=[s.world.school.pk, *extra])


def _plain(name: str) -> Callable[[Scene], str]:
    return lambda s: reverse(name)


URLS: dict[str, Callable[[Scene], str]] = {
    "accounts:login": _plain("accounts:login"),
    "accounts:logout": _plain("accounts:logout"),
    "accounts:logout_everywhere": _plain("accounts:logout_everywhere"),
    "accounts:recovery_codes": _plain("accounts:recovery_codes"),
    "accounts:security": _plain("accounts:security"),
    "accounts:two_factor_disable": _plain("accounts:two_factor_disable"),
    "accounts:two_factor_setup": _plain("accounts:two_factor_setup"),
    "accounts:two_factor_verify": _plain("accounts:two_factor_verify"),
    "care:agenda": _s("care:agenda"),
    "care:development_plan": _p("care:development_plan"),
    "care:partnership": _plain("care:partnership"),
    "care:partnership_attachment": lambda s: reverse(
        "care:partnership_attachment", args=[s.referral.partnership_dossier_id, 0]
    ),
    "care:partnership_dossier": lambda s: reverse(
        "care:partnership_dossier", args=[s.referral.partnership_dossier_id]
    ),
    "care:referral_dossier": lambda s: reverse(
        "care:referral_dossier", args=[s.world.school.pk, s.referral.pk]
    ),
    "care:refer": _p("care:refer"),
    "consent:correction_handle": lambda s: reverse(
        "consent:correction_handle", args=[s.world.pupil.pk, s.correction.pk]
    ),
    "consent:copy_release": lambda s: reverse(
        "consent:copy_release", args=[s.world.pupil.pk, s.copy_request.pk]
    ),
    "consent:review_record": _p("consent:review_record"),
    "consent:reviews": _p("consent:reviews"),
    "consent:statement_reply": _p("consent:statement_reply"),
    "dashboard:home": _plain("dashboard:home"),
    "intake:analyse": lambda s: reverse(
        "intake:analyse", args=[s.world.school.pk, s.world.pupil.pk]
    ),
    "passports:class_confirm": lambda s: reverse(
        "passports:class_confirm", args=[s.world.class_group.pk, s.passport.pk]
    ),
    "passports:class_overview": lambda s: reverse(
        "passports:class_overview", args=[s.world.class_group.pk]
    ),
    "passports:class_overview_export": lambda s: reverse(
        "passports:class_overview_export", args=[s.world.class_group.pk, "xlsx"]
    ),
    "intake:cohort": _s("intake:cohort"),
    "dossiers:compose": _p("dossiers:compose"),
    "dossiers:compose_school": _p("dossiers:compose_school"),
    "dossiers:dossier": _p("dossiers:dossier"),
    "dossiers:download": _p("dossiers:download"),
    "dossiers:lvs_import": _s("dossiers:lvs_import"),
    "dossiers:review_open": _p("dossiers:review_open"),
    "dossiers:section_version": _p("dossiers:section_version", "work_attitude", 1),
    "dossiers:send": _p("dossiers:send"),
    "dossiers:pack_edit": _s("dossiers:pack_edit", "adhd"),
    "dossiers:packs": _s("dossiers:packs"),
    "passports:passport": _p("passports:passport"),
    "passports:passport_edit": _p("passports:passport_edit"),
    "dossiers:section_edit": _p("dossiers:section_edit", "support_needs"),
    "dossiers:supplement_edit": _p("dossiers:supplement_edit", "hoogbegaafdheid"),
    "passports:unread": _s("passports:unread"),
    "meetings:agreement_done": lambda s: reverse("meetings:agreement_done", args=[s.agreement.pk]),
    "regional_calendar:calendar": _s("regional_calendar:calendar"),
    "regional_calendar:checklist_save": lambda s: reverse(
        "regional_calendar:checklist_save", args=[s.world.school.pk, s.milestone_id]
    ),
    "worklist:feed": lambda s: reverse("worklist:feed", args=["not-a-token"]),
    "worklist:feed_settings": _plain("worklist:feed_settings"),
    "meetings:meeting": lambda s: reverse("meetings:meeting", args=[s.meeting.pk]),
    "meetings:meeting_ics": lambda s: reverse("meetings:meeting_ics", args=[s.meeting.pk]),
    "regional_calendar:milestone_add": lambda s: reverse(
        "regional_calendar:milestone_add", args=[s.world.school.region_id]
    ),
    "regional_calendar:milestone_remove": lambda s: reverse(
        "regional_calendar:milestone_remove", args=[s.world.school.region_id, "own-1"]
    ),
    "meetings:plan": _p("meetings:plan"),
    "steps:pupil_steps": _p("steps:pupil_steps"),
    "regional_calendar:region_milestones": lambda s: reverse(
        "regional_calendar:region_milestones", args=[s.world.school.region_id]
    ),
    "steps:responsibilities": _s("steps:responsibilities"),
    "meetings:school_meetings": _s("meetings:school_meetings"),
    "steps:step_done": lambda s: reverse("steps:step_done", args=[s.step.pk]),
    "worklist:index": _plain("worklist:index"),
    "oso:attachment": lambda s: reverse(
        "oso:attachment", args=[s.world.school.pk, s.dossier_id, 0]
    ),
    "oso:batch": lambda s: reverse("oso:batch", args=[s.world.school.pk, s.batch_id]),
    "oso:incoming": _s("oso:incoming"),
    "oso:received": lambda s: reverse("oso:received", args=[s.world.school.pk, s.dossier_id]),
    "portal:child": _p("portal:child"),
    "portal:consents": _p("portal:consents"),
    "portal:copy": _p("portal:copy"),
    "portal:copy_download": lambda s: reverse(
        "portal:copy_download", args=[s.world.pupil.pk, s.copy_request.pk, "json"]
    ),
    "portal:correction": _p("portal:correction"),
    "portal:dossier": _p("portal:dossier"),
    "portal:dossier_pdf": _p("portal:dossier_pdf"),
    "portal:home": _plain("portal:home"),
    "portal:looked": _p("portal:looked"),
    "pupils:detail": _p("pupils:detail"),
    "pupils:invitation_accept": lambda s: reverse("pupils:invitation_accept", args=["not-a-token"]),
    "pupils:invitation_create": _p("pupils:invitation_create"),
    "pupils:school_pupils": _s("pupils:school_pupils"),
    "pupils:registrations": _s("pupils:registrations"),
    "pupils:school_transitions": _s("pupils:school_transitions"),
    "retention:page": _s("retention:page"),
    "schools:class_teacher_remove": lambda s: reverse(
        "schools:class_teacher_remove",
        args=[s.world.school.pk, s.world.class_group.pk, s.class_teacher.pk],
    ),
    "schools:class_teachers": _s("schools:class_teachers"),
    "schools:details": _s("schools:details"),
    "set_language": _plain("set_language"),
    "operations:health": _plain("operations:health"),
    "roster:upload": _s("roster:upload"),
    "api_tokens:tokens": _s("api_tokens:tokens"),
    "outbox:undelivered": _s("outbox:undelivered"),
    "outbox:retry": lambda s: reverse("outbox:retry", args=[s.world.school.pk, 1]),
    "api_tokens:token_revoke": lambda s: reverse(
        "api_tokens:token_revoke", args=[s.world.school.pk, s.api_token.pk]
    ),
    "api:api-root": _plain("api:api-root"),
    "api:openapi-json": _plain("api:openapi-json"),
    "api:openapi-view": _plain("api:openapi-view"),
    "api:transitions": _plain("api:transitions"),
    "api:registrations": _plain("api:registrations"),
    "api:transition": lambda s: reverse("api:transition", args=[s.transition.pk]),
    "api:dossier": lambda s: reverse("api:dossier", args=[s.world.pupil.pk]),
    "roster:columns": lambda s: reverse(
        "roster:columns", args=[s.world.school.pk, s.roster_upload.pk]
    ),
    "roster:preview": lambda s: reverse(
        "roster:preview", args=[s.world.school.pk, s.roster_upload.pk]
    ),
    "operations:ready": _plain("operations:ready"),
    "promotion:overview": _s("promotion:overview"),
    "promotion:norms": _s("promotion:norms"),
    "promotion:rollover": _s("promotion:rollover"),
    "promotion:class": lambda s: reverse(
        "promotion:class", args=[s.world.school.pk, s.world.class_group.pk]
    ),
    "promotion:decide": lambda s: reverse(
        "promotion:decide",
        args=[s.world.school.pk, s.world.pupil.enrolments.get(school=s.world.school).pk],
    ),
    "aftercare:pupil": lambda s: reverse("aftercare:pupil", args=[s.transition.pk]),
    "aftercare:moments": _s("aftercare:moments"),
    "feedback:give": lambda s: reverse("feedback:give", args=[s.transition.pk, "first_report"]),
    "feedback:oso_file": lambda s: reverse("feedback:oso_file", args=[s.transition.pk]),
    "analytics:region": lambda s: reverse("analytics:region", args=[s.world.school.region_id]),
    "analytics:region_pdf": lambda s: reverse(
        "analytics:region_pdf", args=[s.world.school.region_id]
    ),
    "analytics:school": lambda s: reverse("analytics:school", args=[s.world.school.pk]),
    "analytics:school_pdf": lambda s: reverse("analytics:school_pdf", args=[s.world.school.pk]),
    "care:outcome_seen": lambda s: reverse(
        "care:outcome_seen", args=[s.world.pupil.pk, s.referral.pk]
    ),
    "careers:dossier": lambda s: reverse("careers:dossier", args=[s.world.pupil.pk]),
    "careers:reflection": lambda s: reverse("careers:reflection", args=[s.world.pupil.pk]),
    "careers:activity_add": lambda s: reverse("careers:activity_add", args=[s.world.pupil.pk]),
    "careers:comment": lambda s: reverse("careers:comment", args=[s.world.pupil.pk]),
    "careers:conversation": lambda s: reverse("careers:conversation", args=[s.world.pupil.pk]),
    "further_education:overview": lambda s: reverse(
        "further_education:overview", args=[s.world.school.pk]
    ),
    "further_education:pupil": lambda s: reverse(
        "further_education:pupil", args=[s.world.pupil.pk]
    ),
    "further_education:choice": lambda s: reverse(
        "further_education:choice", args=[s.world.pupil.pk]
    ),
    "further_education:register": lambda s: reverse(
        "further_education:register", args=[s.world.pupil.pk]
    ),
    "further_education:skills": lambda s: reverse("further_education:skills", args=[s.choice.pk]),
    "further_education:aftercare": lambda s: reverse(
        "further_education:aftercare", args=[s.registration.pk]
    ),
    "further_education:registration_update": lambda s: reverse(
        "further_education:registration_update", args=[s.registration.pk]
    ),
    "further_education:report": lambda s: reverse(
        "further_education:report", args=[s.start_report.pk]
    ),
    "further_education:dossier": lambda s: reverse(
        "further_education:dossier", args=[s.registration.pk]
    ),
    "further_education:pupil_part": lambda s: reverse(
        "further_education:pupil_part", args=[s.registration.pk]
    ),
    "further_education:sign": lambda s: reverse("further_education:sign", args=[s.registration.pk]),
    "further_education:school_part": lambda s: reverse(
        "further_education:school_part", args=[s.registration.pk]
    ),
    "further_education:dossier_pdf": lambda s: reverse(
        "further_education:dossier_pdf", args=[s.registration.pk]
    ),
    "further_education:incoming": lambda s: reverse(
        "further_education:incoming", args=[s.world.other_school.pk]
    ),
    "further_education:registration": lambda s: reverse(
        "further_education:registration", args=[s.registration.pk]
    ),
    "further_education:received": lambda s: reverse(
        "further_education:received", args=[s.registration.pk]
    ),
    "further_education:handover_plan": lambda s: reverse(
        "further_education:handover_plan", args=[s.registration.pk]
    ),
    "feedback:former_pupils": lambda s: reverse(
        "feedback:former_pupils", args=[s.world.other_school.pk]
    ),
    "group_plans:class": lambda s: reverse("group_plans:class", args=[s.world.class_group.pk]),
    "group_plans:plan": lambda s: reverse("group_plans:plan", args=[s.group_plan.pk]),
    "mentor_handover:school": _s("mentor_handover:school"),
    "mentor_handover:handover": lambda s: reverse(
        "mentor_handover:handover", args=[s.within_school.pk]
    ),
    "sso:start": lambda s: reverse("sso:start", args=[s.identity_provider.slug]),
    "sso:callback": lambda s: reverse("sso:callback", args=[s.identity_provider.slug]),
}

# One code per persona, in the order of PERSONAS. L: 302 to the login page; P: 302 to the
# portal (families on the staff start page); R: 302 elsewhere (the start page, or back).
EXPECTED: dict[str, str] = {
    # mentor, other mentor, teacher, colleague, care, admin, other school, swv,
    # guardian, other guardian, pupil, anonymous
    "accounts:login": "R   R   R   R   R   R   R   R   R   R   R   200",
    # The login service of the scene does not answer: the visitor is told so (502); an answer
    # that belongs to no login started in this session is refused (400).
    # Promotion decisions and the rollover: the team lead's (tests/promotion/test_pages.py).
    "promotion:overview": "403 403 403 403 403 403 404 404 404 404 404 L",
    "promotion:norms": "403 403 403 403 403 403 404 404 404 404 404 L",
    "promotion:rollover": "403 403 403 403 403 403 404 404 404 404 404 L",
    "promotion:class": "403 403 403 403 403 403 404 404 404 404 404 L",
    "promotion:decide": "403 403 403 403 403 403 404 404 404 404 404 L",
    # The mentor handover: this year's mentor and the guiding roles; anyone else 404.
    # Jan's aftercare: his mentor and the guiding roles; the school's moments: who keeps classes.
    "aftercare:pupil": "200 404 404 404 200 404 404 404 404 404 404 L",
    "aftercare:moments": "403 403 403 403 403 200 404 404 404 404 404 L",
    # Feedback about Jan to his primary school (the other school): his mentor and the guiding
    # roles give it; the other school's staff read their former pupils.
    "feedback:give": "200 404 404 404 200 404 404 404 404 404 404 L",
    "feedback:oso_file": "200 404 404 404 200 404 404 404 404 404 404 L",
    "feedback:former_pupils": "404 404 404 404 404 404 200 404 404 404 404 L",
    "care:outcome_seen": "405 405 405 405 405 405 405 405 405 405 405 L",
    # The career dossier is Jan's: his mentor and the guiding roles read and comment, his
    # parents read, only he writes; any other staff 404 (a teacher of the school included).
    "careers:dossier": "200 404 404 404 200 404 404 404 200 404 404 L",
    "careers:reflection": "405 405 405 405 405 405 405 405 405 405 405 L",
    "careers:activity_add": "403 404 404 404 403 404 404 404 403 404 404 L",
    "careers:comment": "405 405 405 405 405 405 405 405 405 405 405 L",
    "careers:conversation": "405 405 405 405 405 405 405 405 405 405 405 L",
    # On the way to further education: the decaan's overview (the guiding roles), Jan's side
    # as his career dossier; the institution (here the other school) sees his registration,
    # and the transfer dossier once sent.
    "further_education:overview": "403 403 403 403 200 403 404 404 404 404 404 L",
    "further_education:pupil": "200 404 404 404 200 404 404 404 200 404 404 L",
    "further_education:choice": "405 405 405 405 405 405 405 405 405 405 405 L",
    "further_education:register": "405 405 405 405 405 405 405 405 405 405 405 L",
    "further_education:skills": "200 404 404 404 200 404 404 404 200 404 404 L",
    "further_education:aftercare": "200 404 404 404 200 404 404 404 404 404 404 L",
    "further_education:registration_update": "405 405 405 405 405 405 405 405 405 405 405 L",
    "further_education:report": "200 404 404 404 200 404 404 404 404 404 404 L",
    "further_education:dossier": "200 404 404 404 200 404 404 404 200 404 404 L",
    "further_education:pupil_part": "405 405 405 405 405 405 405 405 405 405 405 L",
    "further_education:sign": "405 405 405 405 405 405 405 405 405 405 405 L",
    "further_education:school_part": "405 405 405 405 405 405 405 405 405 405 405 L",
    "further_education:dossier_pdf": "200 404 404 404 200 404 404 404 404 404 404 L",
    "further_education:incoming": "404 404 404 404 404 404 200 404 404 404 404 L",
    "further_education:registration": "404 404 404 404 404 404 200 404 404 404 404 L",
    "further_education:received": "404 404 404 404 404 404 200 404 404 404 404 L",
    "further_education:handover_plan": "404 404 404 404 404 404 200 404 404 404 404 L",
    # The yearly evaluation (aggregates only): the region's for its coordinator; a school's for
    # its care coordinator, team lead and administrator.
    "analytics:region": "404 404 404 404 404 404 404 200 404 404 404 L",
    "analytics:region_pdf": "404 404 404 404 404 404 404 200 404 404 404 L",
    "analytics:school": "403 403 403 403 200 200 404 404 404 404 404 L",
    "analytics:school_pdf": "403 403 403 403 200 200 404 404 404 404 404 L",
    # A class's group plan: whoever reads its class overview; anyone else 404.
    "group_plans:class": "200 404 200 404 200 404 404 404 404 404 404 L",
    "group_plans:plan": "200 404 200 404 200 404 404 404 404 404 404 L",
    "mentor_handover:school": "200 200 403 403 200 200 404 404 404 404 404 L",
    "mentor_handover:handover": "200 404 404 404 200 404 404 404 404 404 404 L",
    "sso:start": "R   R   R   R   R   R   R   R   R   R   R   502",
    "sso:callback": "400 400 400 400 400 400 400 400 400 400 400 400",
    "accounts:logout": "405 405 405 405 405 405 405 405 405 405 405 405",
    "accounts:logout_everywhere": "405 405 405 405 405 405 405 405 405 405 405 405",
    "accounts:recovery_codes": "405 405 405 405 405 405 405 405 405 405 405 405",
    "accounts:security": "200 200 200 200 200 200 200 200 200 200 200 L",
    "accounts:two_factor_disable": "405 405 405 405 405 405 405 405 405 405 405 405",
    "accounts:two_factor_setup": "200 200 200 200 200 200 200 200 200 200 200 L",
    "accounts:two_factor_verify": "200 200 200 200 200 200 200 200 200 200 200 L",
    "care:agenda": "403 403 403 403 200 403 404 404 404 404 404 L",
    "care:development_plan": "403 403 403 403 200 403 404 404 404 404 404 L",
    "care:partnership": "404 404 404 404 404 404 404 200 404 404 404 L",
    "care:partnership_attachment": "404 404 404 404 404 404 404 200 404 404 404 L",
    "care:partnership_dossier": "404 404 404 404 404 404 404 200 404 404 404 L",
    "care:referral_dossier": "403 403 403 403 200 403 404 404 404 404 404 L",
    "care:refer": "200 403 403 403 200 403 404 404 404 404 404 L",
    "consent:correction_handle": "405 405 405 405 405 405 405 405 405 405 405 L",
    "consent:copy_release": "405 405 405 405 405 405 405 405 405 405 405 L",
    "consent:review_record": "405 405 405 405 405 405 405 405 405 405 405 L",
    "consent:reviews": "200 403 403 403 200 200 404 404 404 404 404 L",
    "consent:statement_reply": "405 405 405 405 405 405 405 405 405 405 405 L",
    "dashboard:home": "200 200 200 200 200 200 200 200 P   P   P   L",
    "intake:analyse": "403 403 403 403 200 403 404 404 404 404 404 L",
    "passports:class_confirm": "405 405 405 405 405 405 405 405 405 405 405 L",
    "passports:class_overview": "200 404 200 404 200 404 404 404 404 404 404 L",
    "passports:class_overview_export": "200 404 200 404 200 404 404 404 404 404 404 L",
    "intake:cohort": "403 403 403 403 200 403 404 404 404 404 404 L",
    "dossiers:compose": "200 403 403 403 200 403 404 404 404 404 404 L",
    "dossiers:compose_school": "405 405 405 405 405 405 405 405 405 405 405 L",
    "dossiers:download": "405 405 405 405 405 405 405 405 405 405 405 L",
    "dossiers:lvs_import": "403 403 403 403 200 403 404 404 404 404 404 L",
    "dossiers:review_open": "405 405 405 405 405 405 405 405 405 405 405 L",
    "dossiers:section_version": "200 404 200 404 200 200 404 404 404 404 404 L",
    "dossiers:send": "405 405 405 405 405 405 405 405 405 405 405 L",
    "dossiers:dossier": "200 404 200 404 200 200 404 404 404 404 404 L",
    "dossiers:pack_edit": "403 403 403 403 200 200 404 404 404 404 404 L",
    "dossiers:packs": "403 403 403 403 200 200 404 404 404 404 404 L",
    "passports:passport": "200 404 200 404 200 404 404 404 404 404 404 L",
    "passports:passport_edit": "200 403 403 403 200 403 404 404 404 404 404 L",
    "dossiers:section_edit": "200 403 403 403 200 403 404 404 404 404 404 L",
    "dossiers:supplement_edit": "200 403 403 403 200 403 404 404 404 404 404 L",
    "passports:unread": "403 403 403 403 200 403 404 404 404 404 404 L",
    "meetings:agreement_done": "405 405 405 405 405 405 405 405 405 405 405 L",
    "regional_calendar:calendar": "200 200 403 403 200 200 404 404 404 404 404 L",
    "regional_calendar:checklist_save": "405 405 405 405 405 405 405 405 405 405 405 L",
    "worklist:feed": "404 404 404 404 404 404 404 404 404 404 404 404",
    "worklist:feed_settings": "200 200 200 200 200 200 200 200 200 200 200 L",
    "meetings:meeting": "200 200 404 404 200 200 200 404 404 404 404 L",
    "meetings:meeting_ics": "200 200 404 404 200 200 200 404 404 404 404 L",
    "regional_calendar:milestone_add": "405 405 405 405 405 405 405 405 405 405 405 L",
    "regional_calendar:milestone_remove": "405 405 405 405 405 405 405 405 405 405 405 L",
    "meetings:plan": "200 200 403 403 200 200 404 404 404 404 404 L",
    "steps:pupil_steps": "200 200 403 403 200 200 404 404 404 404 404 L",
    "regional_calendar:region_milestones": "404 404 404 404 404 404 404 200 404 404 404 L",
    "steps:responsibilities": "403 403 403 403 403 200 404 404 404 404 404 L",
    "meetings:school_meetings": "200 200 403 403 200 200 404 404 404 404 404 L",
    "steps:step_done": "405 405 405 405 405 405 405 405 405 405 405 L",
    "worklist:index": "200 200 200 200 200 200 200 200 200 200 200 L",
    "oso:attachment": "403 403 403 403 200 403 404 404 404 404 404 L",
    "oso:batch": "403 403 403 403 200 200 404 404 404 404 404 L",
    "oso:incoming": "403 403 403 403 200 200 404 404 404 404 404 L",
    "oso:received": "403 403 403 403 200 403 404 404 404 404 404 L",
    "portal:child": "404 404 404 404 404 404 404 404 200 404 404 L",
    "portal:consents": "404 404 404 404 404 404 404 404 200 404 404 L",
    "portal:copy": "404 404 404 404 404 404 404 404 200 404 404 L",
    "portal:copy_download": "404 404 404 404 404 404 404 404 200 404 404 L",
    "portal:correction": "404 404 404 404 404 404 404 404 200 404 404 L",
    "portal:dossier": "404 404 404 404 404 404 404 404 200 404 404 L",
    "portal:dossier_pdf": "404 404 404 404 404 404 404 404 200 404 404 L",
    "portal:home": "200 200 200 200 200 200 200 200 200 200 200 L",
    "portal:looked": "404 404 404 404 404 404 404 404 200 404 404 L",
    "pupils:detail": "200 200 200 200 200 200 404 404 200 404 404 L",
    "pupils:invitation_accept": "410 410 410 410 410 410 410 410 410 410 410 410",
    "pupils:invitation_create": "200 403 403 403 200 200 404 404 404 404 404 L",
    "pupils:school_pupils": "200 200 200 200 200 200 404 404 404 404 404 L",
    "pupils:registrations": "403 403 403 403 200 200 404 404 404 404 404 L",
    "pupils:school_transitions": "200 200 403 403 200 200 404 404 404 404 404 L",
    "retention:page": "403 403 403 403 403 200 404 404 404 404 404 L",
    "schools:class_teacher_remove": "405 405 405 405 405 405 405 405 405 405 405 L",
    "schools:class_teachers": "403 403 403 403 403 200 404 404 404 404 404 L",
    "schools:details": "403 403 403 403 403 200 404 404 404 404 404 L",
    "set_language": "R   R   R   R   R   R   R   R   R   R   R   R",
    "operations:health": "200 200 200 200 200 200 200 200 200 200 200 200",
    "roster:upload": "403 403 403 403 403 200 404 404 404 404 404 L",
    "api_tokens:tokens": "403 403 403 403 403 200 404 404 404 404 404 L",
    "outbox:undelivered": "403 403 403 403 403 200 404 404 404 404 404 L",
    "outbox:retry": "405 405 405 405 405 405 405 405 405 405 405 L",
    "api_tokens:token_revoke": "405 405 405 405 405 405 405 405 405 405 405 L",
    # the API answers a token, never a session: 401 for every persona
    "api:api-root": "404 404 404 404 404 404 404 404 404 404 404 404",
    "api:openapi-json": "200 200 200 200 200 200 200 200 200 200 200 200",
    "api:openapi-view": "200 200 200 200 200 200 200 200 200 200 200 200",
    "api:transitions": "401 401 401 401 401 401 401 401 401 401 401 401",
    "api:registrations": "401 401 401 401 401 401 401 401 401 401 401 401",
    "api:transition": "401 401 401 401 401 401 401 401 401 401 401 401",
    "api:dossier": "401 401 401 401 401 401 401 401 401 401 401 401",
    "roster:columns": "403 403 403 403 403 200 404 404 404 404 404 L",
    "roster:preview": "403 403 403 403 403 200 404 404 404 404 404 L",
    "operations:ready": "200 200 200 200 200 200 200 200 200 200 200 200",
}


# Pages that show no pupil's personal data (forms, settings, the region's calendar, lists
# of counts): a 200 there leaves no read in the audit trail. Every other 200 leaves one.
WITHOUT_PERSONAL_DATA = frozenset(
    {
        "accounts:login",
        "accounts:security",
        "accounts:two_factor_setup",
        "accounts:two_factor_verify",
        "dashboard:home",
        "worklist:feed_settings",
        "regional_calendar:calendar",
        "regional_calendar:region_milestones",
        "analytics:region",
        "analytics:region_pdf",
        "analytics:school",
        "analytics:school_pdf",
        "steps:responsibilities",
        "dossiers:packs",
        "dossiers:pack_edit",
        "dossiers:lvs_import",
        "schools:details",
        "schools:class_teachers",  # classes and their staff, no pupil
        "portal:home",
        "roster:upload",  # the form and earlier file names, no pupil
        "aftercare:moments",  # the school's check-in moments, no pupil
        "promotion:norms",  # the school's norms, no pupil
        "api_tokens:tokens",  # tokens and their scopes
        "api:openapi-json",  # the API's description
        "api:openapi-view",
        "operations:health",  # for machines: the status of the installation
        "operations:ready",
    }
)
# The school administrator uploads dossiers without reading them: the upload page shows them
# no pupil.
WITHOUT_PERSONAL_DATA_FOR = frozenset({("oso:incoming", "school_admin")})


def _url_names(resolver: URLResolver, namespace: str = "") -> set[str]:
    names = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace or "") if n)
            names |= _url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}:{entry.name}" if namespace else entry.name)
    return names


# Every page has a breadcrumb back to the start page, but for the start pages themselves and
# the pages of logging in (no start page to go back to yet), and the API's reference page.
WITHOUT_BREADCRUMB = {
    "api:openapi-view",
    "dashboard:home",
    "portal:home",
    "accounts:login",
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
}


def test_every_url_name_has_a_row_in_the_matrix() -> None:
    names = _url_names(get_resolver())
    assert sorted(names - URLS.keys()) == [], "add the URL to URLS and EXPECTED"
    assert sorted(URLS.keys() - names) == [], "the URL is gone: remove its row"
    assert URLS.keys() == EXPECTED.keys()
    assert all(len(codes.split()) == len(PERSONAS) for codes in EXPECTED.values())


@pytest.fixture
def scene(world: World) -> Scene:
    return scene_build(world)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_url_answers_the_persona_as_designed(scene: Scene, persona: str) -> None:
    """One persona per test, every URL in it (the scene is built once per persona)."""
    client = client_for(persona_users(scene)[persona])
    column = PERSONAS.index(persona)
    wrong = []
    for name in sorted(URLS):
        expected = EXPECTED[name].split()[column]
        url = URLS[name](scene)
        before = AuditEvent.objects.count()
        response = client.get(url)
        got = str(response.status_code)
        personal = not (
            name in WITHOUT_PERSONAL_DATA or (name, persona) in WITHOUT_PERSONAL_DATA_FOR
        )
        if response.status_code == 200 and personal:
            rows = AuditEvent.objects.count() - before
            if rows != 1:
                wrong.append(f"{name}: {rows} audit rows for a page with personal data")
        if (
            response.status_code == 200
            and response["Content-Type"].startswith("text/html")
            and name not in WITHOUT_BREADCRUMB
            and 'class="breadcrumb"' not in response.content.decode()
        ):
            wrong.append(f"{name}: no breadcrumb")
        if response.status_code == 302:
            location = response["Location"]
            got = (
                "L"
                if location.startswith(reverse("accounts:login"))
                else "P"
                if location.startswith(reverse("portal:home"))
                else "R"
            )
        if got != expected:
            wrong.append(f"{name}: {got}, expected {expected}")
    assert wrong == []


def _code(response: Any) -> str:
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if location.startswith(reverse("accounts:login")):
        return "L"
    return "P" if location.startswith(reverse("portal:home")) else "R"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_a_post_never_gets_further_than_the_get(scene: Scene, persona: str) -> None:
    """The same URLs asked with POST (an empty form, a fresh login each): where the GET is
    refused (404, 403, the login page), the POST is refused the same way — or with 405 where
    the page takes no POST — and nothing is written; it never fails with a server error."""
    user = persona_users(scene)[persona]
    column = PERSONAS.index(persona)
    wrong = []
    for name in sorted(URLS):
        expected = EXPECTED[name].split()[column]
        url = URLS[name](scene)
        before = AuditEvent.objects.exclude(action=AuditAction.ACCESS_DENIED).count()
        if user is not None:
            user.refresh_from_db()  # "log out everywhere" may have ended the last login
        got = _code(client_for(user).post(url, {}))
        if expected in ("404", "403", "L", "410"):
            if got not in (expected, "405"):
                wrong.append(f"{name}: POST {got}, the GET is {expected}")
            written = AuditEvent.objects.exclude(action=AuditAction.ACCESS_DENIED).count()
            if written != before and expected != "L":
                wrong.append(f"{name}: a refused POST left {written - before} audit rows")
        elif got == "500":
            wrong.append(f"{name}: POST 500")
    assert wrong == []
