"""Journey of the guardians-in-the-loop issue: the export is refused before the review; the
school opens the review; the guardian arrives through the invitation link, reads, disagrees
and gives a reason; the OSO export then carries akkoord = Nee with the reason and validates.
Every portal page passes axe."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core import mail
from django.db.models import Count
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from overdracht.core.ages import decides_alone
from overdracht.demo.services import demo_region_load
from overdracht.oso.validation import validate_file
from overdracht.pupils.models import Pupil
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
REASON = "Het beeld van de werkhouding in leerjaar 4 klopt niet."


def test_review_disagreement_travels_with_the_export(live_server: Any, browser: Any) -> None:
    demo_region_load()
    candidates = (
        Pupil.objects.filter(enrolments__class_group__name="4K", user__isnull=True)
        .annotate(n=Count("guardian_relations"))
        .filter(n=1)
        .order_by("sort_key")
    )
    # Under 16, so the guardian alone reviews (from 16 the pupil reviews too).
    today = timezone.localdate()
    pupil = next(p for p in candidates if not decides_alone(p.birth_date, today))
    pupil_url = f"{live_server.url}/pupils/{pupil.pk}/"

    staff = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        staff, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    staff.goto(pupil_url)
    staff.get_by_role("link", name="Dossier schrijven en versturen").click()
    expect(staff.get_by_role("heading", name=re.compile("^Dossier schrijven"))).to_be_visible()
    assert_accessible(staff)
    download_outside(staff)
    expect(
        staff.get_by_text("De inzage voor ouders is voor deze overstap nog niet geopend.")
    ).to_be_visible()
    # The review opens only on a dossier that has what the profile requires.
    staff.get_by_role("button", name="Inzage voor ouders openen").click()
    expect(staff.get_by_text(re.compile("^De inzage kan nog niet open"))).to_be_visible()
    staff.get_by_role("link", name="Invullen Werkhouding en leren").click()
    staff.get_by_label("Toelichting").fill("Werkt rustig door, plant zijn huiswerk zelf.")
    staff.get_by_role("button", name="Opslaan").click()
    expect(staff.get_by_role("heading", name=re.compile("^Dossier schrijven"))).to_be_visible()
    staff.get_by_role("button", name="Inzage voor ouders openen").click()
    expect(staff.get_by_text(re.compile("^De inzage is geopend"))).to_be_visible()
    assert_accessible(staff)

    invitation = next(m for m in mail.outbox if "/invitation/" in m.body)
    link = re.search(r"http://\S+/invitation/\S+/", str(invitation.body))
    assert link is not None
    path = link.group(0).split("/invitation/", 1)[1]
    guardian = browser.new_context(**CONTEXT, viewport={"width": 390, "height": 844}).new_page()
    guardian.goto(f"{live_server.url}/invitation/{path}")
    guardian.get_by_label("Uw naam").fill("Ouder van de leerling")
    guardian.get_by_label("Kies een wachtwoord").fill("Een-lang-wachtwoord-2026")
    guardian.get_by_label("Herhaal het wachtwoord").fill("Een-lang-wachtwoord-2026")
    guardian.get_by_role("button", name="Account maken").click()
    expect(guardian.get_by_role("heading", name="Mijn kinderen")).to_be_visible()
    assert_accessible(guardian)
    guardian.get_by_role("link", name=pupil.name).click()
    expect(
        guardian.get_by_role("heading", name="Het dossier inzien voordat het wordt verstuurd")
    ).to_be_visible()
    assert_accessible(guardian)
    for tab in ("Toestemming", "Wie keek mee", "Correctie vragen"):
        guardian.get_by_role("link", name=tab).click()
        expect(guardian.get_by_role("link", name=tab)).to_have_attribute("aria-current", "page")
        assert_accessible(guardian)
    guardian.get_by_role("link", name="Dossier dat wordt verstuurd").click()
    expect(guardian.get_by_text("Dit is precies wat Waalstad College")).to_be_visible()
    assert_accessible(guardian)
    guardian.get_by_role("button", name="Ik heb het dossier gelezen").click()
    guardian.get_by_label("Nee, ik ben het er niet mee eens").check()
    guardian.get_by_role("textbox", name=re.compile("^Uw zienswijze")).fill(REASON)
    guardian.get_by_role("button", name="Mijn zienswijze opslaan").click()
    expect(guardian.get_by_text("Uw zienswijze is opgeslagen.")).to_be_visible()
    assert_accessible(guardian)

    staff.goto(pupil_url)
    staff.get_by_role("link", name="Dossier schrijven en versturen").click()
    with staff.expect_download() as download:
        download_outside(staff)
    content = Path(download.value.path()).read_bytes()
    assert b"<akkoord>Nee</akkoord>" in content
    assert REASON.encode() in content
    assert validate_file(content, name="export.xml").errors == []


def download_outside(staff: Any) -> None:
    """The OSO file for a school outside the installation, by its BRIN."""
    staff.get_by_text("Een school buiten Overdracht, of het voorlopige dossier").click()
    staff.get_by_label(re.compile("^BRIN van de ontvangende school")).fill("99CA")
    staff.get_by_role("button", name="OSO-bestand downloaden om te versturen").click()
