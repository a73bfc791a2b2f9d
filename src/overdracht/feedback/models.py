"""The feedback about one former pupil at one moment, as the receiving school sent it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Level, Transition


class Moment(models.TextChoices):
    FIRST_REPORT = "first_report", _("After the first report")
    END_OF_YEAR_1 = "end_of_year_1", _("End of the first year")
    YEAR_3 = "year_3", _("Year 3")


class Progress(models.TextChoices):
    PROMOTED = "promoted", _("Promoted")
    UP = "up", _("Moved up a level")
    DOWN = "down", _("Moved down a level")
    REPEATED = "repeated", _("Repeated the year")


class Position(models.TextChoices):
    BELOW = "below", _("Below the advice")
    ON = "on", _("On the advice")
    ABOVE = "above", _("Above the advice")


class Worked(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


SCALE = [(1, "1"), (2, "2"), (3, "3"), (4, "4")]


class PupilFeedback(models.Model):
    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="feedback")
    moment = models.CharField(_("moment"), max_length=16, choices=Moment.choices)
    school_year = models.PositiveSmallIntegerField()
    class_name = models.CharField(_("class"), max_length=40, blank=True)
    year_group = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices, blank=True)
    progress = models.CharField(_("progress"), max_length=10, choices=Progress.choices, blank=True)
    position = models.CharField(
        _("position against the primary school's advice"),
        max_length=6,
        choices=Position.choices,
        blank=True,
    )
    wellbeing = models.PositiveSmallIntegerField(_("wellbeing"), choices=SCALE)
    work_attitude = models.PositiveSmallIntegerField(_("work attitude"), choices=SCALE)
    approach_worked = models.CharField(
        _("did the handed-over approach work?"), max_length=6, choices=Worked.choices
    )
    approach_notes = models.TextField(_("what was adjusted"), blank=True)
    tip = models.TextField(_("a tip for the primary school"), blank=True)
    written_by_id = models.BigIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["transition", "sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["transition", "moment"], name="feedback_once_per_moment"
            )
        ]

    def __str__(self) -> str:
        return f"feedback {self.moment} on transition {self.transition_id}"
