"""Journey of the one-dossier issue, from the start page by clicking, on the demo region:
the secondary school records Emre's registration and so asks OBS De Regenboog for the
dossier; the groep-8 teacher writes the advice and the learning parts; the intern
begeleider adds the support part and opens the review; Emre's mother reads on her phone
and confirms; the intern begeleider sends it to Waalstad College (and the file passes the
schema and the official rules); it arrives there with its parts and their origin."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core import mail

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import demo_region_load
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.validation import validate_file
from overdracht.pupils.models import Pupil
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
COMPOSE = re.compile("^Dossier schrijven en versturen")


def compose_of_emre(page: Any, *, via_class: bool) -> None:
    """From the start page to Emre's page, then to writing and sending his dossier."""
    page.get_by_role("link", name="Overdracht", exact=True).click()
    if via_class:
        page.get_by_role("link", name="Groep 8", exact=True).click()
    else:
        page.get_by_role("link", name="Leerlingen", exact=True).first.click()
    page.get_by_role("link", name=re.compile("Emre")).first.click()
    page.get_by_role("link", name="Dossier schrijven en versturen").click()
    expect(page.get_by_role("heading", name=COMPOSE, level=1)).to_be_visible()


def fill_part(page: Any, part: str, fields: dict[str, str], choices: dict[str, str]) -> None:
    page.get_by_role("link", name=f"Invullen {part}").click()
    for label, value in fields.items():
        page.get_by_label(re.compile(f"^{re.escape(label)}( \\(|$)")).fill(value)
    for label, value in choices.items():
        page.get_by_label(re.compile(f"^{re.escape(label)}( \\(|$)")).select_option(label=value)
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name=COMPOSE, level=1)).to_be_visible()


