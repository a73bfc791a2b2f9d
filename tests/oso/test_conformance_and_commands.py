"""Conformance with the official schema and examples (from OSO_STANDARD_DIR), the
management commands, and the mapping document."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from overdracht.oso.generator import dossier_xml
from overdracht.oso.mapping_doc import mapping_markdown
from overdracht.oso.models import ReceivedDossier
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.schema import schema_available
from overdracht.oso.services import dossier_import
from overdracht.oso.validation import validate_file
from overdracht.schools.models import School
from tests.oso.conftest import dossier_of, pupil_of

EXAMPLES = Path(settings.OSO_STANDARD_DIR) / "examples"
needs_standard = pytest.mark.skipif(
    not (schema_available() and EXAMPLES.is_dir()),
    reason=f"the OSO standard (schema and examples) is not at {settings.OSO_STANDARD_DIR}; "
    "set OSO_STANDARD_DIR to run the conformance tests",
)


@needs_standard
def test_generated_dossiers_pass_the_official_schema_and_rules() -> None:
    crossings = ["POVO", "POPO", "VOVO"]
    for seed in range(6):
        result = validate_file(
            dossier_xml(
                bsn="999990019",
                seed=seed,
                review_agreed=seed % 2 == 0,
                crossing=crossings[seed % 3],
                tests=seed % 3,
            ),
            name=f"gen-{seed}.xml",
            official=official_rules_available(),
        )
        assert result.problems == [], [str(p) for p in result.problems]


@needs_standard
@pytest.mark.django_db
def test_every_example_imports_and_importing_again_changes_nothing(
    receiving_school: School,
) -> None:
    examples = sorted(EXAMPLES.glob("*.xml"))
    assert examples
    first = [
        dossier_import(data=p.read_bytes(), name=p.name, school=receiving_school) for p in examples
    ]
    assert [o.status for o in first] == ["imported"] * len(examples), [
        (o.name, [str(p) for p in o.problems]) for o in first
    ]
    count = ReceivedDossier.objects.count()
    second = [
        dossier_import(data=p.read_bytes(), name=p.name, school=receiving_school) for p in examples
    ]
    assert [o.status for o in second] == ["unchanged"] * len(examples)
    assert ReceivedDossier.objects.count() == count


@needs_standard
@pytest.mark.django_db
def test_example_attachments_are_kept_with_their_content(receiving_school: School) -> None:
    path = EXAMPLES / "Voorbeelddossier_OV_POVO_full.xml"
    dossier_import(data=path.read_bytes(), name=path.name, school=receiving_school)
    dossier = ReceivedDossier.objects.get()
    assert dossier.attachments.count() == path.read_bytes().count(b"<bestandsinhoud>")
    assert dossier.mapped["review"]["agreed"] == "Nee"
    assert dossier.mapped["review"]["reason_not_agreed"]


@pytest.mark.django_db
def test_import_command_reports_json_and_exit_code(
    receiving_school: School, tmp_path: Path
) -> None:
    good = tmp_path / "goed.xml"
    good.write_bytes(dossier_xml(bsn="999990019"))
    out = io.StringIO()
    call_command("oso_import", str(good), "--school", "33CC", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report[0]["status"] == "imported"
    assert report[0]["pupil_id"]
    bad = tmp_path / "kapot.xml"
    bad.write_bytes(b"<dossier")
    out = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("oso_import", str(tmp_path), "--school", "33CC", "--json", stdout=out)
    assert exc.value.returncode == 1
    statuses = {r["file"].rsplit("/", 1)[-1]: r["status"] for r in json.loads(out.getvalue())}
    assert statuses == {"goed.xml": "unchanged", "kapot.xml": "rejected"}


@pytest.mark.django_db
def test_import_command_needs_a_known_school() -> None:
    with pytest.raises(CommandError, match="Geen school met BRIN"):
        call_command("oso_import", "x.xml", "--school", "99ZZ")


def test_validate_command_exit_codes_and_dutch_messages(tmp_path: Path) -> None:
    good = tmp_path / "goed.xml"
    good.write_bytes(dossier_xml(bsn="999990019"))
    out = io.StringIO()
    call_command("oso_validate", str(good), stdout=out)
    assert "OK" in out.getvalue()
    bad = tmp_path / "fout.xml"
    bad.write_bytes(dossier_xml(bsn="123456789"))
    out = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("oso_validate", str(bad), stdout=out)
    assert exc.value.returncode == 1
    assert "BSN van de leerling is niet geldig" in out.getvalue()
    assert "regel" in out.getvalue()


@needs_standard
def test_validate_command_runs_the_official_rules(tmp_path: Path) -> None:
    if not official_rules_available():
        pytest.skip("the official rules are not at OSO_STANDARD_DIR/rules")
    data = dossier_xml(bsn="999990019").replace(b"<adresgeheim>false</adresgeheim>", b"")
    path = tmp_path / "zonder-adresgeheim.xml"
    path.write_bytes(data)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("oso_validate", str(path), stdout=out)
    assert "Officiële bedrijfsregels:" in out.getvalue()
    assert "Officiële bedrijfsregel: In een overstapdossier is de indicatie" in out.getvalue()


def test_mapping_document_is_in_step_with_the_table() -> None:
    doc = Path(settings.BASE_DIR) / "docs" / "developers" / "oso-mapping.md"
    assert doc.read_text(encoding="utf-8") == mapping_markdown(), (
        "Run `python manage.py oso_mapping_doc` after changing the mapping table."
    )


@needs_standard
@pytest.mark.django_db
def test_the_export_of_every_imported_example_validates(receiving_school: School) -> None:
    from overdracht.oso.builder import ReviewData
    from overdracht.oso.export import ExportRefusedError, dossier_export

    for path in sorted(EXAMPLES.glob("*.xml")):
        outcome = dossier_import(data=path.read_bytes(), name=path.name, school=receiving_school)
        dossier = dossier_of(outcome)
        pupil = pupil_of(outcome)
        # The school records its own pupil number (required in a POVO file).
        pupil.enrolments.filter(school=receiving_school).update(pupil_number=f"L-{path.stem[-12:]}")
        for review in (
            ReviewData(provisional=True),
            ReviewData(provisional=False, date=dossier.dossier_date, agreed=True),
        ):
            export = functools.partial(
                dossier_export,
                pupil=pupil,
                school=receiving_school,
                to_brin="55EE",
                crossing=dossier.crossing or "VOVO",
                review=review,
            )
            if "_BB_" in path.name and not review.provisional:
                # A transfer inside one school, opted out of career and guardians, cannot
                # leave as an overstapdossier: the official rules refuse it, saying what.
                with pytest.raises(ExportRefusedError) as refused:
                    export()
                assert any("schoolloopbaan" in str(p) for p in refused.value.problems)
                continue
            result = validate_file(export().content, name=f"export-{path.name}")
            # Warnings about the examples' own mislabelled attachments travel along.
            assert result.errors == [], (path.name, [str(p) for p in result.errors])


@pytest.mark.django_db
def test_export_command_refuses_without_review_and_writes_a_provisional_dossier(
    receiving_school: School, tmp_path: Path
) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn="999990019"), name="a.xml", school=receiving_school
    )
    out = tmp_path / "uit.xml"
    with pytest.raises(CommandError, match="inzage"):
        call_command("oso_export", "--pupil", outcome.pupil_id, "--to", "55EE", "--out", str(out))
    assert not out.exists()
    call_command(
        "oso_export",
        "--pupil",
        outcome.pupil_id,
        "--to",
        "55EE",
        "--out",
        str(out),
        "--voorlopig",
        stdout=io.StringIO(),
    )
    assert b"<voorlopigdossier>true</voorlopigdossier>" in out.read_bytes()
    assert validate_file(out.read_bytes(), name="uit.xml").errors == []


@needs_standard
@pytest.mark.django_db
def test_the_examples_fill_the_receiving_schools_sections_per_category(
    receiving_school: School,
) -> None:
    from overdracht.dossiers.models import DossierSection
    from overdracht.dossiers.sections import SectionKind

    def sections(name: str) -> dict[str, dict[str, object]]:
        outcome = dossier_import(
            data=(EXAMPLES / name).read_bytes(), name=name, school=receiving_school
        )
        assert outcome.pupil_id is not None
        return {
            s.kind: s.content
            for s in DossierSection.objects.filter(
                pupil_id=outcome.pupil_id, school=receiving_school
            )
        }

    full = sections("Voorbeelddossier_OV_POVO_full.xml")
    # Overstapadvies: code 40 in words, the wish of the pupil, the argumentation, contact.
    assert full[SectionKind.ADVICE]["final_advice"] == "vmbo-gt"
    assert full[SectionKind.ADVICE]["wish_pupil"] == "havo"
    assert full[SectionKind.ADVICE]["argumentation"] == "De leerling werkt hard."
    assert full[SectionKind.ADVICE]["contact_wanted"] is True
    # Eindtoets basisonderwijs: the doorstroomtoets and its score.
    assert full[SectionKind.ADVICE]["test_kind"] == "cet"
    assert full[SectionKind.ADVICE]["test_score"] == "525"
    # Toetsresultaten: the reference levels per domain.
    assert full[SectionKind.LANGUAGE_MATHS]["maths"] == "1F"
    assert full[SectionKind.LANGUAGE_MATHS]["reading"] == "<1F"
    # Opted out of test results: no reference levels arrive, the advice still does.
    opt_out = sections("Voorbeelddossier_OV_POVO_opt_out.xml")
    assert SectionKind.LANGUAGE_MATHS not in opt_out
    assert opt_out[SectionKind.ADVICE]["final_advice"] == "vmbo-gt"
    # Opted out of the advice: nothing to fill.
    assert sections("Voorbeelddossier_OV_BB_opt_out.xml") == {}
