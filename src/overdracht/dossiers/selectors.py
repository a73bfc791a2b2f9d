"""Public API of the dossiers app (reads): what a viewer may see, filtered in the query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from overdracht.accounts.selectors import user_names
from overdracht.core.sensitivity import Sensitivity
from overdracht.dossiers.models import DossierSection, IntakeAnalysis, SectionRevision, TestResult
from overdracht.dossiers.sections import SPECS, SectionField, SectionKind, SectionSpec
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, Relation
from overdracht.schools.models import School


def max_sensitivity(access: PupilAccess) -> Sensitivity | None:
    """Staff: the level their relation to the pupil gives (`PupilAccess.level`: the mentor
    of the pupil's class support, a teacher of the pupil general, guiding roles their role's
    level). Families do not see the internal dossier here (they see what is sent, in the
    portal): None."""
    if access.relation != Relation.STAFF:
        return None
    return access.level


def visible_kinds(access: PupilAccess) -> list[str]:
    level = max_sensitivity(access)
    if level is None:
        return []
    return [kind for kind, spec in SPECS.items() if spec.sensitivity <= level]


@dataclass(frozen=True)
class SectionView:
    spec: SectionSpec
    section: DossierSection | None
    received_from: str = ""  # the school whose file the current text came from

    @property
    def facts(self) -> list[tuple[str, str]]:
        """(label, value in words) of every filled field: codes and keys never show."""
        if self.section is None:
            return []
        content = self.section.content
        return [
            (str(f.label), readable_value(f, content.get(f.name)))
            for f in self.spec.fields
            if content.get(f.name) not in ("", None, False)
        ]


def sections_for(pupil: Pupil, access: PupilAccess) -> list[SectionView]:
    kinds = visible_kinds(access)
    if access.school_id is None:
        return []
    found = {
        s.kind: s
        for s in DossierSection.objects.filter(
            pupil=pupil, school_id=access.school_id, kind__in=kinds
        )
    }
    origin = _origins(list(found.values()))
    return [
        SectionView(
            spec=SPECS[kind],
            section=found.get(kind),
            received_from=origin.get(kind, "") if found.get(kind) else "",
        )
        for kind in kinds
    ]


def _origins(sections: list[DossierSection]) -> dict[str, str]:
    """{kind: the school whose file the current text came from} of the received sections."""
    return dict(
        SectionRevision.objects.filter(
            section__in=[s for s in sections if s.received_dossier_id],
            received_dossier_id__isnull=False,
        )
        .order_by("version")
        .values_list("section__kind", "received_from")
    )


def received_sections(pupil: Pupil, school_id: int) -> list[SectionView]:
    """The parts of the school's dossier that arrived in a file (the intake reads them),
    up to support level: care parts never travel without consent."""
    found = [
        s
        for s in DossierSection.objects.filter(
            pupil=pupil, school_id=school_id, received_dossier_id__isnull=False
        )
        if s.kind in SPECS and SPECS[s.kind].sensitivity <= Sensitivity.SUPPORT
    ]
    origin = _origins(found)
    order = list(SPECS)
    return [
        SectionView(spec=SPECS[s.kind], section=s, received_from=origin.get(s.kind, ""))
        for s in sorted(found, key=lambda s: order.index(s.kind))
    ]


def section_history(pupil: Pupil, school_id: int, kind: str) -> QuerySet[SectionRevision]:
    return SectionRevision.objects.filter(
        section__pupil=pupil, section__school_id=school_id, section__kind=kind
    )


@dataclass(frozen=True)
class RevisionView:
    revision: SectionRevision
    author: str  # the author's name, or the school the file came from


def history_with_authors(
    pupil: Pupil, school_id: int | None, kind: str, limit: int = 20
) -> list[RevisionView]:
    if school_id is None:
        return []
    revisions = list(section_history(pupil, school_id, kind)[:limit])
    names = user_names([r.author_id for r in revisions if r.author_id])
    return [
        RevisionView(
            revision=r,
            author=(
                _("received from %(school)s") % {"school": r.received_from}
                if r.received_dossier_id
                else names.get(r.author_id or 0, _("unknown"))
            ),
        )
        for r in revisions
    ]


@dataclass(frozen=True)
class ComparedField:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


def readable_value(field: SectionField, value: object) -> str:
    """A stored value in words: a choice by its label, a date as dd-mm-jjjj, yes/no."""
    if value in ("", None):
        return ""
    if field.kind == "boolean":
        return str(_("yes") if value else _("no"))
    if field.kind in ("choice", "scale"):
        return str(dict(field.choices).get(str(value), value))
    if field.kind == "date":
        try:
            return dt.date.fromisoformat(str(value)).strftime("%d-%m-%Y")
        except ValueError:
            return str(value)
    return str(value)


def compare_versions(
    spec: SectionSpec, old: dict[str, object], new: dict[str, object]
) -> list[ComparedField]:
    return [
        ComparedField(
            label=str(f.label),
            old=readable_value(f, old.get(f.name)),
            new=readable_value(f, new.get(f.name)),
        )
        for f in spec.fields
    ]


def test_results_of(pupil: Pupil, school_id: int | None) -> list[TestResult]:
    """The pupil's test results at the school (LVS and received), per subject and date."""
    if school_id is None:
        return []
    return list(TestResult.objects.filter(pupil=pupil, school_id=school_id))