def test_a_dossier_is_asked_for_written_reviewed_sent_and_arrives(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    emre = Pupil.objects.get(call_name="Emre")
    base = live_server.url

    # Waalstad College records the registration: that asks the primary school for the dossier.
    college = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(college, base, "zorg@waalstad-college.example", check_a11y=False)
    college.get_by_role("link", name="Aanmeldingen en dossieraanvragen").click()
    college.get_by_label("Huidige school").select_option(label="OBS De Regenboog")
    college.get_by_label("BSN of onderwijsnummer").fill(emre.bsn)
    college.get_by_label("Geboortedatum").fill("2015-04-15")  # a typo: one day off
    college.get_by_label("Datum van aanmelding").fill("2026-11-30")
    college.get_by_role("button", name="Vastleggen en dossier opvragen").click()
    expect(college.get_by_text(re.compile("^Geen leerling van die school"))).to_be_visible()
    college.get_by_label("Geboortedatum").fill(emre.birth_date.isoformat())
    college.get_by_role("button", name="Vastleggen en dossier opvragen").click()
    expect(
        college.get_by_text("Emre Çelik is aangemeld; OBS De Regenboog is om het dossier gevraagd.")
    ).to_be_visible()
    expect(college.get_by_role("link", name="Emre Çelik")).to_be_visible()
    assert_accessible(college)

    # The groep-8 teacher writes the advice and the learning parts.
    teacher = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(teacher, base, "groep8@regenboog.example", check_a11y=False)
    compose_of_emre(teacher, via_class=True)
    expect(teacher.get_by_text(re.compile("vroeg het dossier op"))).to_be_visible()
    assert_accessible(teacher)
    fill_part(
        teacher,
        "Schooladvies en doorstroomtoets",
        {
            "Datum van het definitieve advies": "2027-03-01",
            "Onderbouwing van het advies": "Emre leest veel en werkt zelfstandig.",
        },
        {"Definitief schooladvies": "havo"},
    )
    fill_part(
        teacher,
        "Taal en rekenen",
        {},
        {
            "Referentieniveau lezen": "2F",
            "Referentieniveau taalverzorging": "2F",
            "Referentieniveau rekenen": "1S/2F",
        },
    )
    fill_part(
        teacher,
        "Werkhouding en leren",
        {"Toelichting": "Plant zijn werk zelf en vraagt hulp als het vastloopt."},
        {},
    )
    expect(teacher.get_by_text("Nog nodig voordat de inzage kan openen:")).to_have_count(0)

    # The intern begeleider adds the support part and opens the review.
    ib = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(ib, base, "ib@regenboog.example", check_a11y=False)
    compose_of_emre(ib, via_class=False)
    fill_part(
        ib, "Onderwijsbehoeften", {"Wat werkt": "Korte instructie, dan zelf aan de slag."}, {}
    )
    ib.get_by_role("button", name="Inzage voor ouders openen").click()
    expect(ib.get_by_text(re.compile("^De inzage is geopend"))).to_be_visible()
    assert any("ouder@mail.example" in m.to for m in mail.outbox)

    # Emre's mother reads the dossier on her phone and confirms it; his father (they are
    # separated, both have authority) does the same on a laptop.
    mother = browser.new_context(**CONTEXT, viewport={"width": 390, "height": 844}).new_page()
    guardian_confirms(mother, base, "ouder@mail.example")
    father = browser.new_context(**CONTEXT).new_page()
    guardian_confirms(father, base, "ouder2@mail.example")

    # The intern begeleider sends it; the file itself passes the schema and the rules.
    compose_of_emre(ib, via_class=False)
    expect(ib.get_by_text("Compleet: het dossier mag worden verstuurd.")).to_be_visible()
    ib.get_by_text("Een school buiten Overdracht, of het voorlopige dossier").click()
    with ib.expect_download() as download:
        ib.get_by_role("button", name="OSO-bestand downloaden om te versturen").click()
    content = Path(download.value.path()).read_bytes()
    checked = validate_file(content, name="emre.xml", official=official_rules_available())
    assert checked.errors == [], [str(p) for p in checked.errors]
    assert b"<akkoord>Ja</akkoord>" in content
    ib.get_by_role("button", name="Versturen naar Waalstad College").click()
    expect(ib.get_by_text("Het dossier is aangekomen bij Waalstad College.")).to_be_visible()
    expect(ib.get_by_text("Nog niet geopend.")).to_be_visible()
    assert_accessible(ib)

    # It arrives at Waalstad College, with its parts and where they came from.
    college.get_by_role("link", name="Overdracht", exact=True).click()
    college.get_by_role("link", name="Binnengekomen dossiers").click()
    college.get_by_role("link", name=re.compile("Emre Çelik")).first.click()
    expect(college.get_by_text("Emre leest veel en werkt zelfstandig.")).to_be_visible()
    assert_accessible(college)
    college.get_by_role("link", name="Naar de leerlingpagina").click()
    college.get_by_role("link", name=re.compile("^Dossier")).first.click()
    expect(college.get_by_text(re.compile("ontvangen van OBS De Regenboog")).first).to_be_visible()
    assert_accessible(college)
    # The intake reads the parts that arrived, each with where it came from.
    college.get_by_role("link", name="Overdracht", exact=True).click()
    college.get_by_role("link", name="Binnenkomend cohort (intake)").click()
    college.get_by_role("link", name=re.compile("Emre")).first.click()
    expect(college.get_by_role("heading", name="Wat het dossier meebracht")).to_be_visible()
    expect(college.get_by_text("Korte instructie, dan zelf aan de slag.")).to_be_visible()
    assert_accessible(college)

    # The sending school sees that it arrived and when it was opened.
    compose_of_emre(ib, via_class=False)
    expect(ib.get_by_text(re.compile("Geopend op"))).to_be_visible()


def guardian_confirms(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill("demo-overdracht-2026")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Emre Çelik").click()
    page.get_by_role("link", name="Dossier dat wordt verstuurd").click()
    expect(page.get_by_text("Emre leest veel en werkt zelfstandig.")).to_be_visible()
    expect(page.get_by_text("havo", exact=True).first).to_be_visible()
    expect(page.get_by_text("Korte instructie, dan zelf aan de slag.")).to_be_visible()
    assert "RNTRM" not in page.locator("main").inner_text()  # no code of the standard
    assert_accessible(page)
    page.get_by_role("button", name="Ik heb het dossier gelezen").click()
    page.get_by_label("Ja, ik ben het ermee eens").check()
    page.get_by_role("button", name="Mijn zienswijze opslaan").click()
    expect(page.get_by_text("Uw zienswijze is opgeslagen.")).to_be_visible()
    assert_accessible(page)
