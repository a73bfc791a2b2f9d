"""Journey of the VO→MBO issue, from the start pages by clicking, on the demo region: Noa (16,
vmbo 4K) adds an activity with her reflection to her career dossier on a phone; three weeks
before 1 April the decaan sees her without a registration, with the signal in My tasks,
and records her registration at ROC Waalstad; the ROC's intake officer records the intake
and offers a place; Noa fills in her part of the transfer dossier and signs it off; her
mentor adds the advice and sends it; the intake officer opens it and plans a warm handover
with Noa invited; in September the ROC reports that she did not show up, and the mentor sees
it in My tasks."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from overdracht.core.school_year import current_school_year
from overdracht.demo.services import DEMO_PASSWORD, demo_region_load
from overdracht.further_education.models import Registration, StartReport, TransferDossier
from overdracht.meetings.models import HandoverMeeting
from tests.browser.conftest import (
    ARTEFACTS,
    CONTEXT,
    assert_accessible,
    log_in_with_new_second_step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOA = "Noa van 't Hof"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)


def test_from_career_dossier_to_the_start_at_the_mbo(
    live_server: Any, browser: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_region_load()
    base = live_server.url
    year = current_school_year()
    _on(monkeypatch, dt.date(year + 1, 3, 11))  # three weeks before 1 April

    noa = browser.new_context(**CONTEXT, **PHONE).new_page()
    noa.goto(f"{base}/")
    noa.get_by_label("E-mailadres").fill("leerling@mail.example")
    noa.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    noa.get_by_role("button", name="Inloggen").click()
    noa.get_by_role("link", name=NOA).click()
    noa.get_by_role("link", name="Loopbaandossier").click()
    expect(noa.get_by_role("heading", level=1)).to_contain_text("Loopbaandossier")
    assert_accessible(noa)
    noa.get_by_role("link", name="Activiteit toevoegen").click()
    noa.get_by_label("Soort activiteit").select_option(label="Meeloopdag")
    noa.get_by_label("Wat en waar").fill("Meeloopdag Verzorgende IG, ROC Waalstad")
    noa.get_by_label("Datum").fill(f"{year + 1}-03-04")
    noa.get_by_label("Werkexploratie").check()
    noa.get_by_label("Jouw reflectie").fill("De praktijklessen passen bij mij; ik wil dit doen.")
    assert_accessible(noa)
    noa.get_by_role("button", name="De activiteit opslaan").click()
    expect(noa.get_by_test_id("activity").first).to_contain_text("Meeloopdag Verzorgende IG")

    decaan = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(decaan, base, "decaan@waalstad-college.example", check_a11y=False)
    decaan.get_by_role("link", name="Vervolgonderwijs: keuzes en aanmeldingen").click()
    row = decaan.get_by_role("row", name=re.compile(re.escape(NOA)))
    expect(row).to_contain_text("Geen aanmelding, uiterlijk 01-04")
    assert_accessible(decaan)
    decaan.get_by_role("link", name="Mijn taken").click()
    expect(
        decaan.get_by_role("link", name=re.compile(f"^{re.escape(NOA)} \\(4K\\): Geen aanmelding"))
    ).to_be_visible()
    decaan.get_by_role(
        "link", name=re.compile(f"^{re.escape(NOA)} \\(4K\\): Geen aanmelding")
    ).click()
    expect(decaan.get_by_role("heading", level=1)).to_contain_text("Vervolgonderwijs")
    decaan.get_by_text("Een aanmelding vastleggen", exact=True).click()
    form = decaan.locator("form").filter(
        has=decaan.get_by_role("button", name="De aanmelding vastleggen")
    )
    form.get_by_label("Opleiding", exact=True).fill("Verzorgende IG")
    form.get_by_label("Niveau").select_option(label="mbo niveau 3")
    form.get_by_label(re.compile("^Instelling")).select_option(label="ROC Waalstad")
    form.get_by_label("Aangemeld op").fill(f"{year + 1}-03-11")
    form.get_by_role("button", name="De aanmelding vastleggen").click()
    expect(decaan.get_by_test_id("registration")).to_contain_text("Aangemeld")
    assert_accessible(decaan)

    intake = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(intake, base, "intake@roc-waalstad.example", check_a11y=False)
    intake.get_by_role("link", name="Binnengekomen aanmeldingen").click()
    assert_accessible(intake)
    intake.get_by_role("link", name=NOA).click()
    intake.get_by_label("Status", exact=True).select_option(
        label="Plaats aangeboden (onderwijsovereenkomst aangeboden)"
    )
    intake.get_by_label("Intakegesprek op").fill(f"{year + 1}-03-11")
    intake.get_by_label(re.compile("^Intakegesprek \\(")).select_option(
        label="Was bij het intakegesprek"
    )
    intake.get_by_role("button", name="Opslaan").click()
    expect(intake.locator(".message")).to_contain_text("opgeslagen")
    assert_accessible(intake)

    noa.get_by_role("link", name="Vervolgonderwijs").first.click()
    noa.get_by_role("link", name="Overdrachtsdossier").click()
    noa.get_by_label(re.compile("^Over mij")).fill("Ik help graag mensen en werk netjes.")
    noa.get_by_label(re.compile("^Wat ik nodig heb")).fill("Uitleg in stappen.")
    noa.get_by_label("Mijn loopbaandossier gaat mee").check()
    noa.get_by_role("button", name="Mijn deel opslaan").click()
    assert_accessible(noa)
    noa.get_by_role("button", name="Ondertekenen").click()
    expect(noa.get_by_test_id("dossier-state")).to_contain_text("Ondertekend")

    mentor = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(mentor, base, "mentor4k@waalstad-college.example", check_a11y=False)
    mentor.get_by_role("link", name="Mijn taken").click()
    mentor.get_by_role(
        "link", name=f"Voeg het advies toe aan het overdrachtsdossier van {NOA} en verstuur het"
    ).click()
    mentor.get_by_label(re.compile("^Het advies van de school")).fill(
        "Past goed bij Verzorgende IG; let op het plannen."
    )
    mentor.get_by_label(re.compile("^Ondersteuning die werkte")).fill("Weekplanning met de mentor.")
    assert_accessible(mentor)
    mentor.get_by_role("button", name="Opslaan en het dossier versturen").click()
    expect(mentor.locator(".message")).to_contain_text("verstuurd aan ROC Waalstad")

    intake.get_by_role("link", name="Binnengekomen aanmeldingen").first.click()
    expect(intake.get_by_role("row", name=re.compile(re.escape(NOA)))).to_contain_text(
        "binnen, niet gelezen"
    )
    intake.get_by_role("link", name=NOA).click()
    intake.get_by_role("link", name="Het overdrachtsdossier lezen").click()
    expect(intake.get_by_test_id("received-dossier")).to_contain_text("Uitleg in stappen.")
    expect(intake.get_by_test_id("received-dossier")).to_contain_text("Meeloopdag Verzorgende IG")
    assert_accessible(intake)
    intake.get_by_role("link", name="Warme overdracht plannen").click()
    expect(intake.get_by_label("De leerling uitnodigen")).to_be_checked()
    intake.get_by_label(re.compile("^Datum en tijd")).fill(f"{year + 1}-03-25T15:00")
    intake.get_by_label(re.compile("^Plaats")).fill("ROC Waalstad, kamer 1.12")
    intake.get_by_role("button", name="Plannen en uitnodigingen versturen").click()
    expect(intake.get_by_role("heading", level=1)).to_contain_text("Warme overdracht")
    assert TransferDossier.objects.get(registration__transition__pupil__surname="Hof").opened_at

    _on(monkeypatch, dt.date(year + 1, 9, 8))  # the first week at the MBO
    intake.get_by_role("link", name="Overzicht").first.click()
    intake.get_by_role("link", name="Binnengekomen aanmeldingen").click()
    intake.get_by_role("link", name=NOA).click()
    intake.get_by_label("Wat is er gebeurd").select_option(label="Niet verschenen bij de start")
    intake.get_by_label(re.compile("^Toelichting")).fill("Niet op de eerste drie dagen.")
    intake.get_by_role("button", name="Aan de vo-school melden").click()
    expect(intake.locator(".message")).to_contain_text("Waalstad College")

    mentor.get_by_role("link", name="Mijn taken").first.click()
    notice = mentor.get_by_role(
        "link", name=f"ROC Waalstad meldt over {NOA}: niet verschenen bij de start"
    )
    expect(notice).to_be_visible()
    notice.click()
    expect(mentor.get_by_test_id("start-report")).to_contain_text("Niet op de eerste drie dagen.")
    assert_accessible(mentor)
    mentor.get_by_role("button", name="Gezien; wij pakken het op").click()
    assert StartReport.objects.get(registration__transition__pupil__surname="Hof").seen_at
    assert Registration.objects.get(transition__pupil__surname="Hof").status == "offered"
    assert HandoverMeeting.objects.filter(transition__kind="vo_mbo").count() == 1
    mentor.screenshot(path=str(ARTEFACTS / "further-education-report.png"), full_page=True)
