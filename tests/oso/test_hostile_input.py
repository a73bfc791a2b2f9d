"""Hostile and broken input is rejected with a message naming the file, and writes nothing."""

from __future__ import annotations

import io
import zipfile

from django.test import override_settings

import pytest

from overdracht.oso.archive import files_from_upload
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import ReceivedDossier
from overdracht.oso.problems import OsoFileError
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School

GOOD = dossier_xml(bsn="999990019")

XXE_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE dossier [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
<dossier xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier">&leak;</dossier>"""
XXE_NETWORK = b"""<?xml version="1.0"?>
<!DOCTYPE dossier [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<dossier xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier"/>"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<dossier xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier">&lol3;</dossier>"""


def nothing_written() -> bool:
    return not ReceivedDossier.objects.exists() and not Pupil.objects.exists()


def import_(data: bytes, school: School, name: str = "dossier.xml") -> object:
    outcome = dossier_import(data=data, name=name, school=school)
    assert outcome.status == "rejected", outcome.status
    assert all(p.file.startswith(name) for p in outcome.problems if p.file)
    return outcome


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [XXE_FILE, XXE_NETWORK, BILLION_LAUGHS],
    ids=["xxe-file", "xxe-network", "billion-laughs"],
)
def test_dtd_and_entities_are_refused(receiving_school: School, data: bytes) -> None:
    outcome = import_(data, receiving_school)
    assert "DOCTYPE" in str(outcome.problems[0])  # type: ignore[attr-defined]
    assert nothing_written()


@pytest.mark.django_db
def test_truncated_xml_names_the_line(receiving_school: School) -> None:
    outcome = import_(GOOD[: len(GOOD) // 2], receiving_school, name="kapot.xml")
    problem = outcome.problems[0]  # type: ignore[attr-defined]
    assert problem.line
    assert problem.line > 1
    assert "geen geldige XML" in problem.message
    assert nothing_written()


@pytest.mark.django_db
def test_oversize_file_is_refused(receiving_school: School) -> None:
    with override_settings(OSO_MAX_FILE_BYTES=1000):
        outcome = import_(GOOD, receiving_school)
    assert "te groot" in str(outcome.problems[0])  # type: ignore[attr-defined]
    assert nothing_written()


@pytest.mark.django_db
def test_wrong_namespace_is_refused(receiving_school: School) -> None:
    data = GOOD.replace(b"oso_gegevensset/2019/dossier", b"oso_gegevensset/2016/dossier")
    outcome = import_(data, receiving_school)
    assert "Verkeerde namespace" in str(outcome.problems[0])  # type: ignore[attr-defined]
    assert nothing_written()


@pytest.mark.django_db
def test_wrong_version_is_refused(receiving_school: School) -> None:
    data = GOOD.replace(b"<standaardversie>2019.1<", b"<standaardversie>2018.1<")
    outcome = import_(data, receiving_school)
    assert "versie" in str(outcome.problems[0]).lower()  # type: ignore[attr-defined]
    assert nothing_written()


@pytest.mark.django_db
def test_bad_base64_is_refused_with_its_line(receiving_school: School) -> None:
    start = GOOD.index(b"<bestandsinhoud>") + len(b"<bestandsinhoud>")
    data = GOOD[:start] + b"@@@@not-base64@@@@" + GOOD[start + 18 :]
    outcome = import_(data, receiving_school)
    messages = " ".join(p.message for p in outcome.problems)  # type: ignore[attr-defined]
    assert "base64" in messages
    assert nothing_written()


@pytest.mark.django_db
def test_attachment_that_is_a_program_is_refused(receiving_school: School) -> None:
    import base64

    start = GOOD.index(b"<bestandsinhoud>") + len(b"<bestandsinhoud>")
    end = GOOD.index(b"</bestandsinhoud>")
    data = GOOD[:start] + base64.b64encode(b"MZ\x90\x00 a windows program") + GOOD[end:]
    outcome = import_(data, receiving_school)
    assert "programma" in " ".join(p.message for p in outcome.problems)  # type: ignore[attr-defined]
    assert nothing_written()


@pytest.mark.django_db
def test_oversize_attachment_is_refused(receiving_school: School) -> None:
    with override_settings(OSO_MAX_ATTACHMENT_BYTES=1000):
        outcome = import_(GOOD, receiving_school)
    assert "te groot" in " ".join(p.message for p in outcome.problems)  # type: ignore[attr-defined]
    assert nothing_written()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_with_a_path_outside_the_archive_is_refused() -> None:
    data = _zip({"goed.xml": GOOD, "../../etc/evil.xml": GOOD})
    with pytest.raises(OsoFileError) as exc:
        files_from_upload("upload.zip", data)
    assert "buiten het archief" in str(exc.value)


def test_zip_bomb_is_refused_before_anything_is_returned() -> None:
    bomb = _zip({"a.xml": GOOD, "b.xml": b"<" + b"0" * 5_000_000 + b">"})
    with (
        override_settings(OSO_MAX_FILE_BYTES=1_000_000, OSO_MAX_ZIP_TOTAL_BYTES=2_000_000),
        pytest.raises(OsoFileError) as exc,
    ):
        files_from_upload("bom.zip", bomb)
    assert "zip-bom" in str(exc.value)
    assert len(bomb) < 100_000  # it really is small packed


def test_zip_with_too_many_entries_is_refused() -> None:
    data = _zip({f"d{i}.xml": b"<x/>" for i in range(12)})
    with override_settings(OSO_MAX_ZIP_ENTRIES=10), pytest.raises(OsoFileError):
        files_from_upload("veel.zip", data)


def test_good_zip_gives_its_xml_files() -> None:
    files = files_from_upload("goed.zip", _zip({"a.xml": GOOD, "readme.txt": b"hallo"}))
    assert [f.name for f in files] == ["goed.zip/a.xml"]
    assert files[0].data == GOOD
