"""The pupil passport ("wat elke docent moet weten") in versions, with read receipts per
version and the reminders sent to its readers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Pupil


class Arrangement(models.TextChoices):
    """Support arrangements teachers must know of (editable list later)."""

    EXTRA_TIME = "extra_time", _("Extra time")
    LAPTOP = "laptop", _("Own laptop or tablet")
    READ_ALOUD = "read_aloud", _("Read-aloud software")
    LARGE_FONT = "large_font", _("Enlarged, sans-serif font")
    FEWER_ITEMS = "fewer_items", _("Fewer items per test")
    ORAL_TESTS = "oral_tests", _("Oral tests")
    QUIET_SPOT = "quiet_spot", _("A quiet, fixed seat")
    TIME_OUT = "time_out", _("Time-out card")
    CALCULATOR = "calculator", _("Calculator or table card")


class PassportVersion(models.Model):
    """One version of the pupil passport ("what every teacher must know"). Every save is a
    new version; read receipts belong to a version, so a change asks for a new reading."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="passport_versions")
    version = models.PositiveIntegerField()
    tips = models.JSONField(default=list, help_text=_("3 to 6 concrete tips for the lesson."))
    strengths = models.TextField(_("strengths and interests"), blank=True)
    what_works = models.TextField(_("what works"), blank=True)
    what_does_not_work = models.TextField(_("what does not work"), blank=True)
    arrangements = models.JSONField(default=list)
    contact = models.CharField(_("contact person"), max_length=200, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    written_by_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["pupil", "version"], name="passport_version_once")
        ]

    def __str__(self) -> str:
        return f"passport v{self.version} of {self.pupil_id}"


class ReadReceipt(models.Model):
    passport = models.ForeignKey(PassportVersion, on_delete=models.CASCADE, related_name="receipts")
    user_id = models.BigIntegerField()
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["passport", "user_id"], name="read_receipt_once")
        ]

    def __str__(self) -> str:
        return f"receipt {self.user_id} for passport {self.passport_id}"


class PassportReminder(models.Model):
    """A reminder sent to a reader about an unread passport version: sent once."""

    passport = models.ForeignKey(
        PassportVersion, on_delete=models.CASCADE, related_name="reminders"
    )
    user_id = models.BigIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["passport", "user_id"], name="passport_reminder_once")
        ]

    def __str__(self) -> str:
        return f"reminder {self.user_id} for passport {self.passport_id}"
