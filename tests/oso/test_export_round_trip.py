"""Export: refused without the guardians' review, categories left out entirely when not
delivered, valid against the schema, and import → export → import keeps the dossier."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from overdracht.oso.builder import ReviewData
from overdracht.oso.export import ExportRefusedError, dossier_export
from overdracht.oso.generator import dossier_xml
from overdracht.oso.services import dossier_import
from overdracht.oso.validation import validate_file
from overdracht.schools.models import School
from tests.conftest import SCHOOL_DETAILS
from tests.oso.conftest import dossier_of, pupil_of

BSN = "999990019"
KEPT = ("advice", "tests", "diagnoses", "support", "school_career", "final_test", "absence")


def _other_school(school: School) -> School:
    return School.objects.create(
        board=school.board,
        region=school.region,
        name="Volgende",
        brin="55EE",
        kind="VO",
        **SCHOOL_DETAILS,
    )


@pytest.mark.django_db
def test_export_is_refused_until_the_review_is_recorded(receiving_school: School) -> None:
    outcome = dossier_import(data=dossier_xml(bsn=BSN), name="a.xml", school=receiving_school)
    pupil = pupil_of(outcome)
    with pytest.raises(ExportRefusedError) as exc:
        dossier_export(
            pupil=pupil, school=receiving_school, to_brin="55EE", crossing="VOVO", review=None
        )
    assert "inzage" in exc.value.message


@pytest.mark.django_db
def test_export_carries_the_review_and_validates(receiving_school: School) -> None:
    outcome = dossier_import(data=dossier_xml(bsn=BSN), name="a.xml", school=receiving_school)
    pupil = pupil_of(outcome)
    review = ReviewData(
        provisional=False,
        date=dt.date(2027, 5, 1),
        agreed=False,
        reason_not_agreed="Het beeld van de werkhouding klopt niet.",
    )
    export = dossier_export(
        pupil=pupil, school=receiving_school, to_brin="55EE", crossing="VOVO", review=review
    )
    checked = validate_file(export.content, name=export.filename)
    assert checked.errors == []
    assert checked.reading is not None
    assert checked.reading.value("review.agreed") == "Nee"
    assert checked.reading.value("review.reason_not_agreed").startswith("Het beeld")
    assert checked.reading.value("school.brin") == "33CC"


@pytest.mark.django_db
def test_a_category_not_delivered_is_absent_entirely(receiving_school: School) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn=BSN, tests=3), name="a.xml", school=receiving_school
    )
    pupil = pupil_of(outcome)
    export = dossier_export(
        pupil=pupil,
        school=receiving_school,
        to_brin="55EE",
        crossing="VOVO",
        review=ReviewData(provisional=True),
        delivery={"cat_toetsresultaten": "OPT-UIT", "cat_bijlagedocs": "OPT-UIT"},
    )
    assert b"<toetslijst>" not in export.content
    assert b"<overigdocumentlijst>" not in export.content
    assert b"<cat_toetsresultaten>OPT-UIT<" in export.content
    assert validate_file(export.content, name="x.xml").errors == []


names = st.sampled_from(
    [
        ("", "Jansen"),
        ("van 't", "Hof"),
        ("", "Çelik"),
        ("", "Ødegård"),
        ("de", "Vries-Bakker"),
        ("van der", "Linden"),
    ]
)
calls = st.sampled_from(["Sam", "Zoë", "Joël", "Ayşe", "Noah"])
optional = st.sampled_from(["OPTIONEEL", "OPT-UIT"])


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=names,
    call=calls,
    tests=st.integers(0, 4),
    attachments=st.integers(0, 2),
    crossing=st.sampled_from(["POVO", "POPO", "VOVO"]),
    agreed=st.booleans(),
    support=optional,
    born=st.dates(dt.date(2008, 1, 1), dt.date(2016, 12, 31)),
    seed=st.integers(0, 10_000),
)
def test_import_export_import_keeps_the_dossier(
    receiving_school: School,
    name: tuple[str, str],
    call: str,
    tests: int,
    attachments: int,
    crossing: str,
    agreed: bool,
    support: str,
    born: dt.date,
    seed: int,
) -> None:
    prefix, surname = name
    original = dossier_xml(
        bsn=BSN,
        surname=surname,
        surname_prefix=prefix,
        call_name=call,
        birth_date=born,
        crossing=crossing,
        tests=tests,
        attachments=attachments,
        attachment_bytes=300,
        review_agreed=agreed,
        seed=seed,
        delivery={"cat_onderwijsondersteuning": support},
    )
    with transaction.atomic():
        first = dossier_import(data=original, name="in.xml", school=receiving_school)
        assert first.status == "imported", [str(p) for p in first.problems]
        pupil = pupil_of(first)
        export = dossier_export(
            pupil=pupil,
            school=receiving_school,
            to_brin="55EE",
            crossing=crossing,
            review=ReviewData(provisional=True),
            delivery={"cat_onderwijsondersteuning": support},
        )
        second = dossier_import(
            data=export.content, name="uit.xml", school=_other_school(receiving_school)
        )
        assert second.status == "imported", [str(p) for p in second.problems]
        assert second.pupil_id == first.pupil_id
        a = dossier_of(first)
        b = dossier_of(second)
        assert _kept(a.mapped) == _kept(b.mapped)
        assert _pupil(a.mapped) == _pupil(b.mapped)
        assert _guardians(a.mapped) == _guardians(b.mapped)
        assert [x.sha256 for x in a.attachments.all()] == [x.sha256 for x in b.attachments.all()]
        transaction.set_rollback(True)


def _kept(mapped: dict[str, Any]) -> dict[str, Any]:
    return {key: mapped.get(key) for key in KEPT}


def _pupil(mapped: dict[str, Any]) -> dict[str, Any]:
    pupil = dict(mapped["pupil"])
    # What the school that sends records itself: its pupil number and enrolment date, and
    # whether the address is secret (always written, the generator may leave it out).
    for key in ("sending_school_id", "enrolled_on", "address_is_secret"):
        pupil.pop(key, None)
    return pupil


def _guardians(mapped: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [
        (g.get("initials", ""), g["surname"], g.get("relationship", ""), g.get("has_authority", ""))
        for g in mapped.get("guardians", [])
    ]
