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
from overdracht.oso.codes import ADVICE_CHOICES, advice_rank

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


ADVICE_LEVELS = [("", "—"), *ADVICE_CHOICES]
SUPPORT_INDICATIONS = [
    ("", "—"),
    ("lwoo", _("Learning support (lwoo) needed")),
    ("pro", _("Practical education (pro): admission through the partnership")),
]
TEST_KINDS = [
    ("", "—"),
    ("cet", _("Doorstroomtoets (Cito)")),
    ("other", _("Another doorstroomtoets")),
]


class SectionKind(models.TextChoices):
    ADVICE = "advice", _("Advice for secondary school and the doorstroomtoets")
    LANGUAGE_MATHS = "language_maths", _("Language and maths")
    SOCIAL_EMOTIONAL = "social_emotional", _("Social-emotional development")
    WORK_ATTITUDE = "work_attitude", _("Work attitude and learning")
    SUPPORT_NEEDS = "support_needs", _("Support needs")
    TALENTS = "talents", _("Talents, interests and positive qualities")
    PORTFOLIO = "portfolio", _("Portfolio: in the pupil's own words")
    EXTERNAL_CARE = "external_care", _("External care")
    DIAGNOSES = "diagnoses", _("Diagnoses and medication")
    ABSENCE = "absence", _("Absence")


@dataclass(frozen=True)
class SectionField:
    name: str
    label: Any  # a lazily translated string
    kind: str = "text"  # text | line | date | choice | scale | boolean
    choices: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class SectionSpec:
    kind: SectionKind
    sensitivity: Sensitivity
    fields: tuple[SectionField, ...]


def _text(name: str, label: Any) -> SectionField:
    return SectionField(name, label)


def _advice(name: str, label: Any) -> SectionField:
    return SectionField(name, label, "choice", tuple(ADVICE_LEVELS))


SPECS: dict[str, SectionSpec] = {
    spec.kind: spec
    for spec in (
        SectionSpec(
            SectionKind.ADVICE,
            Sensitivity.GENERAL,
            (
                _advice("provisional_advice", _("Provisional advice")),
                SectionField("provisional_date", _("Date of the provisional advice"), "date"),
                SectionField("test_kind", _("Doorstroomtoets"), "choice", tuple(TEST_KINDS)),
                SectionField("test_name", _("Name of the test"), "line"),
                SectionField("test_date", _("Date of the test"), "date"),
                SectionField("test_score", _("Score"), "line"),
                _advice("test_advice", _("Level the test indicates")),
                _advice("final_advice", _("Final advice")),
                SectionField("final_date", _("Date of the final advice"), "date"),
                _advice("reconsidered_advice", _("Reconsidered advice (only higher)")),
                SectionField("reconsidered_date", _("Date of the reconsideration"), "date"),
                _text("reconsidered_reason", _("Why the advice was reconsidered")),
                SectionField(
                    "lwoo_pro",
                    _("Indication for learning support or practical education"),
                    "choice",
                    tuple(SUPPORT_INDICATIONS),
                ),
                _advice("wish_guardians", _("Wish of the parents")),
                _advice("wish_pupil", _("Wish of the pupil")),
                _text("argumentation", _("Argumentation of the advice")),
                SectionField(
                    "contact_wanted", _("The school would like contact about this pupil"), "boolean"
                ),
            ),
        ),
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
            SectionKind.ABSENCE,
            Sensitivity.SUPPORT,
            (
                SectionField("half_days_authorised", _("Half days absent with permission"), "line"),
                SectionField(
                    "half_days_unauthorised", _("Half days absent without permission"), "line"
                ),
                SectionField(
                    "attendance_officer",
                    _("The attendance officer (leerplicht) has been involved"),
                    "boolean",
                ),
                _text("notes", _("Notes")),
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


def content_problems(kind: str, content: dict[str, Any]) -> list[str]:
    """The rules of a part, in Dutch: what a save must not store."""
    if kind == SectionKind.ABSENCE:
        return [
            str(_("The number of half days is a whole number (0 or more)."))
            for name in ("half_days_authorised", "half_days_unauthorised")
            if str(content.get(name) or "").strip()
            and not (str(content[name]).strip().isdigit() and int(content[name]) < 10_000)
        ][:1]
    if kind != SectionKind.ADVICE:
        return []
    problems = []
    final, reconsidered = content.get("final_advice", ""), content.get("reconsidered_advice", "")
    if reconsidered:
        if not final:
            problems.append(str(_("A reconsidered advice needs the final advice it replaces.")))
        elif advice_rank(reconsidered) <= advice_rank(final):
            problems.append(
                str(_("An advice can only be reconsidered upwards, never lower or the same."))
            )
        if not content.get("reconsidered_date") or not content.get("reconsidered_reason"):
            problems.append(str(_("Give the date and the reason of the reconsideration.")))
    if content.get("test_kind") and not content.get("test_date"):
        problems.append(str(_("Give the date of the doorstroomtoets.")))
    if final and not content.get("final_date"):
        problems.append(str(_("Give the date of the final advice.")))
    return problems


def is_empty(content: dict[str, Any] | None) -> bool:
    return not content or all(v in ("", None, False) for v in content.values())
