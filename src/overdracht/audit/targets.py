"""What an audit event is about, as `<kind>:<id>`: made from the object itself, so a target
is never a string typed by hand. The kinds are the audit trail's own words (stable across
renames of a model), kept here by model label; a model not named here is its model name."""

from __future__ import annotations

from django.db import models

KINDS: dict[str, str] = {
    "care.developmentplan": "development_plan",
    "care.referral": "referral",
    "consent.consentdecision": "consent_decision",
    "consent.copyrequest": "copy_request",
    "consent.correctionrequest": "correction_request",
    "consent.guardianreview": "guardian_review",
    "consent.guardianstatement": "guardian_statement",
    "consent.reviewparticipant": "review_participant",
    "consent.statementreply": "statement_reply",
    "dossiers.dossiersection": "dossier_section",
    "dossiers.intakeanalysis": "intake_analysis",
    "dossiers.questionpack": "question_pack",
    "dossiers.supplementanswers": "supplement",
    "meetings.agreement": "agreement",
    "meetings.handovermeeting": "meeting",
    "meetings.minutesentry": "minutes",
    "oso.importbatch": "import_batch",
    "oso.partnershipdossier": "partnership_dossier",
    "oso.receivedattachment": "received_attachment",
    "oso.receiveddossier": "received_dossier",
    "passports.passportversion": "passport",
    "pupils.invitation": "invitation",
    "pupils.transition": "transition",
    "retention.legalhold": "legal_hold",
    "schools.classgroup": "class_group",
    "schools.school": "school",
    "steps.transitionstep": "step",
}


def target_of(obj: models.Model) -> str:
    """`<kind>:<primary key>` of a saved object."""
    if obj.pk is None:
        raise ValueError("An audit target must be saved first.")
    label = obj._meta.label_lower
    return f"{KINDS.get(label, obj._meta.model_name or label)}:{obj.pk}"
