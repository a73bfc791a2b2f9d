"""The dossier's sections as data: their fields, labels and sensitivity level.

A section's sensitivity decides who sees it (see selectors): general for every teacher of
the pupil, support for the mentor and the roles that guide, care for care roles only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.sensitivity import Sensitivity

REFERENCE_LEVELS = [
    ("", "—"),
    ("<1F", _("below 1F")),
    ("1F", "1F"),
    ("1S/2F", "1S/2F"),
    ("2F", "2F"),
    ("3F", "3F"),
    ("4F", "4F"),
]
SCALE = [
    ("", "—"),
    ("1", _("1 Concern")),
    ("2", _("2 Varies")),
    ("3", _("3 Sufficient")),
    ("4", _("4 Strong")),
]


class SectionKind(models.TextChoices):
    LANGUAGE_MATHS = "language_maths", _("Language and maths")
    SOCIAL_EMOTIONAL = "social_emotional", _("Social-emotional development")
    WORK_ATTITUDE = "work_attitude", _("Work attitude and learning")
    SUPPORT_NEEDS = "support_needs", _("Support needs")
    TALENTS = "talents", _("Talents, interests and positive qualities")
    PORTFOLIO = "portfolio", _("Portfolio: in the pupil's own words")
    EXTERNAL_CARE = "external_care", _("External care")
    DIAGNOSES = "diagnoses", _("Diagnoses and medication")


@dataclass(frozen=True)
class SectionField:
    name: str
    label: Any  # a lazily translated string
    kind: str = "text"  # text | choice | scale | boolean
    choices: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class SectionSpec:
    kind: SectionKind
    sensitivity: Sensitivity
    fields: tuple[SectionField, ...]


def _text(name: str, label: Any) -> SectionField:
    return SectionField(name, label)


SPECS: dict[str, SectionSpec] = {
    spec.kind: spec
    for spec in (
        SectionSpec(
            SectionKind.LANGUAGE_MATHS,
            Sensitivity.GENERAL,
            (
                SectionField(
                    "reading", _("Reference level reading"), "choice", tuple(REFERENCE_LEVELS)
                ),
                SectionField(
                    "language", _("Reference level language"), "choice", tuple(REFERENCE_LEVELS)
                ),
                SectionField(
                    "maths", _("Reference level maths"), "choice", tuple(REFERENCE_LEVELS)
                ),
                _text("test_history", _("Test history and trend")),
            ),
        ),
        SectionSpec(
            SectionKind.SOCIAL_EMOTIONAL,
            Sensitivity.SUPPORT,
            (
                SectionField("wellbeing", _("Well-being"), "scale", tuple(SCALE)),
                _text("in_the_group", _("Place in the group")),
                _text("notes", _("Notes")),
            ),
        ),
        SectionSpec(
            SectionKind.WORK_ATTITUDE,
            Sensitivity.GENERAL,
            (
                SectionField("task_approach", _("Task approach"), "scale", tuple(SCALE)),
                SectionField("concentration", _("Concentration"), "scale", tuple(SCALE)),
                _text("learning_style", _("Learning style")),
                _text("notes", _("Notes")),
            ),
        ),
        SectionSpec(
            SectionKind.SUPPORT_NEEDS,
            Sensitivity.SUPPORT,
            (
                _text("what_works", _("What works")),
                _text("what_does_not_work", _("What does not work")),
                _text("promoting_factors", _("Promoting factors")),
                _text("hindering_factors", _("Hindering factors")),
            ),
        ),
        SectionSpec(
            SectionKind.TALENTS,
            Sensitivity.GENERAL,
            (
                _text("talents", _("Talents")),
                _text("interests", _("Interests")),
                _text("positive_qualities", _("Positive qualities")),
            ),
        ),
        SectionSpec(
            SectionKind.PORTFOLIO, Sensitivity.GENERAL, (_text("own_words", _("In my own words")),)
        ),
        SectionSpec(
            SectionKind.EXTERNAL_CARE,
            Sensitivity.CARE,
            (_text("care", _("External care involved")),),
        ),
        SectionSpec(
            SectionKind.DIAGNOSES,
            Sensitivity.CARE,
            (
                _text("diagnoses", _("Diagnoses")),
                SectionField("medication", _("Uses medication"), "boolean"),
            ),
        ),
    )
}
