"""Dossier sections and their revisions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.fields import EncryptedJSONField
from overdracht.dossiers.sections import SectionKind
from overdracht.pupils.models import Pupil


class DossierSection(models.Model):
    """The current text of one part of one pupil's dossier at one school: each school keeps
    its own dossier of the pupil, and a dossier reaches another school only by being sent.
    `version` rises with every save; a save based on an older version is refused (no lost
    update)."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="dossier_sections")
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="dossier_sections"
    )
    kind = models.CharField(max_length=24, choices=SectionKind.choices)
    content = EncryptedJSONField(default=dict)
    version = models.PositiveIntegerField(default=1)
    updated_by_id = models.BigIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    received_dossier_id = models.BigIntegerField(
        null=True, blank=True, help_text=_("Set when the current text came from an OSO file.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "school", "kind"], name="dossier_section_once_per_school"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.pupil_id} v{self.version}"


class SectionRevision(models.Model):
    """Every saved version, with author and time: the section's history."""

    section = models.ForeignKey(DossierSection, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    content = EncryptedJSONField()
    author_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    received_dossier_id = models.BigIntegerField(null=True, blank=True)
    received_from = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["section", "version"], name="section_revision_once")
        ]

    def __str__(self) -> str:
        return f"revision {self.version} of section {self.section_id}"


class IntakeAnalysis(models.Model):
    """The receiving school's analysis of an incoming pupil (zorgcoördinator)."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="intake_analyses")
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="intake_analyses"
    )
    needs_support = models.BooleanField(_("needs support"), default=False)
    discuss_in_person = models.BooleanField(_("discuss in person (warm handover)"), default=False)
    refer_to_care_team = models.BooleanField(_("refer to the care team"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    analysed_by_id = models.BigIntegerField()
    analysed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pupil", "school"], name="intake_analysis_once")
        ]

    def __str__(self) -> str:
        return f"intake analysis of {self.pupil_id} at {self.school_id}"


class QuestionPack(models.Model):
    """A supplement question pack (dyslexie, ADHD, …). Packs without a school are the
    product's defaults; a school changes a pack by getting its own copy."""

    code = models.CharField(max_length=40)
    title = models.CharField(_("title"), max_length=200)
    school = models.ForeignKey(
        "schools.School",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="question_packs",
    )
    sensitivity = models.PositiveSmallIntegerField(default=2)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "school"], name="question_pack_once_per_school"
            ),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(school=None), name="question_pack_one_default"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    pack = models.ForeignKey(QuestionPack, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.TextField(_("question"))
    kind = models.CharField(max_length=8, default="text")
    choices = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["pack", "position"]

    def __str__(self) -> str:
        return self.text[:60]


class SupplementAnswers(models.Model):
    """One filled-in pack for a pupil; every save is a new row, the latest counts."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="supplements")
    pack = models.ForeignKey(QuestionPack, on_delete=models.PROTECT, related_name="answers")
    answers = models.JSONField(default=dict)
    author_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.pack_id} for {self.pupil_id}"


class ResultSource(models.TextChoices):
    LVS = "lvs", _("Pupil tracking system (LVS)")
    RECEIVED = "received", _("Received with a dossier")


class TestResult(models.Model):
    """One test the pupil took, as the school's pupil tracking system (LVS) exports it or
    as a received dossier brought it. The same test on the same day is kept once."""

    __test__ = False  # not a test class, whatever its name

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="test_results")
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(_("subject"), max_length=80)
    test_name = models.CharField(_("test"), max_length=200)
    test_code = models.CharField(max_length=40, blank=True)
    taken_on = models.DateField(_("date taken"))
    year_group = models.PositiveSmallIntegerField(_("year group"), null=True, blank=True)
    ability_score = models.CharField(_("ability score"), max_length=12, blank=True)
    rating = models.CharField(_("level"), max_length=3, blank=True, help_text="I-V or A-E")
    source = models.CharField(max_length=10, choices=ResultSource.choices)
    received_from = models.CharField(max_length=200, blank=True)
    created_by_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subject", "taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "school", "test_name", "subject", "taken_on"],
                name="test_result_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.test_name} {self.taken_on}"
