"""The import reads a file's pupil and guardians into the same typed data the export writes,
and says so where a value does not fit our records instead of cutting it silently."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from lxml import etree

from overdracht.oso.export import pupil_data
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import ImportStatus
from overdracht.oso.pupil_reading import pupil_of, transition_kind_of
from overdracht.oso.reader import read_dossier
from overdracht.oso.safe_xml import parse_untrusted
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Pupil, Relationship
from overdracht.schools.models import School
from tests.oso.conftest import pupil_of as imported_pupil

BSN = "999990019"


def test_the_file_is_read_into_typed_data() -> None:
    data = dossier_xml(bsn=BSN, surname="Hof", surname_prefix="van 't", call_name="Noor")
    reading = read_dossier(parse_untrusted(data, name="a.xml"), name="a.xml")
    pupil = pupil_of(reading)
    assert (pupil.call_name, pupil.surname_prefix, pupil.surname) == ("Noor", "van 't", "Hof")
    assert pupil.birth_date == dt.date(2014, 5, 1)
    assert pupil.bsn == BSN
    assert pupil.address is not None
    assert pupil.address.city == "Waalstad"
    assert [g.email for g in pupil.guardians] == ["ouder0.1@mail.example", "ouder1.1@mail.example"]
    assert all(g.has_authority for g in pupil.guardians)
    assert transition_kind_of(reading) == "po_vo"


def test_an_unknown_relationship_is_read_as_other() -> None:
    data = re.sub(rb"<relatietotkind>\d+<", b"<relatietotkind>77<", dossier_xml(bsn=BSN), count=1)
    reading = read_dossier(parse_untrusted(data, name="a.xml"), name="a.xml")
    assert Relationship.OTHER in {g.relationship for g in pupil_of(reading).guardians}


@pytest.mark.django_db
def test_what_was_imported_exports_as_the_same_data(receiving_school: School) -> None:
    data = dossier_xml(bsn=BSN, surname="Hof", surname_prefix="van 't")
    outcome = dossier_import(data=data, name="a.xml", school=receiving_school)
    read = pupil_of(read_dossier(parse_untrusted(data, name="a.xml"), name="a.xml"))
    written = pupil_data(imported_pupil(outcome), receiving_school)
    for name in ("call_name", "surname_prefix", "surname", "birth_date", "gender", "bsn"):
        assert getattr(written, name) == getattr(read, name), name
    assert [(g.surname, g.email, g.has_authority) for g in written.guardians] == [
        (g.surname, g.email, g.has_authority) for g in read.guardians
    ]


@pytest.mark.django_db
def test_a_value_too_long_for_our_records_is_shortened_and_reported(
    receiving_school: School,
) -> None:
    tree = etree.fromstring(dossier_xml(bsn=BSN))
    pupil = next(e for e in tree.iter() if etree.QName(e).localname == "leerling")
    street = next(e for e in pupil.iter() if etree.QName(e).localname == "straat")
    street.text = "Lange " * 30  # 180 characters
    outcome = dossier_import(data=etree.tostring(tree), name="lang.xml", school=receiving_school)
    assert outcome.status == ImportStatus.IMPORTED, outcome.problems
    pupil = imported_pupil(outcome)
    assert pupil.street == ("Lange " * 30)[:120]
    warnings = [p for p in outcome.problems if p.severity == "warning" and "ingekort" in p.message]
    assert len(warnings) == 1
    assert warnings[0].file == "lang.xml"
    assert "120 tekens" in warnings[0].message


@pytest.mark.django_db
def test_a_file_without_a_birth_date_is_rejected_with_a_dutch_message(
    receiving_school: School,
) -> None:
    data = dossier_xml(bsn=BSN).replace(b"<geboortedatum>2014-05-01</geboortedatum>", b"")
    outcome = dossier_import(data=data, name="zonder.xml", school=receiving_school)
    assert outcome.status == ImportStatus.REJECTED
    assert any("geboortedatum" in p.message.lower() for p in outcome.problems)
    assert not Pupil.objects.exists()
