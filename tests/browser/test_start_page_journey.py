"""Journeys of the start-page issue: the care coordinator's start page leads, by clicking
only, to every intake task; the subject teacher reaches the class overview from his start
page; the cohort filters to "needs support, not yet analysed". axe-core on every page they
pass, also at 200 % zoom and on a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import DEMO_PASSWORD, demo_region_load
from tests.browser.conftest import (
    ARTEFACTS,
    CONTEXT,
    assert_accessible,
    log_in_with_new_second_step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COHORT = re.compile("^Binnenkomend cohort")
# 200 % zoom of a 1280 × 900 laptop screen: half the CSS pixels, twice the device pixels.
ZOOMED = {**CONTEXT, "viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}
PHONE = {
    **CONTEXT,
    "viewport": {"width": 375, "height": 740},
    "is_mobile": True,
    "has_touch": True,
}


def _tile(page: Any, label: str) -> tuple[Any, int]:
    """The start page's tile with this label, and the count it shows."""
    tile = page.locator("li.tile").filter(has_text=label).first
    return tile, int(tile.locator(".tile-count").inner_text())


def _shown(page: Any) -> int:
    """How many pupils the filtered cohort says it shows ("3 van 60 leerlingen")."""
    text = page.get_by_test_id("cohort-count").inner_text()
    return int(text.split()[0])


