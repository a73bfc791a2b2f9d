"""The mentor handover of one pupil: written by this year's mentor from the agenda, read and
confirmed by next year's (the read receipt)."""

from __future__ import annotations

from django.db import models

from overdracht.core.fields import EncryptedJSONField
from overdracht.pupils.models import Transition
from overdracht.schools.models import ClassGroup


class MentorHandover(models.Model):
    """Hangs on the pupil's within-school transition (made by the rollover when the mentor
    changes). The text holds support data: stored encrypted, read at the support level."""

    transition = models.OneToOneField(
        Transition, on_delete=models.CASCADE, related_name="mentor_handover"
    )
    from_class = models.ForeignKey(
        ClassGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to_class = models.ForeignKey(
        ClassGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answers = EncryptedJSONField(default=dict)  # agenda key → text
    conversation_wanted = models.BooleanField(default=False)
    written_by_id = models.BigIntegerField(null=True, blank=True)
    written_at = models.DateTimeField(null=True, blank=True)
    confirmed_by_id = models.BigIntegerField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"mentor handover {self.pk} of transition {self.transition_id}"
