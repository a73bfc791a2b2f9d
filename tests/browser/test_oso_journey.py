"""Journey of the OSO issue: a care coordinator uploads two dossiers and sees both pupils in
the incoming list, each with a readable review screen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import demo_region_load
from overdracht.oso.generator import dossier_xml
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_care_coordinator_uploads_two_dossiers_and_reviews_both(
    live_server: Any, browser: Any, tmp_path: Path
) -> None:
    demo_region_load()
    files = []
    for n, (call, surname) in enumerate([("Lieke", "Verbeek"), ("Youssef", "El Khatib")]):
        path = tmp_path / f"OSO_{surname.replace(' ', '_')}.xml"
        path.write_bytes(
            dossier_xml(
                bsn=("999980002", "999980014")[n],
                call_name=call,
                surname=surname,
                seed=n + 1,
                sending_brin="98ZZ",
            )
        )
        files.append(str(path))

    context = browser.new_context(**CONTEXT)
    page = context.new_page()
    log_in_with_new_second_step(
        page, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    page.get_by_role("link", name="Binnengekomen dossiers").click()
    expect(page.get_by_role("heading", name=re.compile("^Binnengekomen dossiers"))).to_be_visible()
    assert_accessible(page)

    page.get_by_label("OSO-bestanden", exact=True).set_input_files(files)
    page.get_by_role("button", name="Inlezen").click()
    results = page.get_by_test_id("batch-results")
    expect(results.get_by_role("row")).to_have_count(3)  # header + two files
    expect(results.get_by_text("ingelezen", exact=True)).to_have_count(2)
    expect(page.get_by_text("2 van 2 bestanden klaar")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Terug naar de binnengekomen dossiers").click()
    incoming = page.get_by_test_id("incoming-list")
    for name in ("Lieke Verbeek", "Youssef El Khatib"):
        heading = name
        incoming.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", name=re.compile(f"^{heading}"), level=1)).to_be_visible()
        expect(page.get_by_role("heading", name=re.compile("^Overstapadvies"))).to_be_visible()
        expect(page.get_by_text("Werkt zelfstandig en nauwkeurig")).to_be_visible()
        expect(page.get_by_role("link", name="verslag-0.pdf")).to_be_visible()
        assert_accessible(page)
        page.go_back()
    incoming.get_by_role("link", name="Lieke Verbeek").click()
    page.get_by_role("link", name="Naar de leerlingpagina").click()
    expect(page.get_by_role("heading", name=re.compile("^Lieke Verbeek"), level=1)).to_be_visible()
    assert_accessible(page)
    context.close()
