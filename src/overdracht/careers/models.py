"""The career dossier: reflections on the five career competences, activities with the
pupil's reflection, career conversations with their agreements, and the comments of the
mentor and the decaan. The pupil's own words are stored encrypted."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.fields import EncryptedJSONField
from overdracht.pupils.models import Pupil


class Competence(models.TextChoices):
    """The five career competences (Kuijpers)."""

    QUALITIES = "qualities", _("Reflecting on your qualities")
    MOTIVES = "motives", _("Reflecting on your motives")
    WORK = "work", _("Exploring work")
    CAREER = "career", _("Steering your career")
    NETWORK = "network", _("Networking")


class ActivityKind(models.TextChoices):
    OPEN_DAY = "open_day", _("Open day")
    TASTER_DAY = "taster_day", _("Taster day (meeloopdag)")
    INTERNSHIP = "internship", _("Internship")
    TEST = "test", _("Interest or aptitude test")
    CONVERSATION = "conversation", _("Career conversation")
    COMPANY_VISIT = "company_visit", _("Company visit or guest lesson")
    FAIR = "fair", _("Careers or education fair")
    STUDY_CHECK = "study_check", _("Trial study or study-choice check")
    OTHER = "other", _("Other")


class Activity(models.Model):
    """Something the pupil did to find out what suits them, tagged with the year and the
    competences it served, with the pupil's reflection."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="career_activities")
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    title = models.CharField(_("what and where"), max_length=160)
    done_on = models.DateField(_("date"))
    year_group = models.PositiveSmallIntegerField(_("year"))
    competences = models.JSONField(_("competences"), default=list)
    reflection = EncryptedJSONField(default=dict)  # {"text": the pupil's own words}
    created_by_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-done_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} of {self.pupil_id} on {self.done_on}"


class Reflection(models.Model):
    """The pupil's answer to one of the four questions (Wie ben ik? Wat kan ik? Wat wil ik?
    Wie kan mij helpen?) in one school year; a new save replaces the text."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="career_reflections")
    question = models.CharField(max_length=16)
    school_year = models.PositiveSmallIntegerField()
    answer = EncryptedJSONField(default=dict)  # {"text": ...}
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "question", "school_year"], name="career_reflection_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question} of {self.pupil_id} in {self.school_year}"


class Conversation(models.Model):
    """A career conversation with the mentor or the decaan; parents may join."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="career_conversations")
    held_on = models.DateField(_("date"))
    with_user_id = models.BigIntegerField()
    guardians_joined = models.BooleanField(_("parents joined"), default=False)
    content = EncryptedJSONField(default=dict)  # {"notes": ..., "agreements": ...}
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"career conversation of {self.pupil_id} on {self.held_on}"


class Comment(models.Model):
    """A comment of the mentor or the decaan on the dossier or one activity."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="career_comments")
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    author_id = models.BigIntegerField()
    text = EncryptedJSONField(default=dict)  # {"text": ...}
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"comment by {self.author_id} on {self.pupil_id}"
