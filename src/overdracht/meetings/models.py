"""Warm handover meetings, their participants, minutes and agreements."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Guardian, Transition
from overdracht.schools.models import School


class HandoverMeeting(models.Model):
    """A conversation between the sending and the receiving school about one pupil, with
    the guardians and the pupil invited. Both schools see and edit it."""

    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="meetings")
    sending_school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    receiving_school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=45)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    agenda = models.JSONField(default=list)
    created_by_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    # iCalendar SEQUENCE: raised on every change, so calendar apps replace the old invitation
    sequence = models.PositiveIntegerField(default=0)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"meeting {self.pk} on {self.starts_at:%Y-%m-%d}"


class MeetingParticipant(models.Model):
    meeting = models.ForeignKey(
        HandoverMeeting, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meeting_participations",
    )
    guardian = models.ForeignKey(
        Guardian, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    is_pupil = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"participant {self.pk} of meeting {self.meeting_id}"


class MinutesEntry(models.Model):
    """Minutes are written by both schools; each adds entries, nobody overwrites another."""

    meeting = models.ForeignKey(HandoverMeeting, on_delete=models.CASCADE, related_name="minutes")
    agenda_item = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"minutes {self.pk}"


class Agreement(models.Model):
    """An agreement with an owner and a due date: it is a task in the owner's list."""

    meeting = models.ForeignKey(
        HandoverMeeting, on_delete=models.CASCADE, related_name="agreements"
    )
    text = models.CharField(_("agreement"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agreements"
    )
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_by_id = models.BigIntegerField()

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.text[:60]
