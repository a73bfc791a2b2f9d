"""A school's own check-in moments (over the defaults), and the check-ins recorded."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Transition
from overdracht.schools.models import School


class CheckInMoment(models.Model):
    """A school's version of a moment; a school without any uses the defaults."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="checkin_moments")
    key = models.SlugField(max_length=32)
    name = models.CharField(_("check-in"), max_length=200)
    days_after_start = models.PositiveSmallIntegerField(_("days after the start of the year"))
    with_care_coordinator = models.BooleanField(
        _("with the care coordinator for a pupil who needs support"), default=False
    )
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["school", "days_after_start"]
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="checkin_moment_once")
        ]

    def __str__(self) -> str:
        return self.name


class CheckIn(models.Model):
    class Going(models.IntegerChoices):
        WORRYING = 1, _("Worrying")
        SO_SO = 2, _("So-so")
        GOOD = 3, _("Good")
        VERY_GOOD = 4, _("Very good")

    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="check_ins")
    moment = models.SlugField(max_length=32)
    going = models.PositiveSmallIntegerField(_("how it goes"), choices=Going.choices)
    notes = models.TextField(_("what was discussed"), blank=True)
    passport_to_adjust = models.BooleanField(_("the passport needs adjusting"), default=False)
    plan_to_adjust = models.BooleanField(_("the OPP needs adjusting"), default=False)
    done_by_id = models.BigIntegerField()
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["transition", "done_at"]
        constraints = [
            models.UniqueConstraint(fields=["transition", "moment"], name="checkin_once")
        ]

    def __str__(self) -> str:
        return f"check-in {self.moment} of transition {self.transition_id}"
