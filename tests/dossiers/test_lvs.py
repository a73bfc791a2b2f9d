"""Test results from the pupil tracking system (LVS): the documented sample reads in, every
problem is named per row in Dutch and nothing is half-imported, the same file twice changes
nothing, the reference levels reach the dossier, and the results travel in the OSO file to
the next school."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.urls import reverse

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.dossiers.lvs import LvsError, domain_of, lvs_import, lvs_preview
from overdracht.dossiers.models import DossierSection, ResultSource, SectionRevision, TestResult
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.sending import dossier_file, received_fill
from overdracht.oso.models import ReceivedDossier
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.schema import schema_available
from overdracht.oso.services import dossier_import
from overdracht.oso.validation import validate_file
from tests.conftest import World, client_for
from tests.dossiers.test_sending import Primary, primary, what_the_mother_reads, write_required

__all__ = ["primary"]  # the fixture

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "lvs-toetsresultaten.csv"


@pytest.mark.django_db
def test_the_documented_sample_reads_in_and_fills_the_reference_levels(
    primary: Primary,
) -> None:
    data = SAMPLE.read_bytes()
    preview = lvs_preview(data, primary.school)
    assert preview.ok, [r.problems for r in preview.rows] + preview.problems
    assert preview.count("new") == 4
    outcome = lvs_import(data, primary.school, primary.ib.pk)
    assert (outcome.created, outcome.updated, outcome.pupils) == (4, 0, 1)
    results = TestResult.objects.filter(pupil=primary.pupil, school=primary.school)
    assert results.count() == 4
    maths = results.get(subject="Rekenen-wiskunde")
    assert (maths.ability_score, maths.rating, maths.year_group) == ("112.5", "III", 8)
    assert maths.taken_on == dt.date(2027, 1, 21)
    levels = DossierSection.objects.get(
        pupil=primary.pupil, school=primary.school, kind=SectionKind.LANGUAGE_MATHS
    )
    # The latest reading result (2F in groep 8) wins over the older 1F of groep 7.
    assert levels.content["reading"] == "2F"
    assert levels.content["maths"] == "1S/2F"
    assert levels.content["language"] == "2F"
    assert AuditEvent.objects.filter(
        action=AuditAction.LVS_IMPORTED, subject_pupil_id=primary.pupil.pk
    ).exists()
    # The same file again: nothing new, no new version of the section.
    versions = SectionRevision.objects.filter(section=levels).count()
    again = lvs_import(data, primary.school, primary.ib.pk)
    assert (again.created, again.updated, again.unchanged, again.levels_set) == (0, 0, 4, 0)
    assert SectionRevision.objects.filter(section=levels).count() == versions


@pytest.mark.django_db
def test_every_problem_is_named_per_row_and_nothing_is_imported(primary: Primary) -> None:
    rows = [
        "Leerlingnummer,Toets,Leergebied,Afnamedatum,Vaardigheidsscore,Niveau,Referentieniveau",
        "8001,Begrijpend lezen M8,Begrijpend lezen,20-01-2027,68,II,2F",
        "9999,Rekenen M8,Rekenen,21-01-2027,100,III,",
        "8001,Spelling M8,Spelling,31-02-2027,12a,F,3F",
        "8001,Begrijpend lezen M8,Begrijpend lezen,20-01-2027,70,II,",
        "8001,Woordenschat,Woordenschat,22-01-2027,,,",
    ]
    data = "\r\n".join(rows) + "\r\n"
    preview = lvs_preview(data.encode("cp1252"), primary.school)
    assert not preview.ok
    problems = {r.line: r.problems for r in preview.rows if r.problems}
    assert set(problems) == {3, 4, 5, 6}
    assert any("9999" in p for p in problems[3])
    assert len(problems[4]) == 4  # date, score, level, reference level
    assert any("31-02-2027" in p and "dd-mm-jjjj" in p for p in problems[4])
    assert any("regel 2" in p for p in problems[5])
    assert any("geen vaardigheidsscore" in p for p in problems[6])
    with pytest.raises(LvsError):
        lvs_import(data.encode("cp1252"), primary.school, primary.ib.pk)
    assert not TestResult.objects.exists()
    assert not DossierSection.objects.filter(kind=SectionKind.LANGUAGE_MATHS).exists()


@pytest.mark.django_db
def test_windows_1252_and_a_bom_are_read(primary: Primary) -> None:
    rows = "Leerlingnummer;Toets;Afnamedatum;Niveau\r\n8001;Woordenschat é;2027-01-20;B\r\n"
    for data in (rows.encode("cp1252"), b"\xef\xbb\xbf" + rows.encode()):
        preview = lvs_preview(data, primary.school)
        assert preview.ok, preview.rows[0].problems
        found = preview.rows[0].result
        assert found is not None
        assert found.name == "Woordenschat é"
        assert found.rating == "B"


@pytest.mark.django_db
def test_a_file_without_the_needed_columns_says_which(primary: Primary) -> None:
    preview = lvs_preview("\ufeffNaam;Cijfer\nNoor;8\n".encode(), primary.school)
    assert not preview.ok
    assert not preview.rows
    text = " ".join(preview.problems)
    assert "leerlingnummer" in text
    assert "toets" in text
    assert "afnamedatum" in text


@pytest.mark.django_db
def test_a_pupil_of_another_school_is_unknown(world: World, primary: Primary) -> None:
    enrolment = world.pupil.enrolments.get(school=world.school)
    enrolment.pupil_number = "5555"
    enrolment.save()
    data = b"Leerlingnummer;Toets;Afnamedatum;Niveau\n5555;Rekenen M8;20-01-2027;II\n"
    preview = lvs_preview(data, primary.school)
    assert not preview.ok
    assert "5555" in preview.rows[0].problems[0]


def test_subjects_find_their_reference_domain() -> None:
    assert domain_of("Begrijpend lezen") == "reading"
    assert domain_of("Technisch lezen") == ""
    assert domain_of("Spelling") == "language"
    assert domain_of("Rekenen-Wiskunde") == "maths"
    assert domain_of("Woordenschat") == ""


@pytest.mark.django_db
def test_the_results_travel_to_the_next_school(world: World, primary: Primary) -> None:
    write_required(primary)
    lvs_import(SAMPLE.read_bytes(), primary.school, primary.ib.pk)
    made = dossier_file(
        transition=primary.transition,
        school=primary.school,
        actor_id=None,
        provisional=True,
        to_brin=world.school.brin,
    )
    assert b"<vaardigheidsscore>112.5</vaardigheidsscore>" in made.content
    if schema_available() and official_rules_available():
        checked = validate_file(made.content, name=made.filename, official=True)
        # Provisional: the only official rule it may break is the one that wants the review.
        assert [str(p) for p in checked.errors if "ingezien" not in str(p)] == []
    outcome = dossier_import(data=made.content, name=made.filename, school=world.school)
    assert outcome.dossier_id is not None, outcome.problems
    arrived = ReceivedDossier.objects.get(pk=outcome.dossier_id)
    received_fill(arrived)
    there = TestResult.objects.filter(pupil=primary.pupil, school=world.school)
    assert there.count() == 4
    assert {r.source for r in there} == {ResultSource.RECEIVED}
    spelling = there.get(subject="Spelling")
    assert (spelling.ability_score, spelling.rating) == ("151", "I")
    assert spelling.received_from == primary.school.name


@pytest.mark.django_db
def test_the_page_previews_then_imports(primary: Primary) -> None:
    ib = client_for(primary.ib)
    url = reverse("dossiers:lvs_import", args=[primary.school.pk])
    assert ib.get(url).status_code == 200
    with SAMPLE.open("rb") as handle:
        preview = ib.post(url, {"action": "preview", "results_file": handle})
    page = preview.content.decode()
    assert "Noor Bakker" in page
    assert "4 nieuw" in page
    assert not TestResult.objects.exists()
    token = preview.context["token"]
    done = ib.post(url, {"action": "import", "token": token}, follow=True)
    assert "4 toetsresultaten ingelezen" in done.content.decode()
    assert TestResult.objects.count() == 4
    # A tampered token is refused, and nothing else happens.
    refused = ib.post(url, {"action": "import", "token": token + "x"})
    assert "opnieuw" in refused.content.decode()


@pytest.mark.django_db
def test_the_parents_read_the_results_in_words(world: World, primary: Primary) -> None:
    write_required(primary)
    lvs_import(SAMPLE.read_bytes(), primary.school, primary.ib.pk)
    page = what_the_mother_reads(world, primary)
    assert "Rekenen-Wiskunde M8" in page
    assert "21-01-2027, vaardigheidsscore 112.5, niveau III" in page
    assert "LVS" not in page.replace("LVS)", "")  # the test code stays out of sight
