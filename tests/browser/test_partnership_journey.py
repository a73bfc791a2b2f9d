"""Journey of the one-dossier issue's edges, from the start page by clicking, on the demo
region: the intern begeleider of OBS De Regenboog reads in Emre's test results from the
pupil tracking system's CSV (preview, then import), refers him to the partnership and sends
his dossier with it (PaO profile POSWV); the partnership's staff read it in words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import demo_region_load
from overdracht.dossiers.models import TestResult
from overdracht.oso.models import PartnershipDossier
from overdracht.pupils.models import Pupil
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_results_are_read_in_and_the_dossier_goes_to_the_partnership(
    live_server: Any, browser: Any, tmp_path: Path
) -> None:
    demo_region_load()
    emre = Pupil.objects.get(call_name="Emre")
    number = emre.bsn or emre.onderwijsnummer
    results = tmp_path / "resultaten.csv"
    results.write_bytes(
        (
            "Leerlingnummer;BSN;Onderwijsnummer;Toets;Leergebied;Afnamedatum;"
            "Vaardigheidsscore;Niveau\r\n"
            f";{emre.bsn};{emre.onderwijsnummer};Begrijpend lezen M8;Begrijpend lezen;"
            "20-01-2027;64;II\r\n"
            f";{emre.bsn};{emre.onderwijsnummer};Rekenen-wiskunde M8;Rekenen-wiskunde;"
            "21-01-2027;108,5;III\r\n"
            f";{emre.bsn};{emre.onderwijsnummer};Spelling M8;Spelling;21-01-2027;;B\r\n"
        ).encode("cp1252")
    )
    assert number
    base = live_server.url

    ib = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(ib, base, "ib@regenboog.example", check_a11y=False)
    ib.get_by_role("link", name="Toetsresultaten uit het leerlingvolgsysteem").click()
    expect(ib.get_by_role("heading", level=1)).to_contain_text("Toetsresultaten")
    assert_accessible(ib)
    ib.get_by_label("Bestand met resultaten (CSV)").set_input_files(str(results))
    ib.get_by_role("button", name="Laat zien wat het bestand bevat").click()
    expect(ib.get_by_role("status")).to_contain_text("3 regels: 3 nieuw")
    expect(ib.get_by_role("cell", name=re.compile("Emre")).first).to_be_visible()
    assert_accessible(ib)
    assert not TestResult.objects.filter(pupil=emre).exists()  # nothing saved yet
    ib.get_by_role("button", name="3 resultaten inlezen").click()
    expect(ib.get_by_text("3 toetsresultaten ingelezen")).to_be_visible()
    assert TestResult.objects.filter(pupil=emre).count() == 3

    # Emre is referred to the partnership; the dossier goes with the referral.
    ib.get_by_role("link", name="Overzicht").first.click()
    ib.get_by_role("link", name="Leerlingen", exact=True).first.click()
    ib.get_by_role("link", name=re.compile("Emre")).first.click()
    ib.get_by_role("link", name="Aanmelden bij de zorg").click()
    ib.get_by_label("Aanmelden bij").select_option(label="Samenwerkingsverband (SWV)")
    ib.get_by_label("Reden").fill("Aanvraag arrangement: begeleiding bij de overstap.")
    ib.get_by_role("button", name="Aanmelden").click()
    expect(ib.get_by_role("heading", level=1)).to_contain_text(
        "Dossier naar het samenwerkingsverband"
    )
    expect(ib.get_by_text("Aanvraag arrangement: begeleiding bij de overstap.")).to_be_visible()
    assert_accessible(ib)
    ib.get_by_role("button", name=re.compile("^Versturen naar")).click()
    expect(ib.get_by_text("Vul in wanneer de ouders het dossier hebben ingezien.")).to_be_visible()
    assert not PartnershipDossier.objects.filter(pupil=emre).exists()
    ib.get_by_label("De ouders hebben het dossier ingezien op").fill("2027-01-25")
    ib.get_by_label("Ja, ze zijn het eens met de inhoud").check()
    ib.get_by_role("button", name=re.compile("^Versturen naar")).click()
    expect(ib.get_by_text(re.compile("Het dossier is verstuurd naar"))).to_be_visible()
    expect(ib.get_by_text("Het samenwerkingsverband heeft het nog niet geopend.")).to_be_visible()
    sent = PartnershipDossier.objects.get(pupil=emre)
    assert sent.crossing == "POSWV"
    assert b"<vaardigheidsscore>108.5</vaardigheidsscore>" in bytes(sent.content)

    # The partnership reads it, in words.
    swv = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(swv, base, "swv@swv-waalstad.example", check_a11y=False)
    swv.get_by_role("link", name="Aanmeldingen bij het samenwerkingsverband").click()
    assert_accessible(swv)
    swv.get_by_role("link", name=re.compile(f"Dossier lezen {re.escape(emre.name)}")).click()
    expect(swv.get_by_role("heading", level=1)).to_contain_text(emre.call_name)
    expect(
        swv.get_by_text("Aanvraag arrangement: begeleiding bij de overstap.").first
    ).to_be_visible()
    expect(swv.get_by_text("Begrijpend lezen M8").first).to_be_visible()
    assert "POSWV" not in swv.content()
    assert_accessible(swv)

    # The school sees that it was opened.
    ib.reload()
    expect(
        ib.get_by_text(re.compile("Het samenwerkingsverband heeft het geopend op"))
    ).to_be_visible()
