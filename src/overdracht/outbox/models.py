"""An e-mail on its way: deleted once the mail server accepted it."""

from __future__ import annotations

from django.db import models

from overdracht.core.fields import EncryptedJSONField


class OutgoingMail(models.Model):
    school_id = models.BigIntegerField(null=True, blank=True)  # whose administrator sees it
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    message = EncryptedJSONField(default=dict)  # body and attachments: personal data
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    next_try_at = models.DateTimeField(null=True, blank=True)
    given_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["next_try_at"], name="outgoing_mail_next_try_idx")]

    def __str__(self) -> str:
        return f"mail {self.pk} ({self.attempts} attempts)"
