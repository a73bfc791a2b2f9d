"""Received OSO dossiers, kept whole with their history, and their attachments."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.fields import EncryptedBinaryField, EncryptedJSONField
from overdracht.pupils.models import Pupil, Transition
from overdracht.schools.models import Partnership, School


class DossierState(models.TextChoices):
    CURRENT = "current", _("Current")
    SUPERSEDED = "superseded", _("Replaced by a newer dossier")
    HELD = "held", _("Held for review: does not match the known pupil")


class ReceivedDossier(models.Model):
    """One OSO dossier as a school received it. A newer dossier for the same pupil and school
    supersedes the older one, which stays as history."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="received_dossiers")
    pupil = models.ForeignKey(
        Pupil, on_delete=models.CASCADE, null=True, blank=True, related_name="received_dossiers"
    )
    conflict_pupil = models.ForeignKey(
        Pupil,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The known pupil with the same BSN whose birth date or name differs."),
    )
    transition = models.ForeignKey(
        Transition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="received_dossiers",
    )
    state = models.CharField(max_length=12, choices=DossierState.choices)
    version = models.PositiveIntegerField(default=1)
    content_hash = models.CharField(max_length=64, db_index=True)
    source_name = models.CharField(max_length=255)
    transfer_kind = models.CharField(max_length=24)
    crossing = models.CharField(max_length=4, blank=True)
    sending_brin = models.CharField(max_length=4, blank=True)
    sending_location = models.CharField(max_length=2, blank=True)
    sending_name = models.CharField(max_length=200, blank=True)
    dossier_date = models.DateField(null=True, blank=True)
    delivery = models.JSONField(default=dict)
    mapped = EncryptedJSONField(default=dict)
    tree = EncryptedJSONField(default=dict)
    unmapped = models.JSONField(default=dict)
    warnings = models.JSONField(default=list)
    received_at = models.DateTimeField(auto_now_add=True)
    imported_by_id = models.BigIntegerField(null=True, blank=True)
    sent_from_school = models.ForeignKey(
        School,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_dossiers",
        help_text=_("Set when a school of this installation sent it with one action."),
    )
    first_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["school", "state"], name="received_school_state_idx")]

    def __str__(self) -> str:
        return f"dossier {self.pk} ({self.state})"


class ReceivedAttachment(models.Model):
    """An attachment of a received dossier. Kept in the database, in the same transaction
    as its dossier, and never served without a permission check."""

    dossier = models.ForeignKey(
        ReceivedDossier, on_delete=models.CASCADE, related_name="attachments"
    )
    index = models.PositiveIntegerField()
    filename = models.CharField(max_length=255)
    description = models.CharField(max_length=500, blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    found_in = models.CharField(max_length=300)
    content = EncryptedBinaryField()

    class Meta:
        ordering = ["dossier", "index"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "index"], name="received_attachment_index_unique"
            )
        ]

    def __str__(self) -> str:
        return f"attachment {self.index} of dossier {self.dossier_id}"


class PartnershipDossier(models.Model):
    """A PaO dossier (POSWV or VOSWV) that a school sent to its partnership, e.g. with a
    request for a toelaatbaarheidsverklaring: sent inside the installation from a referral,
    or a file of a school outside it, read in by the partnership's staff. The file is kept
    whole; the partnership reads it in words."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="received_dossiers"
    )
    pupil = models.ForeignKey(
        Pupil,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="partnership_dossiers",
        help_text=_("Known when a school of this installation sent it, or when matched."),
    )
    sent_from_school = models.ForeignKey(
        School, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content_hash = models.CharField(max_length=64)
    source_name = models.CharField(max_length=255)
    crossing = models.CharField(max_length=5)
    sending_brin = models.CharField(max_length=4, blank=True)
    sending_name = models.CharField(max_length=200, blank=True)
    pupil_name = models.CharField(max_length=200, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    dossier_date = models.DateField(null=True, blank=True)
    delivery = models.JSONField(default=dict)
    mapped = EncryptedJSONField(default=dict)
    content = EncryptedBinaryField(help_text=_("The file as it arrived."))
    received_at = models.DateTimeField(auto_now_add=True)
    imported_by_id = models.BigIntegerField(null=True, blank=True)
    first_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "content_hash"], name="partnership_dossier_once"
            )
        ]

    def __str__(self) -> str:
        return f"partnership dossier {self.pk}"


class ImportStatus(models.TextChoices):
    """Where one file stands in its import: the one list of these, for an upload's files,
    an import's outcome and the partnership's reading in."""

    WAITING = "", _("waiting")
    CLAIMED = "running", _("being imported")
    IMPORTED = "imported", _("imported")
    UPDATED = "updated", _("updated (newer dossier)")
    UNCHANGED = "unchanged", _("already imported, nothing changed")
    HELD = "held", _("held: does not match the known pupil")
    REJECTED = "rejected", _("rejected")
    RECEIVED = "received", _("received by the partnership")


class BatchState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Busy")
    FINISHED = "finished", _("Finished")


class ImportBatch(models.Model):
    """Files uploaded together; a background task imports them one by one."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="import_batches")
    created_by_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=BatchState.choices, default=BatchState.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"import batch {self.pk}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


class ImportBatchFile(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    data = EncryptedBinaryField(null=True, blank=True, help_text=_("Emptied once imported."))
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, blank=True, default=ImportStatus.WAITING
    )
    pupil_id = models.UUIDField(null=True, blank=True)
    dossier_id = models.BigIntegerField(null=True, blank=True)
    problems = models.JSONField(default=list)
    unmapped_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["batch", "position"]

    def __str__(self) -> str:
        return f"file {self.position} of batch {self.batch_id}"
