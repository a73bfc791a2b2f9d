"""The audit event: immutable once written."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "auth.login", _("Logged in")
    LOGIN_FAILED = "auth.login_failed", _("Login failed")
    LOCKOUT = "auth.lockout", _("Locked out after repeated failures")
    LOGOUT = "auth.logout", _("Logged out")
    LOGOUT_EVERYWHERE = "auth.logout_everywhere", _("Logged out everywhere")
    SESSION_EXPIRED = "auth.session_expired", _("Session expired")
    TWO_FACTOR_ENABLED = "auth.2fa_enabled", _("Two-step verification enabled")
    TWO_FACTOR_DISABLED = "auth.2fa_disabled", _("Two-step verification disabled")
    TWO_FACTOR_VERIFIED = "auth.2fa_verified", _("Two-step verification passed")
    TWO_FACTOR_FAILED = "auth.2fa_failed", _("Two-step verification failed")
    RECOVERY_CODES_GENERATED = "auth.recovery_codes_generated", _("Recovery codes generated")
    RECOVERY_CODE_USED = "auth.recovery_code_used", _("Recovery code used")
    ACCESS_DENIED = "access.denied", _("Access denied")
    PUPIL_VIEWED = "pupil.viewed", _("Pupil page viewed")
    PUPIL_LIST_VIEWED = "pupil_list.viewed", _("Pupil list viewed")
    INVITATION_CREATED = "invitation.created", _("Invitation sent")
    INVITATION_ACCEPTED = "invitation.accepted", _("Invitation accepted")
    OSO_IMPORTED = "oso.imported", _("OSO dossier imported")
    OSO_HELD = "oso.held", _("OSO dossier held for review")
    OSO_REJECTED = "oso.rejected", _("OSO file rejected")
    OSO_EXPORTED = "oso.exported", _("OSO dossier exported")
    RECEIVED_DOSSIER_VIEWED = "received_dossier.viewed", _("Received dossier viewed")
    ATTACHMENT_DOWNLOADED = "attachment.downloaded", _("Attachment downloaded")
    REVIEW_OPENED = "review.opened", _("Guardians' review opened")
    REVIEW_SEEN = "review.seen", _("Dossier reviewed")
    STATEMENT_ADDED = "statement.added", _("Statement added")
    STATEMENT_REPLIED = "statement.replied", _("School replied to a statement")
    CONSENT_DECIDED = "consent.decided", _("Consent given or withdrawn")
    CORRECTION_REQUESTED = "correction.requested", _("Correction requested")
    COPY_REQUESTED = "copy.requested", _("Copy of the data requested")
    COPY_RELEASED = "copy.released", _("Copy of the data released")
    COPY_DOWNLOADED = "copy.downloaded", _("Copy of the data downloaded")
    DOSSIER_PDF_DOWNLOADED = "dossier_pdf.downloaded", _("Dossier copy downloaded")
    DOSSIER_VIEWED = "dossier.viewed", _("Dossier viewed")
    DOSSIER_SECTION_SAVED = "dossier_section.saved", _("Dossier section saved")
    PASSPORT_SAVED = "passport.saved", _("Passport saved")
    PASSPORT_VIEWED = "passport.viewed", _("Passport viewed")
    PASSPORT_CONFIRMED = "passport.confirmed", _("Passport read and confirmed")
    CLASS_OVERVIEW_VIEWED = "class_overview.viewed", _("Class overview viewed")
    INTAKE_ANALYSED = "intake.analysed", _("Intake analysis saved")
    CLASS_ASSIGNED = "class.assigned", _("Class assigned")
    SUPPLEMENT_SAVED = "supplement.saved", _("Supplement filled in")
    QUESTION_PACK_CHANGED = "question_pack.changed", _("Question pack changed")
    MEETING_PLANNED = "meeting.planned", _("Warm handover planned")
    MEETING_VIEWED = "meeting.viewed", _("Warm handover viewed")
    MEETING_CHANGED = "meeting.changed", _("Warm handover moved or changed")
    MEETING_CANCELLED = "meeting.cancelled", _("Warm handover cancelled")
    MINUTES_ADDED = "minutes.added", _("Minutes added")
    AGREEMENT_ADDED = "agreement.added", _("Agreement added")
    STEP_DONE = "step.done", _("Transition step done")
    REFERRAL_CREATED = "referral.created", _("Referred to care")
    REFERRAL_UPDATED = "referral.updated", _("Referral outcome recorded")
    REFERRAL_VIEWED = "referral.viewed", _("Care agenda viewed")
    DEVELOPMENT_PLAN_SAVED = "development_plan.saved", _("Development plan (OPP) saved")
    DEVELOPMENT_PLAN_VIEWED = "development_plan.viewed", _("Development plan (OPP) viewed")
    DOSSIER_SECTION_VIEWED = "dossier_section.viewed", _("Dossier section and its history viewed")
    STEPS_VIEWED = "steps.viewed", _("Steps of a transition viewed")
    REVIEWS_VIEWED = "reviews.viewed", _("Guardians' reviews and statements viewed")
    REFERRAL_FORM_VIEWED = "referral_form.viewed", _("Referral form viewed")
    SUPPLEMENT_VIEWED = "supplement.viewed", _("Supplement answers viewed")
    INTAKE_ANALYSIS_VIEWED = "intake_analysis.viewed", _("Intake analysis viewed")
    CONSENTS_VIEWED = "consents.viewed", _("Consents viewed")
    AUDIT_TRAIL_VIEWED = "audit_trail.viewed", _("Who looked viewed")
    RETENTION_DELETED = "retention.deleted", _("Deleted at the end of its retention period")
    LEGAL_HOLD_PLACED = "legal_hold.placed", _("Legal hold placed")
    LEGAL_HOLD_LIFTED = "legal_hold.lifted", _("Legal hold lifted")
    PUPIL_REGISTERED = "pupil.registered", _("Registration recorded and dossier requested")
    RECEIVING_SCHOOL_CHOSEN = "transition.school_chosen", _("Receiving school recorded")
    DOSSIER_SENT = "dossier.sent", _("Dossier sent inside the installation")
    DOSSIER_ARRIVED = "dossier.arrived", _("Dossier arrived from a school of the installation")
    SCHOOL_DETAILS_SAVED = "school.details_saved", _("School details saved")
    COMPOSE_VIEWED = "dossier.compose_viewed", _("Dossier being written viewed")
    PAO_SENT = "pao.sent", _("Dossier sent to the partnership")
    PAO_RECEIVED = "pao.received", _("Dossier received by the partnership")
    PAO_VIEWED = "pao.viewed", _("Partnership dossier viewed")
    LVS_IMPORTED = "lvs.imported", _("Test results read in from the pupil tracking system")
    API_TOKEN_CREATED = "api_token.created", _("API token made")
    API_TOKEN_REVOKED = "api_token.revoked", _("API token revoked")
    API_CALLED = "api.called", _("API asked")
    MAIL_RETRIED = "mail.retried", _("E-mail tried again")
    ROSTER_IMPORTED = (
        "roster.imported",
        _("Pupils and classes read in from the school administration"),
    )
    PROMOTION_NORMS_SAVED = "promotion.norms_saved", _("Promotion norms saved")
    PROMOTION_DECIDED = "promotion.decided", _("Promotion decision recorded")
    ROLLOVER_RUN = "rollover.run", _("Pupils moved into the next school year")
    ROLLOVER_UNDONE = "rollover.undone", _("Move into the next school year undone")
    GROUP_PLAN_SAVED = "group_plan.saved", _("Group plan saved")
    CHECK_IN_RECORDED = "aftercare.check_in", _("Aftercare check-in recorded")
    CHECK_IN_MOMENTS_SAVED = "aftercare.moments_saved", _("Aftercare check-in moments saved")
    FEEDBACK_SENT = "feedback.sent", _("Feedback sent to the sending school")
    CAREER_WRITTEN = "careers.written", _("Career dossier written")
    CAREER_COMMENTED = "careers.commented", _("Career dossier commented on")
    REGISTRATION_SAVED = "further.registration", _("Registration for further education saved")
    TRANSFER_SIGNED = "further.signed", _("Transfer dossier signed off")
    TRANSFER_SENT = "further.sent", _("Transfer dossier sent")
    START_REPORTED = "further.start_reported", _("Start at the new school reported")
    MENTOR_HANDOVER_WRITTEN = "mentor_handover.written", _("Mentor handover written")
    MENTOR_HANDOVER_CONFIRMED = "mentor_handover.confirmed", _("Mentor handover read and confirmed")


class ImmutableAuditError(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise ImmutableAuditError("Audit events cannot be updated.")

    def delete(self) -> NoReturn:
        raise ImmutableAuditError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(db_index=True)
    action = models.CharField(max_length=64, choices=AuditAction.choices)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_role = models.CharField(max_length=32, blank=True)
    school_id = models.BigIntegerField(null=True, blank=True)
    subject_pupil_id = models.UUIDField(null=True, blank=True)
    target = models.CharField(max_length=100, blank=True)
    ip_address = models.CharField(max_length=45, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    details = models.JSONField(default=dict, blank=True)
    # The hash chain (see audit.chain): the previous event's hash, and this event's.
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["subject_pupil_id", "-occurred_at"], name="audit_subject_idx"),
            models.Index(fields=["actor_id", "-occurred_at"], name="audit_actor_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableAuditError("Audit events cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableAuditError("Audit events cannot be deleted.")
