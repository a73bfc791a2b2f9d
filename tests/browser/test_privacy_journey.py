"""Journeys of the privacy work: the school administrator finds a former pupil past the
retention period on *Bewaartermijnen* and keeps her data while a dispute runs; a mentor
makes a calendar address from the security page, sees it once, and makes a new one."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import demo_region_load
from overdracht.retention.models import LegalHold
from overdracht.worklist.models import CalendarFeed
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_school_admin_keeps_a_former_pupils_data_while_a_dispute_runs(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    page = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        page, live_server.url, "beheer@waalstad-college.example", check_a11y=False
    )
    page.get_by_role("link", name="Bewaartermijnen").first.click()
    expect(page.get_by_role("heading", name="Bewaartermijnen")).to_be_visible()
    due = page.get_by_test_id("retention-due")
    expect(due).to_contain_text("Noor Verhoeven")
    expect(due).not_to_contain_text("Milan Bos")  # left last summer: not yet
    assert_accessible(page)
    row = due.get_by_role("row").filter(has_text="Leerlingdossier")
    row.get_by_label("Reden (het geschil dat loopt)").fill("Klacht bij de geschillencommissie")
    row.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_role("status")).to_contain_text("Zolang het geschil loopt")
    expect(page.get_by_test_id("retention-due")).to_contain_text("bewaard: geschil")
    assert LegalHold.objects.filter(lifted_at__isnull=True).count() == 1
    assert_accessible(page)


def test_mentor_makes_and_renews_a_calendar_address(live_server: Any, browser: Any) -> None:
    demo_region_load()
    page = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        page, live_server.url, "mentor@waalstad-college.example", check_a11y=False
    )
    page.get_by_role("link", name="Mijn taken").first.click()
    page.get_by_role("link", name="Volg je warme overdrachten en deadlines").click()
    expect(page.get_by_role("heading", name="Agenda-adres", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Adres maken").click()
    address = page.get_by_test_id("feed-address").locator("code").inner_text()
    assert "/calendar/" in address
    feed = page.request.get(address)
    assert feed.ok
    assert_accessible(page)
    # From the security page: a new address; the old one stops working.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Account en beveiliging"
    ).click()
    page.get_by_role("button", name="Nieuw agenda-adres maken").click()
    new_address = page.get_by_test_id("feed-address").locator("code").inner_text()
    assert new_address != address
    assert page.request.get(address).status == 404
    assert page.request.get(new_address).ok
    assert CalendarFeed.objects.count() == 1
