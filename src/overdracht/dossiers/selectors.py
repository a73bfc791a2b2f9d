"""Public API of the dossiers app (reads): what a viewer may see, filtered in the query."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from overdracht.core.sensitivity import Sensitivity
from overdracht.dossiers.models import DossierSection, SectionRevision
from overdracht.dossiers.sections import SPECS, SectionSpec
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, Relation


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


def sections_for(pupil: Pupil, access: PupilAccess) -> list[SectionView]:
    kinds = visible_kinds(access)
    found = {s.kind: s for s in DossierSection.objects.filter(pupil=pupil, kind__in=kinds)}
    return [SectionView(spec=SPECS[kind], section=found.get(kind)) for kind in kinds]


def section_history(pupil: Pupil, kind: str) -> QuerySet[SectionRevision]:
    return SectionRevision.objects.filter(section__pupil=pupil, section__kind=kind)
