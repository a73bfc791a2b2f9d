"""Promotion decisions (the overgangsvergadering), the school's norms for its proposal, next
year's classes as planned, and the year rollover with what it made (so it can be undone)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Enrolment, Level, TransitionKind
from overdracht.schools.models import School


class Outcome(models.TextChoices):
    PROMOTED = "promoted", _("Promoted")
    CONDITIONS = "conditions", _("Promoted on conditions")
    OTHER_LEVEL = "other_level", _("To another level or stream")
    REPEATS = "repeats", _("Repeats the year")
    LEAVES = "leaves", _("Leaves the school")


class Proposal(models.TextChoices):
    """What the school's norms propose for a number of insufficient marks."""

    PROMOTED = "promoted", _("Promoted")
    DISCUSS = "discuss", _("Discuss")
    REPEATS = "repeats", _("Repeats the year")


class PromotionNorm(models.Model):
    """One line of the school's norms: from `insufficient_from` up to and including
    `insufficient_to` insufficient marks (no upper bound when empty), the proposal."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="promotion_norms")
    insufficient_from = models.PositiveSmallIntegerField(_("from (insufficient marks)"))
    insufficient_to = models.PositiveSmallIntegerField(
        _("up to and including"), null=True, blank=True
    )
    proposal = models.CharField(_("proposal"), max_length=10, choices=Proposal.choices)

    class Meta:
        ordering = ["school", "insufficient_from"]

    def __str__(self) -> str:
        return f"{self.insufficient_from}-{self.insufficient_to}: {self.proposal}"


# Where a leaver goes; the outgoing transition takes this kind.
LEAVING_KINDS = [
    (TransitionKind.VO_VO.value, _("Another secondary school")),
    (TransitionKind.VO_MBO.value, _("MBO")),
    (TransitionKind.VO_HO.value, _("Higher education (HBO/WO)")),
]


class PromotionDecision(models.Model):
    """The decision about a pupil at the end of one school year (the enrolment of that
    year), who took it and when; guardians and the pupil from 16 see the outcome and its
    conditions, never the reason."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="promotion_decision"
    )
    insufficient_marks = models.PositiveSmallIntegerField(
        _("insufficient marks"), null=True, blank=True
    )
    outcome = models.CharField(_("decision"), max_length=12, choices=Outcome.choices, blank=True)
    next_level = models.CharField(
        _("level next year"), max_length=8, choices=Level.choices, blank=True
    )
    profile = models.CharField(
        _("profile or sector"),
        max_length=60,
        blank=True,
        help_text=_("For the upper years: e.g. Natuur en Gezondheid, or the vmbo sector."),
    )
    conditions = models.TextField(_("conditions"), blank=True)
    reason = models.TextField(_("reason (for the school only)"), blank=True)
    leaving_to = models.CharField(_("leaves for"), max_length=16, choices=LEAVING_KINDS, blank=True)
    next_class_name = models.CharField(_("class next year"), max_length=40, blank=True)
    decided_by_id = models.BigIntegerField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"decision {self.pk} on enrolment {self.enrolment_id}"


class ClassPlan(models.Model):
    """A class of next school year as the rollover will make it, with its mentor. A mentor
    who keeps the group (continuity) is simply the same person: then no handover is asked."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="class_plans")
    school_year = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=40)
    year_group = models.PositiveSmallIntegerField()
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["school_year", "year_group", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "name"], name="class_plan_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"


class RolloverState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    UNDONE = "undone", _("Undone")


class Rollover(models.Model):
    """The move of a school's pupils from one school year into the next: one transaction per
    class; what it made is recorded (`RolloverRecord`) so it can be undone until the new
    year starts."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="rollovers")
    from_year = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=8, choices=RolloverState.choices, default="queued")
    classes_total = models.PositiveSmallIntegerField(default=0)
    classes_done = models.PositiveSmallIntegerField(default=0)
    report = models.JSONField(default=dict)  # class name → counts, or the reason it failed
    requested_by_id = models.BigIntegerField()
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"rollover {self.pk} of {self.school_id} from {self.from_year}"

    @property
    def to_year(self) -> int:
        return self.from_year + 1

    @property
    def percent(self) -> int:
        if not self.classes_total:
            return 0
        return min(100, self.classes_done * 100 // self.classes_total)


class RecordKind(models.TextChoices):
    ENROLMENT = "enrolment"  # next year's enrolment it made
    TRANSITION = "transition"  # a within-school or leaving transition it made
    CLASS_GROUP = "class_group"  # next year's class it made
    ENDED = "ended"  # this year's enrolment of a leaver it ended


class RolloverRecord(models.Model):
    rollover = models.ForeignKey(Rollover, on_delete=models.CASCADE, related_name="records")
    kind = models.CharField(max_length=12, choices=RecordKind.choices)
    object_id = models.BigIntegerField()
    class_name = models.CharField(max_length=40)  # the class of this year it came from

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} of rollover {self.rollover_id}"
