"""The feedback message (terugkoppeling): built from our enrolments, valid, read back."""

from __future__ import annotations

import datetime as dt

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.oso.feedback import feedback_read
from overdracht.oso.generator import dossier_xml
from overdracht.oso.problems import OsoFileError
from overdracht.oso.schema import schema_available
from overdracht.oso.services import feedback_for_pupil
from tests.conftest import World


@pytest.mark.django_db
def test_feedback_is_built_from_our_enrolments_and_reads_back(world: World) -> None:
    enrolment = world.pupil.enrolments.get()
    enrolment.level = "havo"
    enrolment.save()
    data = feedback_for_pupil(pupil=world.pupil, school=world.school, old_school_pupil_id="LL42")
    report = feedback_read(data, name="terug.xml")
    assert report.school_brin == "11AA"
    assert report.pupil_id_at_old_school == "LL42"
    assert (report.surname, report.surname_prefix) == ("Hof", "van 't")
    assert report.birth_date == world.pupil.birth_date
    [year] = report.years
    year_label = f"{current_school_year()}-{current_school_year() + 1}"
    assert (year.school_year, year.year_group, year.class_name) == (year_label, "11", "1A")
    assert (year.programme_code, year.programme) == ("havo", "havo")
    assert report.departure_date is None


@pytest.mark.django_db
def test_feedback_carries_the_departure(world: World) -> None:
    enrolment = world.pupil.enrolments.get()
    enrolment.end_date = enrolment.start_date + dt.timedelta(days=30)
    enrolment.save()
    report = feedback_read(
        feedback_for_pupil(pupil=world.pupil, school=world.school, old_school_pupil_id="LL1"),
        name="t.xml",
    )
    assert report.departure_date == enrolment.end_date


@pytest.mark.skipif(not schema_available(), reason="the OSO schema is not at OSO_STANDARD_DIR")
@pytest.mark.django_db
def test_feedback_validates_against_the_official_schema(world: World) -> None:
    from lxml import etree

    from overdracht.oso.schema import schema_problems

    data = feedback_for_pupil(pupil=world.pupil, school=world.school, old_school_pupil_id="LL1")
    assert schema_problems(etree.ElementTree(etree.fromstring(data)), name="t.xml") == []


def test_a_dossier_is_not_read_as_feedback() -> None:
    with pytest.raises(OsoFileError, match="geen OSO-terugkoppeling"):
        feedback_read(dossier_xml(bsn="999990019"), name="dossier.xml")


def test_hostile_feedback_is_refused() -> None:
    with pytest.raises(OsoFileError, match="DOCTYPE"):
        feedback_read(
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', name="x.xml"
        )
