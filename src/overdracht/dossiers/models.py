"""Dossier sections and their revisions."""

from __future__ import annotations

from django.db import models

from overdracht.dossiers.sections import SectionKind
from overdracht.pupils.models import Pupil


class DossierSection(models.Model):
    """The current text of one section of one pupil's dossier. `version` rises with every
    save; a save based on an older version is refused (no lost update)."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="dossier_sections")
    kind = models.CharField(max_length=24, choices=SectionKind.choices)
    content = models.JSONField(default=dict)
    version = models.PositiveIntegerField(default=1)
    updated_by_id = models.BigIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pupil", "kind"], name="dossier_section_once_per_pupil")
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.pupil_id} v{self.version}"


class SectionRevision(models.Model):
    """Every saved version, with author and time: the section's history."""

    section = models.ForeignKey(DossierSection, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    content = models.JSONField()
    author_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["section", "version"], name="section_revision_once")
        ]

    def __str__(self) -> str:
        return f"revision {self.version} of section {self.section_id}"
