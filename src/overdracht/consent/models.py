"""Guardians' reviews, statements and replies, consents, correction requests.

Statements, replies and consent decisions are append-only: nobody edits them; a new
decision or statement is a new row with its time and author."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Guardian, Pupil, Transition
from overdracht.schools.models import School


class ReviewWay(models.TextChoices):
    PORTAL = "portal", _("In the portal")
    PAPER = "paper", _("On paper")
    CONVERSATION = "conversation", _("In a conversation")


class GuardianReview(models.Model):
    """The review (inzage) of the dossier that goes with one outgoing transition."""

    transition = models.OneToOneField(
        Transition, on_delete=models.CASCADE, related_name="guardian_review"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="guardian_reviews")
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by_id = models.BigIntegerField(null=True, blank=True)
    deadline = models.DateField(_("review before"))

    def __str__(self) -> str:
        return f"review {self.pk} of transition {self.transition_id}"


class ReviewParticipant(models.Model):
    """Someone who must be given the review: a guardian with authority, or the pupil (16+)."""

    review = models.ForeignKey(
        GuardianReview, on_delete=models.CASCADE, related_name="participants"
    )
    guardian = models.ForeignKey(
        Guardian,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_participations",
    )
    is_pupil = models.BooleanField(default=False)
    seen_at = models.DateTimeField(null=True, blank=True)
    way = models.CharField(max_length=12, choices=ReviewWay.choices, blank=True)
    recorded_by_id = models.BigIntegerField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_pupil=True, guardian__isnull=True)
                | models.Q(is_pupil=False, guardian__isnull=False),
                name="participant_is_guardian_or_pupil",
            ),
        ]

    def __str__(self) -> str:
        return f"participant {self.pk} of review {self.review_id}"


class GuardianStatement(models.Model):
    """The guardians' or pupil's view (zienswijze). The school cannot change it."""

    review = models.ForeignKey(GuardianReview, on_delete=models.CASCADE, related_name="statements")
    participant = models.ForeignKey(
        ReviewParticipant, on_delete=models.CASCADE, related_name="statements"
    )
    author_id = models.BigIntegerField()
    agrees = models.BooleanField()
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"statement {self.pk}"


class StatementReply(models.Model):
    statement = models.ForeignKey(
        GuardianStatement, on_delete=models.CASCADE, related_name="replies"
    )
    author_id = models.BigIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"reply {self.pk}"


class ConsentPurpose(models.TextChoices):
    CARE_ADVISORY_TEAM = (
        "care_advisory_team",
        _("Discuss the pupil in the care advisory team (ZAT) with external partners"),
    )
    BEYOND_LEGAL_SET = (
        "beyond_legal_set",
        _("Pass on information beyond what the law allows for the transfer"),
    )
    TEST_RESULTS_THIRD_PARTY = (
        "test_results_third_party",
        _("Share test results with a third party"),
    )
    GUARDIAN_ACCESS = "guardian_access", _("My parents may keep seeing my information (from 18)")


class ConsentDecision(models.Model):
    """One decision on one purpose: given or refused/withdrawn. The latest decision of each
    person counts; all decisions stay as history."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="consent_decisions")
    purpose = models.CharField(max_length=32, choices=ConsentPurpose.choices)
    guardian = models.ForeignKey(
        Guardian,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consent_decisions",
        help_text=_("Empty when the pupil decided."),
    )
    given = models.BooleanField()
    decided_by_id = models.BigIntegerField(help_text=_("The user who recorded the decision."))
    decided_at = models.DateTimeField(auto_now_add=True)
    recorded_by_school = models.BooleanField(default=False)

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["pupil", "purpose"], name="consent_pupil_purpose_idx")]

    def __str__(self) -> str:
        return f"consent {self.purpose} {'given' if self.given else 'refused'}"


class ConsentSettings(models.Model):
    """Per school: whether one guardian with authority can give consent, or both must."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="consent_settings")
    both_guardians_required = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"consent settings of school {self.school_id}"


class CorrectionRequest(models.Model):
    """A guardian or pupil asks the school to correct something; it reaches the school's
    list of open requests (answer within four weeks)."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="correction_requests")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="correction_requests")
    requested_by_id = models.BigIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"correction request {self.pk}"


class CopyRequest(models.Model):
    """A guardian with authority or a pupil from 16 asks for a copy of everything the
    product holds about the pupil (AVG art. 15); the school releases it within four weeks,
    and the requester downloads it from the portal as PDF and JSON."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="copy_requests")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="copy_requests")
    requested_by_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    due = models.DateField(_("answer by"))
    released_at = models.DateTimeField(null=True, blank=True)
    released_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"copy request {self.pk}"
