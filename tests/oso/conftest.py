from __future__ import annotations

import pytest

from overdracht.oso.models import ReceivedDossier
from overdracht.oso.services import ImportOutcome
from overdracht.pupils.models import Pupil
from overdracht.schools.models import Region, School, SchoolBoard
from tests.conftest import SCHOOL_DETAILS


@pytest.fixture
def receiving_school(db: None) -> School:
    region = Region.objects.create(name="OSO-regio")
    board = SchoolBoard.objects.create(name="VO-bestuur", board_number="20002")
    return School.objects.create(
        board=board,
        region=region,
        name="Ontvangend College",
        brin="33CC",
        kind="VO",
        **SCHOOL_DETAILS,
    )


def dossier_of(outcome: ImportOutcome) -> ReceivedDossier:
    assert outcome.dossier_id is not None, outcome.status
    return ReceivedDossier.objects.get(pk=outcome.dossier_id)


def pupil_of(outcome: ImportOutcome) -> Pupil:
    assert outcome.pupil_id is not None, outcome.status
    return Pupil.objects.get(pk=outcome.pupil_id)
