"""Retention: the law's periods as data, legal holds, notices and the runs of the job."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Pupil
from overdracht.schools.models import School


class RetentionCategory(models.TextChoices):
    # What each category deletes is in overdracht.retention.services.ERASERS.
    DOSSIER = (
        "dossier",
        _("Pupil dossier (dossier, passport, received OSO files, reviews, warm handovers)"),
    )
    SPECIAL_EDUCATION_REFERRAL = (
        "special_education_referral",
        _("Referrals towards special education and development plans"),
    )
    ENROLMENT = "enrolment", _("Enrolment and absence data, and the pupil record itself")


class RetentionRule(models.Model):
    """An installation keeps a category longer than the law's default
    (`selectors.DEFAULT_RULES`); a shorter period here is ignored."""

    category = models.CharField(max_length=32, choices=RetentionCategory.choices, unique=True)
    years = models.PositiveSmallIntegerField()
    basis = models.CharField(max_length=200)

    class Meta:
        ordering = ["years", "category"]

    def __str__(self) -> str:
        return f"{self.category}: {self.years} years"


class LegalHold(models.Model):
    """While a dispute (bezwaar, klacht, rechtszaak) runs, nothing of the pupil is deleted."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="legal_holds")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=200)
    placed_by_id = models.BigIntegerField()
    placed_at = models.DateTimeField(auto_now_add=True)
    lifted_by_id = models.BigIntegerField(null=True, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-placed_at", "-id"]

    def __str__(self) -> str:
        return f"legal hold {self.pk} on {self.pupil_id}"


class RetentionNotice(models.Model):
    """The first day the job saw a category of a pupil due. It deletes only after the
    notice period, so the school administrator sees it coming and can place a hold."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=32, choices=RetentionCategory.choices)
    first_due_on = models.DateField()
    # Set once the job deleted the category: it is not looked at again.
    erased_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pupil", "category"], name="retention_notice_once")
        ]

    def __str__(self) -> str:
        return f"{self.category} of {self.pupil_id} due since {self.first_due_on}"


class RetentionRun(models.Model):
    """One run of the job: a dry run (nothing changed) or the real one. The report holds
    counts per school and category, never names."""

    ran_at = models.DateTimeField(auto_now_add=True)
    day = models.DateField()
    dry_run = models.BooleanField()
    report = models.JSONField(default=dict)

    class Meta:
        ordering = ["-ran_at", "-id"]

    def __str__(self) -> str:
        return f"retention run {self.pk} ({'dry' if self.dry_run else 'applied'})"
