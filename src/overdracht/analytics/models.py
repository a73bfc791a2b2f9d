"""The evaluation's pre-aggregated figures: how many transitions of one cohort, between one
sending and one receiving school, with or without support needs, fall in each category of
each measure. Counts only: no row names a pupil. The evaluation page sums these rows, so its
time does not grow with the number of pupils."""

from __future__ import annotations

from django.db import models

from overdracht.schools.models import School


class CohortFigure(models.Model):
    school_year = models.PositiveSmallIntegerField()  # the year the cohort starts after the step
    kind = models.CharField(max_length=16)  # the kind of transition (po_vo)
    from_school = models.ForeignKey(
        School, on_delete=models.CASCADE, null=True, related_name="+"
    )  # empty: a school outside the installation
    to_school = models.ForeignKey(School, on_delete=models.CASCADE, null=True, related_name="+")
    needs_support = models.BooleanField()
    measure = models.CharField(max_length=40)
    category = models.CharField(max_length=40)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["school_year", "kind"], name="cohort_figure_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.school_year} {self.measure} {self.category}: {self.count}"


class CohortRefresh(models.Model):
    """When a cohort's figures were last computed, and over how many transitions."""

    school_year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16)
    refreshed_at = models.DateTimeField()
    transitions = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school_year", "kind"], name="cohort_refresh_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.school_year} at {self.refreshed_at}"
