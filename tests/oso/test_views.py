"""The incoming-dossier pages: who may see them, upload with progress, the review screen."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import ImportBatch, ReceivedDossier
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Pupil
from tests.conftest import World, client_for

BSNS = ("111200003", "111200015")  # outside the range the world fixture uses


def upload(client: Client, school_id: int, *files: tuple[str, bytes]) -> Any:
    return client.post(
        reverse("oso:incoming", args=[school_id]),
        {"dossier_files": [SimpleUploadedFile(name, data) for name, data in files]},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("care_coordinator", 200),
        ("mentor", 403),
        ("colleague", 403),
        ("other_school", 404),
        ("guardian", 404),
        ("other_guardian", 404),
        ("pupil", 404),
        ("anonymous", 302),
    ],
)
def test_incoming_list_answers_each_persona(world: World, persona: str, status: int) -> None:
    response = client_for(world.personas()[persona]).get(
        reverse("oso:incoming", args=[world.school.pk])
    )
    assert response.status_code == status


@pytest.mark.django_db
def test_review_screen_of_another_school_is_404(world: World) -> None:
    outcome = dossier_import(data=dossier_xml(bsn=BSNS[0]), name="a.xml", school=world.school)
    url = reverse("oso:received", args=[world.school.pk, outcome.dossier_id])
    assert client_for(world.care_coordinator).get(url).status_code == 200
    assert client_for(world.other_school_user).get(url).status_code == 404
    own_school_url = reverse("oso:received", args=[world.other_school.pk, outcome.dossier_id])
    assert client_for(world.other_school_user).get(own_school_url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_upload_of_two_files_and_a_zip_reports_per_file_in_dutch(world: World) -> None:
    client = client_for(world.care_coordinator)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("in-zip.xml", dossier_xml(bsn="111200027", surname="Zip"))
    response = upload(
        client,
        world.school.pk,
        ("een.xml", dossier_xml(bsn=BSNS[0])),
        ("twee.xml", dossier_xml(bsn=BSNS[1], surname="Twee")),
        ("kapot.xml", b"<dossier"),
        ("map.zip", archive.getvalue()),
    )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("oso:batch", args=[world.school.pk, batch.pk])
    assert (batch.done, batch.total, batch.state) == (4, 4, "finished")
    page = client.get(response["Location"]).content.decode()
    assert page.count("ingelezen") >= 3
    assert page.count("Bekijk wat binnenkwam") == 3
    assert "geweigerd" in page
    assert "geen geldige XML" in page
    assert Pupil.objects.filter(surname__in=["Jansen", "Twee", "Zip"]).count() == 3
    assert not batch.files.exclude(data=None).exists()  # the uploaded bytes are gone
    progress = client.get(response["Location"], HTTP_ACCEPT="application/json").json()
    assert progress == {"done": 4, "total": 4, "percent": 100, "finished": True}


@pytest.mark.django_db
def test_upload_without_files_gets_a_dutch_message(world: World) -> None:
    response = client_for(world.care_coordinator).post(
        reverse("oso:incoming", args=[world.school.pk]), {}
    )
    assert response.status_code == 200
    assert "Kies minstens één bestand" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_review_screen_groups_by_category_and_marks_what_is_missing(world: World) -> None:
    data = dossier_xml(bsn=BSNS[0], delivery={"cat_verzuim": "OPT-UIT"})
    outcome = dossier_import(data=data, name="a.xml", school=world.school)
    page = (
        client_for(world.care_coordinator)
        .get(reverse("oso:received", args=[world.school.pk, outcome.dossier_id]))
        .content.decode()
    )
    for heading in (
        "Overstapadvies",
        "Onderwijsondersteuning",
        "Toetsresultaten",
        "Bijlagen",
        "Ouders en verzorgers",
        "Schoolloopbaan",
    ):
        assert f">{heading} <" in page, heading
    assert "Werkt zelfstandig en nauwkeurig" in page
    assert "Dyslexie" in page
    assert "niet aangeleverd (opt-out)" in page
    assert "verslag-0.pdf" in page
    assert AuditEvent.objects.filter(action=AuditAction.RECEIVED_DOSSIER_VIEWED).exists()


@pytest.mark.django_db
def test_held_dossier_says_why_on_its_review_screen(world: World) -> None:
    pupil = world.pupil
    data = dossier_xml(bsn=pupil.bsn, surname="Anders")
    outcome = dossier_import(data=data, name="a.xml", school=world.school)
    assert outcome.status == "held"
    page = (
        client_for(world.care_coordinator)
        .get(reverse("oso:received", args=[world.school.pk, outcome.dossier_id]))
        .content.decode()
    )
    assert "niet samengevoegd" in page


@pytest.mark.django_db
def test_attachment_download_is_checked_and_audited(world: World) -> None:
    outcome = dossier_import(data=dossier_xml(bsn=BSNS[0]), name="a.xml", school=world.school)
    url = reverse("oso:attachment", args=[world.school.pk, outcome.dossier_id, 0])
    response = client_for(world.care_coordinator).get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")
    assert client_for(world.mentor).get(url).status_code == 403
    assert client_for(world.other_school_user).get(url).status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.ATTACHMENT_DOWNLOADED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_school_administrator_uploads_but_does_not_read_received_dossiers(world: World) -> None:
    client = client_for(world.school_admin)
    page = client.get(reverse("oso:incoming", args=[world.school.pk])).content.decode()
    assert "OSO-bestanden inlezen" in page
    assert 'data-testid="incoming-list"' not in page
    response = upload(client, world.school.pk, ("een.xml", dossier_xml(bsn=BSNS[0])))
    batch_page = client.get(response["Location"]).content.decode()
    assert "ingelezen" in batch_page
    assert "Bekijk wat binnenkwam" not in batch_page
    dossier = ReceivedDossier.objects.get()
    assert (
        client.get(reverse("oso:received", args=[world.school.pk, dossier.pk])).status_code == 403
    )
