"""Referrals, care team meetings and development plans (OPP)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.oso.models import PartnershipDossier
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School


class CareLevel(models.TextChoices):
    CARE_TEAM = "izo", _("Care team (IZO)")
    CARE_ADVISORY_TEAM = "zat", _("Care advisory team (ZAT)")
    PARTNERSHIP = "swv", _("Partnership (SWV)")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    SOON = "soon", _("Soon")
    URGENT = "urgent", _("Urgent")


class CareTeamMeeting(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="care_meetings")
    level = models.CharField(max_length=3, choices=CareLevel.choices, default=CareLevel.CARE_TEAM)
    date = models.DateField(_("date"))

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.level} {self.date}"


class Referral(models.Model):
    """A pupil put on the agenda of the care team, or escalated beyond the school."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="referrals")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="referrals")
    level = models.CharField(_("to"), max_length=3, choices=CareLevel.choices)
    reason = models.TextField(_("reason"))
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=Urgency.choices, default=Urgency.NORMAL
    )
    meeting = models.ForeignKey(
        CareTeamMeeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="referrals"
    )
    outcome = models.TextField(_("outcome"), blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)  # when the outcome was recorded
    outcome_seen_at = models.DateTimeField(null=True, blank=True)  # the referrer read it
    actions = models.TextField(_("actions"), blank=True)
    escalated_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="escalations"
    )
    created_by_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The mentor who follows it for the pupil's class (at first whoever referred); it moves to
    # the next mentor with the mentor handover.
    mentor_id = models.BigIntegerField(null=True, blank=True)
    partnership_dossier = models.ForeignKey(
        PartnershipDossier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        help_text=_("The dossier sent to the partnership with this referral."),
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"referral {self.pk} ({self.level})"


class DevelopmentPlan(models.Model):
    """OPP: drawn up within 6 weeks of the start of extra support, evaluated every year, with
    the pupil's own view."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="development_plans")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    support_started = models.DateField(_("extra support started"))
    due = models.DateField(_("plan due"))
    completed_at = models.DateField(_("plan completed"), null=True, blank=True)
    next_evaluation = models.DateField(_("next yearly evaluation"), null=True, blank=True)
    pupil_view = models.TextField(_("the pupil's own view"), blank=True)
    created_by_id = models.BigIntegerField()
    # The mentor who follows the plan for the pupil's class; moves with the mentor handover.
    mentor_id = models.BigIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"OPP of {self.pupil_id}"
