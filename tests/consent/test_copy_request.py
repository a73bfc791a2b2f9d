"""A data subject request for a copy (AVG art. 15): a parent with authority or the pupil from
16 asks in the portal; the school sees it in *Mijn taken* with its four-week due date and
releases it; the family downloads everything — every school's dossier at every sensitivity,
the passport, the reviews, consents and the audit trail (who looked, when, for which
school) — as JSON and as PDF."""

from __future__ import annotations

import datetime as dt
import io
import json

from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.consent.models import CopyRequest
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.services import section_save
from overdracht.worklist.selectors import worklist_of
from tests.conftest import World, client_for


def care_written(world: World) -> None:
    section_save(
        author_id=world.care_coordinator.pk,
        pupil=world.pupil,
        kind=SectionKind.DIAGNOSES,
        content={"diagnoses": "Dyslexie (2024)", "medication": False},
        based_on_version=0,
        school_id=world.school.pk,
    )


@pytest.mark.django_db
def test_a_parent_asks_the_school_releases_and_the_parent_downloads_everything(
    world: World,
) -> None:
    care_written(world)
    mother = client_for(world.guardian_user)
    url = reverse("portal:copy", args=[world.pupil.pk])
    assert "Kopie vragen" in mother.get(url).content.decode()
    mother.post(url)
    asked = CopyRequest.objects.get(pupil=world.pupil)
    assert asked.school == world.school
    assert asked.due == timezone.localdate() + dt.timedelta(weeks=4)
    # Asking again while one is open is refused with the date it is due.
    again = mother.post(url, follow=True).content.decode()
    assert "al een kopie gevraagd" in again
    assert CopyRequest.objects.filter(pupil=world.pupil).count() == 1

    # The school sees it in Mijn taken, with the due date.
    reminders = worklist_of(world.care_coordinator).items
    found = [r for r in reminders if world.pupil.name in r.text and "Kopie" in r.text]
    assert [r.date for r in found] == [asked.due]
    download = reverse("portal:copy_download", args=[world.pupil.pk, asked.pk, "json"])
    assert mother.get(download).status_code == 404  # not released yet

    care = client_for(world.care_coordinator)
    care.post(reverse("consent:copy_release", args=[world.pupil.pk, asked.pk]))
    asked.refresh_from_db()
    assert asked.released_at is not None
    assert not [r for r in worklist_of(world.care_coordinator).items if "Kopie" in r.text]

    data = json.loads(mother.get(download).content)
    assert data["pupil"]["name"] == world.pupil.name
    parts = {s["part"]: s for s in data["sections"]}
    assert parts["Diagnoses en medicatie"]["fields"][0]["value"] == "Dyslexie (2024)"
    what = {e["what"] for e in data["audit_trail"]}
    assert "Kopie van de gegevens gevraagd" in what
    assert "Kopie van de gegevens vrijgegeven" in what
    assert all(e["school"] in ("", world.school.name) for e in data["audit_trail"])
    pdf = mother.get(download.replace("/json/", "/pdf/"))
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Dyslexie (2024)" in text
    assert "Wie keek mee" in text
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.COPY_DOWNLOADED, subject_pupil_id=world.pupil.pk
        ).count()
        == 2
    )


@pytest.mark.django_db
def test_only_the_right_people_may_ask(world: World) -> None:
    url = reverse("portal:copy", args=[world.pupil.pk])
    assert client_for(world.other_guardian_user).get(url).status_code == 404
    assert client_for(world.mentor).get(url).status_code == 404
    relation = world.pupil.guardian_relations.get(guardian=world.guardian)
    relation.has_authority = False
    relation.save()
    without = client_for(world.guardian_user)
    assert "Kopie vragen" not in without.get(url).content.decode()
    assert without.post(url).status_code == 403
    assert not CopyRequest.objects.exists()


@pytest.mark.django_db
def test_another_familys_copy_cannot_be_downloaded(world: World) -> None:
    asked = CopyRequest.objects.create(
        pupil=world.pupil,
        school=world.school,
        requested_by_id=world.guardian_user.pk,
        due=timezone.localdate(),
        released_at=timezone.now(),
    )
    url = reverse("portal:copy_download", args=[world.pupil.pk, asked.pk, "json"])
    assert client_for(world.other_guardian_user).get(url).status_code == 404
    assert client_for(world.guardian_user).get(url.replace("/json/", "/xml/")).status_code == 404


@pytest.mark.django_db
def test_a_correction_request_is_due_in_four_weeks_in_my_tasks(world: World) -> None:
    client_for(world.guardian_user).post(
        reverse("portal:correction", args=[world.pupil.pk]), {"text": "Het adres klopt niet."}
    )
    found = [
        r
        for r in worklist_of(world.care_coordinator).items
        if "Correctie" in r.text or "correctie" in r.text
    ]
    assert [r.date for r in found] == [timezone.localdate() + dt.timedelta(weeks=4)]
    assert not found[0].overdue