def test_the_care_coordinators_start_page_leads_to_every_intake_task(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    page = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        page, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    assert_accessible(page)
    page.screenshot(path=str(ARTEFACTS / "start-page-care-coordinator.png"), full_page=True)

    # dossiers that arrived and wait for the analysis: the first of them, analysed
    tile, count = _tile(page, "Dossiers binnen, nog niet geanalyseerd")
    assert count > 0
    tile.get_by_role("link").click()
    expect(page.get_by_role("heading", name=COHORT)).to_be_visible()
    assert _shown(page) == count
    expect(page.get_by_label("Wacht op")).to_have_value("to_analyse")
    assert_accessible(page)
    page.get_by_test_id("cohort").locator("tbody th a").first.click()
    expect(page.get_by_role("heading", name=re.compile("^Intake-analyse"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Analyse opslaan").click()
    expect(page.get_by_role("heading", name=COHORT)).to_be_visible()
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Overzicht").click()
    _tile_after, count_after = _tile(page, "Dossiers binnen, nog niet geanalyseerd")
    assert count_after == count - 1  # the start page counts what is left

    # passports to write: the passport of the first pupil, reached from the analysis
    tile, count = _tile(page, "Paspoorten te schrijven")
    assert count > 0
    tile.get_by_role("link").click()
    assert _shown(page) == count
    page.get_by_test_id("cohort").locator("tbody th a").first.click()
    page.get_by_role("link", name="Paspoort", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("^Wat elke docent"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Overzicht").first.click()

    # passports not read by all: the pupils, and on to the reading per class
    tile, count = _tile(page, "Paspoorten nog niet door alle docenten gelezen")
    tile.get_by_role("link").click()
    assert _shown(page) == count
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Overzicht").click()
    page.get_by_role("link", name="Gelezen paspoorten").click()
    expect(page.get_by_role("heading", name=re.compile("^Gelezen paspoorten"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Overzicht").click()

    # the warm handovers and the overdue steps
    _tile(page, "Warme overdrachten de komende 7 dagen")[0].get_by_role("link").click()
    expect(page.get_by_role("heading", name=re.compile("^Warme overdrachten"))).to_be_visible()
    page.go_back()
    _tile(page, "Achterstallige stappen")[0].get_by_role("link").click()
    expect(page.get_by_role("heading", name=re.compile("^Achterstallige stappen"))).to_be_visible()
    assert_accessible(page)


def test_the_cohort_filters_to_needs_support_not_yet_analysed(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    page = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        page, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    _tile_found, expected = _tile(page, "Ondersteuningsbehoefte, nog niet geanalyseerd")
    assert expected > 0
    page.get_by_role("link", name="Binnenkomend cohort (intake)").click()
    everyone = _shown(page)
    page.get_by_label("Wacht op").select_option("to_analyse")
    page.get_by_label("Signaal").select_option("needs_support")
    page.get_by_role("button", name="Tonen").click()
    expect(page.get_by_test_id("cohort-count")).to_contain_text(f"van {everyone}")
    assert _shown(page) == expected
    rows = page.get_by_test_id("cohort").locator("tbody tr")
    expect(rows).to_have_count(expected)
    for index in range(expected):
        row = rows.nth(index)
        expect(row).to_contain_text("te analyseren")
        expect(row).to_contain_text("heeft ondersteuning nodig")
    assert_accessible(page)
    page.screenshot(path=str(ARTEFACTS / "cohort-needs-support-not-analysed.png"), full_page=True)
    page.get_by_role("link", name="Iedereen tonen").first.click()
    assert _shown(page) == everyone


def _logged_in_everywhere(
    live_server: Any, browser: Any, email: str, *, second_step: bool = True
) -> list[tuple[str, Any]]:
    """The user's start page on a laptop, at 200 % zoom and on a phone: logged in once (the
    second step, where the user's roles ask for one, set up on the laptop), the same
    session in the other two."""
    laptop = browser.new_context(**CONTEXT).new_page()
    if second_step:
        log_in_with_new_second_step(laptop, live_server.url, email, check_a11y=True)
    else:  # a subject teacher sees no support data: the password is enough
        laptop.goto(f"{live_server.url}/accounts/login/")
        laptop.get_by_label("E-mailadres").fill(email)
        laptop.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
        laptop.get_by_role("button", name="Inloggen").click()
        expect(laptop.get_by_role("heading", name=re.compile("^Welkom"))).to_be_visible()
    state = laptop.context.storage_state()
    pages = [("laptop", laptop)]
    for name, options in (("zoomed", ZOOMED), ("phone", PHONE)):
        page = browser.new_context(storage_state=state, **options).new_page()
        page.goto(f"{live_server.url}/")  # the start page, where every journey begins
        expect(page.get_by_role("heading", name=re.compile("^Welkom"))).to_be_visible()
        pages.append((name, page))
    return pages


def test_the_subject_teacher_reaches_the_class_overview_from_his_start_page(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    for name, page in _logged_in_everywhere(
        live_server, browser, "docent@waalstad-college.example", second_step=False
    ):
        classes = page.get_by_test_id("my-classes")
        expect(classes).to_contain_text("te lezen in 1A")
        assert_accessible(page)
        page.screenshot(path=str(ARTEFACTS / f"start-page-teacher-{name}.png"), full_page=True)
        classes.get_by_role("link", name=re.compile("te lezen in 1A")).click()
        expect(page.get_by_role("heading", name=re.compile("1A"))).to_be_visible()
        assert_accessible(page)
        page.screenshot(path=str(ARTEFACTS / f"class-overview-teacher-{name}.png"), full_page=True)


def test_the_care_coordinators_pages_hold_at_200_percent_and_on_a_phone(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    for name, page in _logged_in_everywhere(live_server, browser, "zorg@waalstad-college.example"):
        assert_accessible(page)
        page.screenshot(path=str(ARTEFACTS / f"start-page-care-{name}.png"), full_page=True)
        _tile(page, "Dossiers binnen, nog niet geanalyseerd")[0].get_by_role("link").click()
        expect(page.get_by_role("heading", name=COHORT)).to_be_visible()
        assert_accessible(page)
        page.screenshot(path=str(ARTEFACTS / f"cohort-{name}.png"), full_page=True)
        page.get_by_test_id("cohort").locator("tbody th a").first.click()
        expect(page.get_by_role("heading", name=re.compile("^Intake-analyse"))).to_be_visible()
        assert_accessible(page)


@pytest.mark.parametrize(
    "email",
    ["zorg@waalstad-college.example", "ib@regenboog.example", "beheer@waalstad-college.example"],
)
def test_every_page_the_start_page_links_to_passes_axe_zoomed_and_on_a_phone(
    live_server: Any, browser: Any, email: str
) -> None:
    """Every page one click from the start page, at 200 % zoom and on a phone: no serious or
    critical axe-core violation, and nothing wider than the screen but a table's own region."""
    demo_region_load()
    for _name, page in _logged_in_everywhere(live_server, browser, email)[1:]:
        links = page.locator("main a[href^='/']").evaluate_all(
            "links => [...new Set(links.map(a => a.getAttribute('href')))]"
        )
        assert len(links) > 5
        for href in links:
            page.goto(f"{live_server.url}{href}")
            assert_accessible(page)
            overflow = page.evaluate(
                """() => [...document.querySelectorAll('main *')].filter(e =>
                    e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                    && !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className)
                    .slice(0, 5)"""
            )
            assert overflow == [], f"{href}: {overflow}"
