"""Property: what a school writes in its dossier comes out at the next school as the same
content — through the OSO file it builds and the import at the other school."""

from __future__ import annotations

from typing import Any

from django.db import transaction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from overdracht.dossiers.models import DossierSection
from overdracht.dossiers.sections import ADVICE_LEVELS, REFERENCE_LEVELS, SCALE, SectionKind
from overdracht.dossiers.sending import dossier_file
from overdracht.dossiers.services import section_save
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Pupil
from tests.conftest import World
from tests.dossiers.test_sending import Primary, primary  # noqa: F401  (fixture)

text = (
    st.text(
        alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs", "Po")),
        min_size=1,
        max_size=80,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
advice = st.sampled_from([key for key, _label in ADVICE_LEVELS if key])
level = st.sampled_from([key for key, _label in REFERENCE_LEVELS if key])
scale = st.sampled_from([key for key, _label in SCALE if key])


def filled(content: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in content.items() if v not in ("", None, False)}


@pytest.mark.django_db
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    final=advice,
    wish=advice,
    argumentation=text,
    reading=level,
    maths=level,
    task=scale,
    notes=text,
    talents=text,
    what_works=text,
)
def test_dossier_export_import_gives_the_same_content(
    world: World,
    primary: Primary,  # noqa: F811
    final: str,
    wish: str,
    argumentation: str,
    reading: str,
    maths: str,
    task: str,
    notes: str,
    talents: str,
    what_works: str,
) -> None:
    written = {
        SectionKind.ADVICE: {
            "final_advice": final,
            "final_date": "2027-03-01",
            "wish_pupil": wish,
            "argumentation": argumentation,
        },
        SectionKind.LANGUAGE_MATHS: {"reading": reading, "maths": maths},
        SectionKind.WORK_ATTITUDE: {"task_approach": task, "notes": notes},
        SectionKind.TALENTS: {"talents": talents},
        SectionKind.SUPPORT_NEEDS: {"what_works": what_works},
    }
    with transaction.atomic():
        for kind, content in written.items():
            section_save(
                author_id=primary.teacher.pk,
                pupil=primary.pupil,
                kind=kind,
                content=content,
                based_on_version=0,
                school_id=primary.school.pk,
            )
        Pupil.objects.filter(pk=primary.pupil.pk).update(address_is_secret=True)
        primary.pupil.refresh_from_db()
        primary.transition.refresh_from_db()
        made = dossier_file(
            transition=primary.transition,
            school=primary.school,
            actor_id=None,
            provisional=True,
            to_brin=world.school.brin,
        )
        outcome = dossier_import(data=made.content, name=made.filename, school=world.school)
        assert outcome.status == "imported", [str(p) for p in outcome.problems]
        arrived = {
            s.kind: filled(s.content)
            for s in DossierSection.objects.filter(pupil=primary.pupil, school=world.school)
        }
        assert arrived == {kind: filled(content) for kind, content in written.items()}
        transaction.set_rollback(True)
