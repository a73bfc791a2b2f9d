"""The copy of everything the product holds about a pupil, for a data subject request
(AVG art. 15): the pupil and their guardians, the school career, every section every school
wrote (at every sensitivity), the passport, the test results, the guardians' reviews and
statements, the consent decisions, the correction and copy requests, the dossiers received
as files, and the audit trail of the pupil — who looked, when, in which role and acting for
which school (as NEN 7513 asks; staff by role and school, not by name).

Public API: `subject_copy(pupil)` → a dict that is the JSON copy and feeds the PDF.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from overdracht.audit.models import AuditAction
from overdracht.audit.selectors import events_for_pupil
from overdracht.consent.selectors import (
    correction_requests_of,
    decisions_of,
    reviews_for_pupil,
)
from overdracht.dossiers.selectors import subject_dossier
from overdracht.oso.selectors import received_dossiers_of_pupil
from overdracht.passports.selectors import current_passport
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School

FORMAT = "overdracht-kopie/1"


def _when(value: Any) -> str:
    return timezone.localtime(value).isoformat(timespec="minutes") if value else ""


def subject_copy(pupil: Pupil) -> dict[str, Any]:
    sections, results = subject_dossier(pupil)
    passport = current_passport(pupil)
    events = list(events_for_pupil(pupil.pk).order_by("occurred_at", "id"))
    school_names = dict(
        School.objects.filter(pk__in={e.school_id for e in events if e.school_id}).values_list(
            "pk", "name"
        )
    )
    return {
        "format": FORMAT,
        "made_at": _when(timezone.now()),
        "pupil": {
            "name": pupil.name,
            "given_names": pupil.given_names,
            "birth_date": pupil.birth_date.isoformat(),
            "bsn": pupil.bsn,
            "onderwijsnummer": pupil.onderwijsnummer,
            "address": ""
            if pupil.address_is_secret
            else " ".join(
                p for p in (pupil.street, pupil.house_number, pupil.postal_code, pupil.city) if p
            ),
            "address_is_secret": pupil.address_is_secret,
        },
        "guardians": [
            {
                "name": r.guardian.name,
                "relationship": r.get_relationship_display(),
                "has_authority": r.has_authority,
                "email": r.guardian.email,
                "phone": r.guardian.phone,
            }
            for r in pupil.guardian_relations.select_related("guardian")
        ],
        "enrolments": [
            {
                "school": e.school.name,
                "school_year": f"{e.school_year}-{e.school_year + 1}",
                "year_group": e.year_group,
                "class": e.class_group.name if e.class_group else "",
                "start": e.start_date.isoformat() if e.start_date else "",
                "end": e.end_date.isoformat() if e.end_date else "",
            }
            for e in pupil.enrolments.select_related("school", "class_group").order_by(
                "school_year"
            )
        ],
        "sections": [
            {
                "school": s.school,
                "part": s.label,
                "version": s.version,
                "updated_at": _when(s.updated_at),
                "fields": [{"label": k, "value": v} for k, v in s.facts],
            }
            for s in sections
        ],
        "passport": None
        if passport is None
        else {
            "version": passport.version,
            "tips": list(passport.tips),
            "strengths": passport.strengths,
            "what_works": passport.what_works,
            "what_does_not_work": passport.what_does_not_work,
            "valid_until": passport.valid_until.isoformat() if passport.valid_until else "",
        },
        "test_results": [
            {
                "school": r.school.name,
                "test": r.test_name,
                "subject": r.subject,
                "taken_on": r.taken_on.isoformat(),
                "ability_score": r.ability_score,
                "level": r.rating,
            }
            for r in results
        ],
        "reviews": [
            {
                "school": review.school.name,
                "opened_at": _when(review.opened_at),
                "statements": [
                    {"agrees": s.agrees, "text": s.text, "at": _when(s.created_at)}
                    for s in review.statements.all()
                ],
            }
            for review in reviews_for_pupil(pupil)
        ],
        "consent_decisions": [
            {
                "purpose": d.get_purpose_display(),
                "given": d.given,
                "by": d.guardian.name if d.guardian else pupil.name,
                "at": _when(d.decided_at),
            }
            for d in decisions_of(pupil)
        ],
        "correction_requests": [
            {"school": c.school.name, "text": c.text, "at": _when(c.created_at)}
            for c in correction_requests_of(pupil)
        ],
        "received_dossiers": [
            {
                "school": d.school.name,
                "from": d.sending_name or d.sending_brin,
                "received_at": _when(d.received_at),
                "version": d.version,
                "state": d.get_state_display(),
            }
            for d in received_dossiers_of_pupil(pupil)
        ],
        "audit_trail": [
            {
                "at": _when(e.occurred_at),
                "what": str(AuditAction(e.action).label)
                if e.action in AuditAction.values
                else e.action,
                "role": e.actor_role,
                "school": school_names.get(e.school_id, "") if e.school_id else "",
            }
            for e in events
        ],
    }