@dataclass(frozen=True)
class SubjectSection:
    school: str
    label: str
    facts: list[tuple[str, str]]
    version: int
    updated_at: object


def subject_dossier(
    pupil: Pupil,
) -> tuple[list[SubjectSection], list[TestResult]]:
    """Everything the schools wrote about the pupil, at every sensitivity (a data subject's
    copy holds it all), in words; and the test results."""
    sections = [
        SubjectSection(
            school=s.school.name,
            label=str(SPECS[s.kind].kind.label),
            facts=[
                (str(f.label), readable_value(f, s.content.get(f.name)))
                for f in SPECS[s.kind].fields
                if readable_value(f, s.content.get(f.name))
            ],
            version=s.version,
            updated_at=s.updated_at,
        )
        for s in DossierSection.objects.filter(pupil=pupil)
        .select_related("school")
        .order_by("school__name", "kind")
        if s.kind in SPECS
    ]
    results = list(TestResult.objects.filter(pupil=pupil).select_related("school"))
    return sections, results


def reference_levels(pupil: Pupil, school_id: int | None) -> dict[str, str]:
    """{label in words: level} from the school's language-and-maths part (general data):
    written here or received with the pupil's OSO dossier."""
    if school_id is None:
        return {}
    section = DossierSection.objects.filter(
        pupil=pupil, school_id=school_id, kind=SectionKind.LANGUAGE_MATHS
    ).first()
    content = section.content if section else {}
    fields = {f.name: f for f in SPECS[SectionKind.LANGUAGE_MATHS].fields}
    return {
        str(fields[k].label): str(content[k])
        for k in ("reading", "language", "maths")
        if content.get(k)
    }


def language_maths_of(pupil_ids: list[Any], school_id: int) -> dict[Any, dict[str, Any]]:
    """{pupil id: the content of the school's language-and-maths part} (one query)."""
    return {
        s.pupil_id: s.content
        for s in DossierSection.objects.filter(
            pupil_id__in=pupil_ids, school=school_id, kind=SectionKind.LANGUAGE_MATHS
        )
    }


def with_support_needs(pupil_ids: list[Any], school_id: int) -> set[Any]:
    """The pupils of these for whom the school wrote a support-needs part (one query)."""
    return set(
        DossierSection.objects.filter(
            pupil_id__in=pupil_ids, school=school_id, kind=SectionKind.SUPPORT_NEEDS
        ).values_list("pupil_id", flat=True)
    )


def intake_analyses_of(school: School, pupil_ids: list[Any]) -> dict[Any, IntakeAnalysis]:
    """{pupil id: the school's intake analysis} of these pupils (one query)."""
    return {
        a.pupil_id: a for a in IntakeAnalysis.objects.filter(school=school, pupil_id__in=pupil_ids)
    }
