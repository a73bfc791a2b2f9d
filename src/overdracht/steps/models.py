"""The steps of one pupil's transition, and the school's register of who owns which step."""

from __future__ import annotations

from django.db import models

from overdracht.pupils.models import Transition
from overdracht.schools.models import School
from overdracht.steps.catalogue import step_label


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
