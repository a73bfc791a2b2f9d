"""Where a newer received dossier says something else than the school wrote itself.

A received file never overwrites a section the receiving school wrote (`sections_receive`
keeps it); this module shows the difference instead, beside the school's own text, from the
pupil's current received dossier. Computed when asked: nothing extra is stored.

Public API: `received_differences(pupil, school_id, kinds)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from overdracht.dossiers.composition import content_to_sections
from overdracht.dossiers.models import DossierSection
from overdracht.dossiers.sections import SPECS, is_empty
from overdracht.dossiers.selectors import ComparedField, compare_versions
from overdracht.oso.models import DossierState, ReceivedDossier
from overdracht.oso.selectors import received_content
from overdracht.pupils.models import Pupil


@dataclass(frozen=True)
class ReceivedDifference:
    received_from: str
    received_on: dt.date
    dossier_id: int
    rows: list[ComparedField]  # old: the school's own text, new: what the file says


def received_differences(
    pupil: Pupil, school_id: int | None, kinds: Iterable[str]
) -> dict[str, ReceivedDifference]:
    """Per section the school wrote itself, the fields where the current received dossier
    says something else (only fields the file fills)."""
    if school_id is None:
        return {}
    dossier = ReceivedDossier.objects.filter(
        pupil=pupil, school_id=school_id, state=DossierState.CURRENT
    ).first()
    if dossier is None:
        return {}
    received = content_to_sections(received_content(dossier))
    own = {
        s.kind: s
        for s in DossierSection.objects.filter(
            pupil=pupil, school_id=school_id, kind__in=list(kinds), received_dossier_id__isnull=True
        )
    }
    found = {}
    for kind, section in own.items():
        theirs = received.get(kind)
        if not theirs or is_empty(theirs) or kind not in SPECS:
            continue
        rows = [
            row
            for row in compare_versions(SPECS[kind], section.content, theirs)
            if row.new and row.changed
        ]
        if rows:
            found[kind] = ReceivedDifference(
                received_from=dossier.sending_name or dossier.sending_brin,
                received_on=dossier.received_at.date(),
                dossier_id=dossier.pk,
                rows=rows,
            )
    return found
