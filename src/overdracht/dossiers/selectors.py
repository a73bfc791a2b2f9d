"""Public API of the dossiers app (reads): what a viewer may see, filtered in the query."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from overdracht.core.sensitivity import Sensitivity
from overdracht.dossiers.models import DossierSection, SectionRevision
from overdracht.dossiers.sections import SPECS, SectionSpec
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, Relation
from overdracht.schools.roles import ROLE_MAX_SENSITIVITY


def max_sensitivity(access: PupilAccess) -> Sensitivity | None:
    """Staff: their role's level; the pupil's mentor sees support data. Families do not see
    the internal dossier here (they see what is sent, in the portal): None."""
    if access.relation != Relation.STAFF:
        return None
    level = ROLE_MAX_SENSITIVITY.get(access.role, Sensitivity.GENERAL)
    if access.is_mentor:
        level = max(level, Sensitivity.SUPPORT)
    return Sensitivity(level)


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
