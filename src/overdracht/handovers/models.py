"""Warm handover meetings, their participants, minutes and agreements; calendar feeds."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.handovers.steps import step_label
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


class CalendarFeed(models.Model):
    """A secret address per user for their calendar app (which cannot log in). Only the
    token's SHA-256 is kept; the address is shown once, when it is made. It ends when the
    user logs out everywhere (the session generation it was made in has passed) or makes a
    new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    session_generation = models.PositiveIntegerField(default=0)
    # Pupils appear by their initials unless the user chose full names for their calendar.
    full_names = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"


class TransitionStep(models.Model):
    """One step of one pupil's transition, with its due and done dates."""

    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="steps")
    key = models.CharField(max_length=32)
    due_date = models.DateField(null=True, blank=True)
    done_at = models.DateField(null=True, blank=True)
    done_by_id = models.BigIntegerField(null=True, blank=True)
    reminded_at = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["transition", "key"], name="transition_step_once")
        ]

    def __str__(self) -> str:
        return f"{self.key} of transition {self.transition_id}"

    @property
    def label(self) -> str:
        """The step's Dutch name, as in the transition's list of steps."""
        return step_label(self.key)


class Responsibility(models.Model):
    """The school's "who does what": which role owns which step."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="responsibilities")
    step_key = models.CharField(max_length=32)
    role = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "step_key"], name="responsibility_once")
        ]

    def __str__(self) -> str:
        return f"{self.step_key}: {self.role}"


class Milestone(models.Model):
    """A date the region agreed for a school year, with its checklist and responsible role."""

    region = models.ForeignKey(
        "schools.Region", on_delete=models.CASCADE, related_name="milestones"
    )
    school_year = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=32)
    title = models.CharField(max_length=200)
    date = models.DateField()
    role = models.CharField(max_length=32)
    step_key = models.CharField(max_length=32)
    kinds = models.JSONField(default=list)
    checklist = models.JSONField(default=list)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["region", "school_year", "key"], name="milestone_once")
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.date}"


class MilestoneNotice(models.Model):
    """A school was reminded that a milestone is near while some of its pupils still have
    the milestone's step open (once per milestone and school)."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="notices")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="milestone_notices")
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["milestone", "school"], name="milestone_notice_once")
        ]

    def __str__(self) -> str:
        return f"notice of {self.milestone_id} to {self.school_id}"


class ChecklistTick(models.Model):
    """A school ticked an item of a milestone's checklist (by its text: an item the region
    renames starts unticked)."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="ticks")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="checklist_ticks")
    item = models.CharField(max_length=300)
    ticked_by_id = models.BigIntegerField()
    ticked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "school", "item"], name="checklist_tick_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item} ({self.school_id})"
