"""Reading in the school administration's export: the mapping, the preview with every
problem per row, one transaction, idempotent, and pupils gone from the file left alone."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.core.school_year import current_school_year
from overdracht.core.tabular import TableError, read_table
from overdracht.pupils.models import Enrolment, Pupil
from overdracht.roster.columns import PRESETS, mapping_for
from overdracht.roster.models import RosterUpload
from overdracht.roster.services import roster_import, roster_preview, roster_upload
from overdracht.schools.models import ClassGroup
from tests.conftest import World
from tests.roster.helpers import bsn_for, magister_export


def _upload(world: World, data: bytes) -> tuple[RosterUpload, dict[str, str]]:
    made = roster_upload(
        actor=Actor(user=world.school_admin),
        school=world.school,
        name="leerlingen.csv",
        data=data,
        school_year=current_school_year(),
        preset="magister",
    )
    mapping = mapping_for(read_table(data).headers, "magister", {})
    return made, mapping


def test_a_magister_export_is_read_as_windows_1252_with_semicolons() -> None:
    table = read_table(magister_export(3, "mentor@test.example", bad=False))
    assert table.headers[:3] == ["Stamnr", "Roepnaam", "Voornamen"]
    assert [cells[1] for _line, cells in table.rows] == ["Daan", "Zoë", "Sem"]
    mapping = mapping_for(table.headers, "magister", {})
    assert mapping["birth_date"] == "Geb.datum"
    assert mapping["guardian2_authority"] == "Ouder2 gezag"
    assert set(PRESETS["magister"][1]) == set(mapping)


def test_an_xlsx_export_reads_the_same() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Leerlingnummer", "Roepnaam", "Achternaam", "Geboortedatum", "Stamgroep"])
    sheet.append([7001, "Zoë", "Çelik", "03-04-2013", "1A"])
    import io

    out = io.BytesIO()
    book.save(out)
    table = read_table(out.getvalue())
    assert table.rows == [(2, ["7001", "Zoë", "Çelik", "03-04-2013", "1A"])]
    assert mapping_for(table.headers, "", {})["class_name"] == "Stamgroep"


def test_a_file_that_is_no_table_is_refused_in_dutch() -> None:
    with pytest.raises(TableError, match="geen CSV- of Excel-bestand"):
        read_table(b"\x00\x01\x02binary")


@pytest.mark.django_db
def test_the_preview_refuses_two_rows_with_their_reasons_and_writes_nothing(world: World) -> None:
    made, mapping = _upload(world, magister_export(20, world.mentor.email))
    before = Pupil.objects.count()
    preview = roster_preview(made, mapping)
    refused = [r for r in preview.rows if r.action == "refused"]
    assert len(refused) == 2
    reasons = " ".join(p for r in refused for p in r.row.problems)
    assert "31-02-2013" in reasons
    assert "123456789" in reasons
    assert preview.count("new") == 20
    assert preview.new_classes == ["1C", "1D"]  # 1A and 1B are there already
    assert Pupil.objects.count() == before


@pytest.mark.django_db
def test_the_import_creates_pupils_guardians_classes_and_the_mentor_and_is_idempotent(
    world: World,
) -> None:
    data = magister_export(20, world.mentor.email)
    made, mapping = _upload(world, data)
    roster_import(
        actor=Actor(user=world.school_admin), upload=made, mapping=mapping, end_missing=False
    )
    year = current_school_year()
    enrolled = Enrolment.objects.filter(
        school=world.school, school_year=year, pupil_number__startswith="700"
    )
    assert enrolled.count() == 20
    first = enrolled.get(pupil_number="70000")
    assert first.class_group is not None
    assert first.class_group.name == "1A"
    assert first.level == "vwo"
    relations = list(first.pupil.guardian_relations.select_related("guardian").order_by("id"))
    assert [r.guardian.email for r in relations] == [
        "ouder0a@thuis.example",
        "ouder0b@thuis.example",
    ]
    assert [r.has_authority for r in relations] == [True, False]  # "Ouder2 gezag: nee"
    assert ClassGroup.objects.filter(school=world.school, school_year=year, name="1D").exists()
    assert world.class_group.mentors.filter(pk=world.mentor.pk).exists()
    made.refresh_from_db()
    assert made.data is None
    assert made.report["new"] == 20
    assert made.report["refused"] == 2
    event = AuditEvent.objects.get(action=AuditAction.ROSTER_IMPORTED)
    assert event.target == f"rosterupload:{made.pk}"
    assert event.details["new"] == 20
    # the same file again: nothing changes
    again, mapping = _upload(world, data)
    preview = roster_preview(again, mapping)
    assert preview.count("new") == 0
    assert preview.count("changed") == 0
    assert preview.count("unchanged") == 20


@pytest.mark.django_db
def test_a_second_export_with_one_pupil_changed_updates_only_that_pupil(world: World) -> None:
    made, mapping = _upload(world, magister_export(20, world.mentor.email, bad=False))
    roster_import(
        actor=Actor(user=world.school_admin), upload=made, mapping=mapping, end_missing=False
    )
    again, mapping = _upload(world, magister_export(20, world.mentor.email, bad=False, changed=7))
    preview = roster_preview(again, mapping)
    changed = [r for r in preview.rows if r.action == "changed"]
    assert [r.row.pupil_number for r in changed] == ["70007"]
    assert changed[0].changes == ["roepnaam"]
    roster_import(
        actor=Actor(user=world.school_admin), upload=again, mapping=mapping, end_missing=False
    )
    assert Pupil.objects.get(enrolments__pupil_number="70007").call_name == "Sanne"


@pytest.mark.django_db
def test_pupils_gone_from_the_file_are_left_alone_unless_asked(world: World) -> None:
    made, mapping = _upload(world, magister_export(4, world.mentor.email, bad=False))
    preview = roster_preview(made, mapping)
    assert world.pupil.pk in {e.pupil_id for e in preview.missing}
    roster_import(
        actor=Actor(user=world.school_admin), upload=made, mapping=mapping, end_missing=False
    )
    assert Enrolment.objects.get(pupil=world.pupil, school=world.school).end_date is None
    again, mapping = _upload(world, magister_export(4, world.mentor.email, bad=False))
    roster_import(
        actor=Actor(user=world.school_admin), upload=again, mapping=mapping, end_missing=True
    )
    assert Enrolment.objects.get(pupil=world.pupil, school=world.school).end_date is not None


@pytest.mark.django_db
def test_a_bsn_of_another_pupil_is_refused_never_merged(world: World) -> None:
    known = bsn_for(99)  # a number no other pupil of the test has
    world.pupil.bsn = known
    world.pupil.save(update_fields=["bsn"])
    data = magister_export(1, "", bad=False).replace(bsn_for(0).encode(), known.encode())
    made, mapping = _upload(world, data)
    (outcome,) = roster_preview(made, mapping).rows
    assert outcome.action == "refused"
    assert "andere leerling" in " ".join(outcome.row.problems)


@pytest.mark.django_db
def test_an_upload_is_read_in_once(world: World) -> None:
    made, mapping = _upload(world, magister_export(2, "", bad=False))
    roster_import(
        actor=Actor(user=world.school_admin), upload=made, mapping=mapping, end_missing=False
    )
    with pytest.raises(ValueError, match="already"):
        roster_import(
            actor=Actor(user=world.school_admin), upload=made, mapping=mapping, end_missing=False
        )


@pytest.mark.django_db
def test_rows_that_would_merge_two_pupils_are_refused(world: World) -> None:
    made, mapping = _upload(world, magister_export(3, "", bad=False))
    roster_import(
        actor=Actor(user=world.school_admin), upload=made, mapping=mapping, end_missing=False
    )
    # the pupil numbered 70000 with another pupil's BSN, and 70001 with another birth date
    text = magister_export(2, "", bad=False).decode("cp1252")
    text = text.replace(bsn_for(0), bsn_for(2), 1).replace("02-01-2013", "03-03-2013", 1)
    again, mapping = _upload(world, text.encode("cp1252"))
    outcomes = {o.row.pupil_number: o for o in roster_preview(again, mapping).rows}
    assert outcomes["70000"].action == "refused"
    assert "ander" in " ".join(outcomes["70000"].row.problems)
    assert outcomes["70001"].action == "refused"
    assert "geboortedatum" in " ".join(outcomes["70001"].row.problems)
    roster_import(
        actor=Actor(user=world.school_admin), upload=again, mapping=mapping, end_missing=False
    )  # the refused rows are skipped; nothing fails


@pytest.mark.django_db
def test_next_years_enrolments_of_pupils_not_in_the_file_can_be_ended(world: World) -> None:
    year = current_school_year() + 1
    first = roster_upload(
        actor=Actor(user=world.school_admin),
        school=world.school,
        name="volgend-jaar.csv",
        data=magister_export(2, "", bad=False),
        school_year=year,
        preset="magister",
    )
    mapping = mapping_for(read_table(magister_export(2, "", bad=False)).headers, "magister", {})
    roster_import(
        actor=Actor(user=world.school_admin), upload=first, mapping=mapping, end_missing=False
    )
    smaller = roster_upload(
        actor=Actor(user=world.school_admin),
        school=world.school,
        name="volgend-jaar-2.csv",
        data=magister_export(1, "", bad=False),
        school_year=year,
        preset="magister",
    )
    roster_import(
        actor=Actor(user=world.school_admin), upload=smaller, mapping=mapping, end_missing=True
    )
    ended = Enrolment.objects.get(pupil_number="70001", school_year=year)
    assert ended.end_date == ended.start_date  # it ends before it began: the same day
