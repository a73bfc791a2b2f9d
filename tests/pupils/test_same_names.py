"""Two pupils called Zoë Meijer in 1A can be told apart: where a list names them both, it
shows their birth dates; names are on one line ("Anouk de Boer")."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.pupils import services as pupil_services
from tests.conftest import World, client_for, make_pupil


@pytest.mark.django_db
def test_the_class_overview_and_the_pupil_list_tell_two_namesakes_apart(world: World) -> None:
    for born in (dt.date(2013, 2, 3), dt.date(2013, 11, 25)):
        zoe = make_pupil("Zoë", "Meijer", birth_date=born)
        pupil_services.enrolment_create(
            pupil=zoe,
            school=world.school,
            school_year=current_school_year(),
            year_group=1,
            class_group=world.class_group,
            start_date=dt.date(current_school_year(), 8, 20),
        )
    anouk = make_pupil("Anouk", "Boer", prefix="de")
    pupil_services.enrolment_create(
        pupil=anouk,
        school=world.school,
        school_year=current_school_year(),
        year_group=1,
        class_group=world.class_group,
        start_date=dt.date(current_school_year(), 8, 20),
    )
    overview = (
        client_for(world.mentor)
        .get(reverse("passports:class_overview", args=[world.class_group.pk]))
        .content.decode()
    )
    listing = (
        client_for(world.care_coordinator)
        .get(reverse("pupils:school_pupils", args=[world.school.pk]))
        .content.decode()
    )
    for page in (overview, listing):
        assert page.count("Zoë Meijer</a>") == 2
        assert "geboren 3-2-2013" in page
        assert "geboren 25-11-2013" in page
        assert "Anouk de Boer</a>" in page
        assert page.count("geboren ") == 2  # only the namesakes
