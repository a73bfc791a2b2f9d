"""An uploaded export of the school administration, and the school's column mapping."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.fields import EncryptedBinaryField
from overdracht.schools.models import School


class ColumnMapping(models.Model):
    """Which column of the school's export holds which of our fields; kept per school, so
    the next export of the same system needs no mapping again."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="roster_mapping")
    preset = models.CharField(max_length=20, blank=True)
    columns = models.JSONField(default=dict)  # our field → the file's heading
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"column mapping of {self.school_id}"


class UploadState(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    QUEUED = "queued", _("Waiting to be read in")
    RUNNING = "running", _("Being read in")
    IMPORTED = "imported", _("Read in")
    FAILED = "failed", _("Not read in")


class RosterUpload(models.Model):
    """One uploaded file: kept (encrypted: it holds BSNs) between the preview and the
    import, emptied once imported; the report stays."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="roster_uploads")
    name = models.CharField(max_length=255)
    preset = models.CharField(max_length=20, blank=True)  # the system it came from
    data = EncryptedBinaryField(null=True, blank=True, help_text=_("Emptied once imported."))
    school_year = models.PositiveSmallIntegerField()
    uploaded_by_id = models.BigIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    report = models.JSONField(default=dict)
    # The import runs in the task worker; the page follows it with a progress bar.
    state = models.CharField(max_length=10, choices=UploadState.choices, default="uploaded")
    end_missing = models.BooleanField(default=False)
    import_requested_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"roster upload {self.pk} of {self.school_id}"
