"""The dossier as one: the school's parts of a pupil's dossier, what the transition's profile
requires of them, and the typed content the export writes and the portal shows.

Public API: `dossier_content(pupil, school)` (`oso.content.DossierContent`, the single source
for the export and the portal), `readiness(transition, school)` (per part: required,
filled, who writes it; and what is missing in words), `sections_in_words(content)` (what
families read), `school_career(pupil, school)` (the years, repeated and skipped ones),
`content_to_sections(content)` (a received file's content as our parts),
`support_explanation` (the pupil's needs in words for the partnership).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from overdracht.core.sensitivity import Sensitivity
from overdracht.dossiers.models import DossierSection, ResultSource, TestResult
from overdracht.dossiers.sections import SPECS, TEST_KINDS, SectionKind, is_empty
from overdracht.dossiers.selectors import readable_value
from overdracht.oso.content import (
    AbsenceData,
    AdviceData,
    CareerEvent,
    CareerYear,
    DossierContent,
    ResultData,
    TestData,
    career_events,
)
from overdracht.oso.export import DEFAULT_DELIVERY, crossing_for
from overdracht.oso.models import DossierState, ReceivedDossier
from overdracht.oso.selectors import received_content
from overdracht.pupils.models import Pupil, Transition
from overdracht.schools.models import PRIMARY_KINDS, School

# Care parts (diagnoses, external care) stay at the school: they go only with consent.
TRAVELLING = tuple(k for k, spec in SPECS.items() if spec.sensitivity <= Sensitivity.SUPPORT)

WRITER: dict[str, Any] = {
    SectionKind.ADVICE: gettext_lazy("groep 8 teacher"),
    SectionKind.LANGUAGE_MATHS: gettext_lazy("groep 8 teacher"),
    SectionKind.WORK_ATTITUDE: gettext_lazy("groep 8 teacher"),
    SectionKind.SOCIAL_EMOTIONAL: gettext_lazy("groep 8 teacher"),
    SectionKind.TALENTS: gettext_lazy("groep 8 teacher"),
    SectionKind.ABSENCE: gettext_lazy("groep 8 teacher"),
    SectionKind.SUPPORT_NEEDS: gettext_lazy("intern begeleider"),
    SectionKind.PORTFOLIO: gettext_lazy("the pupil, with the teacher"),
}
# At a secondary school the mentor writes what the groep-8 teacher writes at a primary one.
WRITER_SECONDARY: dict[str, Any] = {
    **dict.fromkeys(WRITER, gettext_lazy("mentor")),
    SectionKind.SUPPORT_NEEDS: gettext_lazy("care coordinator"),
    SectionKind.PORTFOLIO: gettext_lazy("the pupil, with the mentor"),
}

# The OSO category a section belongs to: where the school does not deliver that category, the
# section stays out of the attachment too.
PART_CATEGORY: dict[str, str] = {
    SectionKind.ADVICE: "cat_overstapadvies",
    SectionKind.LANGUAGE_MATHS: "cat_toetsresultaten",
    SectionKind.SOCIAL_EMOTIONAL: "cat_onderwijsondersteuning",
    SectionKind.SUPPORT_NEEDS: "cat_onderwijsondersteuning",
    SectionKind.ABSENCE: "cat_verzuim",
}

# What a transition's profile requires to be written before the review opens.
REQUIRED_SECTIONS: dict[str, tuple[str, ...]] = {
    "POVO": (SectionKind.ADVICE, SectionKind.LANGUAGE_MATHS, SectionKind.WORK_ATTITUDE),
    "POPO": (SectionKind.LANGUAGE_MATHS, SectionKind.WORK_ATTITUDE),
    "VOVO": (SectionKind.WORK_ATTITUDE,),
}


def _sections(pupil: Pupil, school: School) -> dict[str, DossierSection]:
    return {s.kind: s for s in DossierSection.objects.filter(pupil=pupil, school=school)}


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _advice(content: dict[str, Any], school: School) -> AdviceData | None:
    advice = content.get("final_advice") or content.get("provisional_advice") or ""
    if not advice:
        return None
    return AdviceData(
        advice=advice,
        wish_guardians=content.get("wish_guardians", ""),
        wish_pupil=content.get("wish_pupil", ""),
        reconsidered=content.get("reconsidered_advice", ""),
        reconsidered_reason=content.get("reconsidered_reason", ""),
        argumentation=content.get("argumentation", ""),
        contact_wanted=bool(content.get("contact_wanted")),
        contact_person=school.contact_name,
        contact_phone=school.phone,
        contact_email=school.email,
    )


def _test(content: dict[str, Any]) -> TestData | None:
    taken = _date(content.get("test_date"))
    if not content.get("test_kind") or taken is None:
        return None
    return TestData(
        kind=content["test_kind"],
        name=content.get("test_name") or str(dict(TEST_KINDS).get(content["test_kind"], "")),
        taken_on=taken,
        score=content.get("test_score", ""),
        advice=content.get("test_advice", ""),
    )


def _career(pupil: Pupil, school: School) -> tuple[CareerYear, ...]:
    years = []
    for enrolment in (
        pupil.enrolments.filter(school=school)
        .select_related("class_group", "location")
        .order_by("school_year")
    ):
        years.append(
            CareerYear(
                school_year=f"{enrolment.school_year}-{enrolment.school_year + 1}",
                group_code=enrolment.class_group.name
                if enrolment.class_group
                else f"groep {enrolment.year_group}",
                year_group=enrolment.year_group,
                brin=school.brin,
                location=enrolment.location.number if enrolment.location else "00",
                start=enrolment.start_date,
                end=enrolment.end_date,
            )
        )
    return tuple(years)


def dossier_content(pupil: Pupil, school: School) -> DossierContent:
    """What the school's dossier of the pupil holds, as the export writes it."""
    sections = _sections(pupil, school)
    advice = sections.get(SectionKind.ADVICE)
    levels = sections.get(SectionKind.LANGUAGE_MATHS)
    level_values = {
        k: v
        for k, v in (levels.content if levels else {}).items()
        if k in ("reading", "language", "maths") and v
    }
    # Every section travels whole in the attachment (the OSO elements hold only some of the
    # advice's fields, e.g. no dates); the reference levels go as OSO test results.
    parts = {
        kind: dict(section.content)
        for kind, section in sections.items()
        if kind in TRAVELLING
        and kind != SectionKind.LANGUAGE_MATHS
        and not is_empty(section.content)
    }
    if levels and levels.content.get("test_history"):
        parts[SectionKind.LANGUAGE_MATHS] = {"test_history": levels.content["test_history"]}
    return DossierContent(
        advice=_advice(advice.content, school) if advice else None,
        reference_levels=level_values,
        levels_date=levels.updated_at.date() if levels and level_values else None,
        test=_test(advice.content) if advice else None,
        career=_career(pupil, school),
        parts=parts,
        part_categories={kind: PART_CATEGORY.get(kind, "cat_bijlagedocs") for kind in parts},
        results=_results(pupil, school),
        absence=_absence(sections.get(SectionKind.ABSENCE)),
    )


