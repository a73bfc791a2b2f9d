"""A class's group plan per period, and its clusters of pupils."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Pupil
from overdracht.schools.models import ClassGroup


class GroupPlan(models.Model):
    class_group = models.ForeignKey(
        ClassGroup, on_delete=models.CASCADE, related_name="group_plans"
    )
    period = models.CharField(
        _("period"), max_length=40, help_text=_("e.g. Periode 1, or 2026-2027")
    )
    goals = models.TextField(_("goals for the group"))
    evaluation = models.TextField(_("evaluation at the end of the period"), blank=True)
    updated_by_id = models.BigIntegerField()
    updated_at = models.DateTimeField(auto_now=True)
    # The last group discussion (groepsbespreking) of the period, to which next year's
    # mentors of the class's pupils are invited.
    discussion_at = models.DateTimeField(null=True, blank=True)
    discussion_place = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["class_group", "-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["class_group", "period"], name="group_plan_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"group plan {self.period} of {self.class_group_id}"


class Cluster(models.Model):
    """Pupils with similar needs and the approach for them (e.g. "extra instruction in
    maths", "extra time and a quiet seat")."""

    plan = models.ForeignKey(GroupPlan, on_delete=models.CASCADE, related_name="clusters")
    name = models.CharField(_("cluster"), max_length=100)
    approach = models.TextField(_("approach"))
    pupils = models.ManyToManyField(Pupil, related_name="+", blank=True)

    class Meta:
        ordering = ["plan", "pk"]

    def __str__(self) -> str:
        return self.name
