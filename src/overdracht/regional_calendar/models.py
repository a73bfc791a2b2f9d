"""The region's milestones per school year, the reminders sent for them and the checklists
the schools tick off."""

from __future__ import annotations

from django.db import models

from overdracht.schools.models import School


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