def school_career(pupil: Pupil, school: School) -> tuple[list[CareerYear], list[CareerEvent]]:
    """The pupil's school career as the file carries it — the years at earlier schools (from
    the current received dossier) and at this one — with the years repeated or skipped."""
    received = ReceivedDossier.objects.filter(
        pupil=pupil, school=school, state=DossierState.CURRENT
    ).first()
    years = list(received_content(received).career) if received else []
    ours = _career(pupil, school)
    known = {(y.school_year, y.brin) for y in ours}
    years = sorted(
        [y for y in years if (y.school_year, y.brin) not in known] + list(ours),
        key=lambda y: y.school_year,
    )
    return years, career_events(years)


def _count(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def _absence(section: DossierSection | None) -> AbsenceData | None:
    if section is None or is_empty(section.content):
        return None
    content = section.content
    return AbsenceData(
        half_days_authorised=_count(content.get("half_days_authorised")),
        half_days_unauthorised=_count(content.get("half_days_unauthorised")),
        attendance_officer=bool(content.get("attendance_officer")),
    )


def _results(pupil: Pupil, school: School) -> tuple[ResultData, ...]:
    """The school's own LVS results; received ones travel on as they arrived."""
    return tuple(
        ResultData(
            subject=r.subject,
            name=r.test_name,
            taken_on=r.taken_on,
            code=r.test_code,
            year_group=r.year_group,
            ability_score=r.ability_score,
            rating=r.rating,
        )
        for r in TestResult.objects.filter(pupil=pupil, school=school, source=ResultSource.LVS)
    )


def content_to_sections(content: DossierContent) -> dict[str, dict[str, Any]]:
    """A received file's content as our parts (the inverse of `dossier_content`)."""
    parts: dict[str, dict[str, Any]] = {
        kind: dict(value) for kind, value in content.parts.items() if kind in SPECS
    }
    if content.advice or content.test:
        advice = content.advice or AdviceData()
        test = content.test
        derived = {
            "final_advice": advice.advice,
            "reconsidered_advice": advice.reconsidered,
            "reconsidered_reason": advice.reconsidered_reason,
            "wish_guardians": advice.wish_guardians,
            "wish_pupil": advice.wish_pupil,
            "argumentation": advice.argumentation,
            "contact_wanted": bool(advice.contact_wanted),
            "test_kind": test.kind if test else "",
            "test_name": test.name if test else "",
            "test_date": test.taken_on.isoformat() if test else "",
            "test_score": test.score if test else "",
            "test_advice": test.advice if test else "",
        }
        # A file of this product also carries the section whole (dates, the provisional
        # advice): that wins where it has a value; the OSO elements fill the rest.
        own = {k: v for k, v in parts.get(SectionKind.ADVICE, {}).items() if v not in ("", None)}
        if own.get("provisional_advice") and not own.get("final_advice"):
            derived["final_advice"] = ""  # the OSO advice was the provisional one
        parts[SectionKind.ADVICE] = {**derived, **own}
    if content.absence is not None:
        absence = content.absence
        derived_absence = {
            "half_days_authorised": _number(absence.half_days_authorised),
            "half_days_unauthorised": _number(absence.half_days_unauthorised),
            "attendance_officer": bool(absence.attendance_officer),
        }
        own_absence = {
            k: v for k, v in parts.get(SectionKind.ABSENCE, {}).items() if v not in ("", None)
        }
        parts[SectionKind.ABSENCE] = {**derived_absence, **own_absence}
    if content.reference_levels or SectionKind.LANGUAGE_MATHS in parts:
        levels = parts.get(SectionKind.LANGUAGE_MATHS, {})
        levels.update(content.reference_levels)
        parts[SectionKind.LANGUAGE_MATHS] = levels
    return {kind: _complete(kind, value) for kind, value in parts.items()}


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _complete(kind: str, content: dict[str, Any]) -> dict[str, Any]:
    """Every field of the part's spec present, as the editor stores it."""
    spec = SPECS[kind]
    return {f.name: content.get(f.name, False if f.kind == "boolean" else "") for f in spec.fields}


# What a partnership reads first about a pupil's needs (the PaO profiles' support block).
SUPPORT_PARTS = (SectionKind.SUPPORT_NEEDS, SectionKind.SOCIAL_EMOTIONAL, SectionKind.WORK_ATTITUDE)


def support_explanation(pupil: Pupil, school: School, reason: str) -> str:
    """The pupil's needs in words for the partnership: the reason of the referral, then the
    support parts the school wrote (label and value per line)."""
    parts = content_to_sections(dossier_content(pupil, school))
    lines = [_("Reason for the referral"), reason.strip(), ""]
    for kind in SUPPORT_PARTS:
        spec, value = SPECS[kind], parts.get(kind, {})
        shown = [
            f"{f.label}: {readable_value(f, value.get(f.name))}"
            for f in spec.fields
            if readable_value(f, value.get(f.name))
        ]
        if shown:
            lines += [str(spec.kind.label), *shown, ""]
    return "\n".join(lines).strip() + "\n"


@dataclass(frozen=True)
class SectionInWords:
    label: str
    fields: list[tuple[str, str]]


def sections_in_words(content: DossierContent) -> list[SectionInWords]:
    """The parts as families read them: labels and values in words, empty fields left out."""
    parts = content_to_sections(content)
    result = []
    for kind, spec in SPECS.items():
        value = parts.get(kind, {})
        shown = [
            (str(f.label), readable_value(f, value.get(f.name)))
            for f in spec.fields
            if readable_value(f, value.get(f.name))
        ]
        if shown:
            result.append(SectionInWords(label=str(spec.kind.label), fields=shown))
    if content.results:
        result.append(
            SectionInWords(
                label=_("Test results from the pupil tracking system"),
                fields=[(r.name, _result_in_words(r)) for r in content.results],
            )
        )
    return result


def _result_in_words(result: ResultData) -> str:
    words = [result.taken_on.strftime("%d-%m-%Y")]
    if result.ability_score:
        words.append(_("ability score %(score)s") % {"score": result.ability_score})
    if result.rating:
        words.append(_("level %(rating)s") % {"rating": result.rating})
    return ", ".join(words)


def record_missing(pupil: Pupil, school: School) -> list[str]:
    """What every OSO file needs from the records, not from the sections: the school's
    details and the pupil's address (or that it is secret)."""
    missing = [str(m) for m in school.details_missing]
    if not pupil.address_is_secret and not (pupil.street and pupil.postal_code and pupil.city):
        missing.append(_("the pupil's address (or that it is secret)"))
    return missing


@dataclass
class SectionStatus:
    kind: str
    label: str
    required: bool
    filled: bool
    writer: str
    section: DossierSection | None


@dataclass
class Readiness:
    crossing: str
    parts: list[SectionStatus]
    delivery: dict[str, str]
    missing: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.missing


def readiness(transition: Transition, school: School) -> Readiness:
    """What the transition's profile requires, what is filled and who still writes what."""
    crossing = crossing_for(transition.kind)
    required = REQUIRED_SECTIONS.get(crossing, ())
    sections = _sections(transition.pupil, school)
    writers = WRITER if school.kind in PRIMARY_KINDS else WRITER_SECONDARY
    parts = []
    for kind in TRAVELLING:
        section = sections.get(kind)
        filled = section is not None and not is_empty(section.content)
        if kind == SectionKind.ADVICE:
            filled = section is not None and bool(
                section.content.get("final_advice") or section.content.get("provisional_advice")
            )
            if crossing != "POVO" and not filled:
                continue  # the advice for secondary school belongs to groep 8 only
        parts.append(
            SectionStatus(
                kind=kind,
                label=str(SPECS[kind].kind.label),
                required=kind in required,
                filled=filled,
                writer=str(writers.get(kind, "")),
                section=section,
            )
        )
    missing = [p.label for p in parts if p.required and not p.filled]
    pupil = transition.pupil
    missing += record_missing(pupil, school)
    if (
        crossing == "POVO"
        and not pupil.enrolments.filter(school=school).exclude(pupil_number="").exists()
    ):
        missing.append(_("the pupil's number in the school administration"))
    return Readiness(
        crossing=crossing,
        parts=parts,
        delivery=DEFAULT_DELIVERY.get(crossing, DEFAULT_DELIVERY["VOVO"]),
        missing=missing,
    )
