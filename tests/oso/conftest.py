from __future__ import annotations

import pytest

from overdracht.schools.models import Region, School, SchoolBoard


@pytest.fixture
def receiving_school(db: None) -> School:
    region = Region.objects.create(name="OSO-regio")
    board = SchoolBoard.objects.create(name="VO-bestuur", board_number="20002")
    return School.objects.create(
        board=board, region=region, name="Ontvangend College", brin="33CC", kind="VO"
    )
