"""Journey of the foundation issue: the demo mentor logs in (setting up the second step),
opens a pupil of their class; the same URL answers 404 to a user of another school."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import demo_region_load
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_mentor_opens_a_pupil_of_their_class_and_another_school_gets_404(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    mentor_context = browser.new_context(**CONTEXT)
    page = mentor_context.new_page()
    log_in_with_new_second_step(
        page, live_server.url, "mentor@waalstad-college.example", check_a11y=True
    )
    assert_accessible(page)

    page.get_by_role("link", name="1A", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("^Leerlingen"))).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Zoeken op naam").fill("celik")
    page.get_by_role("button", name="Zoeken").click()
    pupil_link = page.get_by_role("link", name="Elif Çelik")
    expect(pupil_link).to_be_visible()
    pupil_link.click()
    expect(page.get_by_role("heading", name="Elif Çelik", level=1)).to_be_visible()
    expect(page.get_by_text("U bent de mentor van deze leerling")).to_be_visible()
    expect(page.get_by_text("Geheim adres: nooit delen")).to_be_visible()
    assert_accessible(page)
    pupil_url = page.url
    mentor_context.close()

    other_context = browser.new_context(**CONTEXT)
    other = other_context.new_page()
    log_in_with_new_second_step(
        other, live_server.url, "mentor@erasmus-lyceum.example", check_a11y=False
    )
    response = other.goto(pupil_url)
    assert response is not None
    assert response.status == 404
    expect(other.get_by_role("heading", name="Pagina niet gevonden")).to_be_visible()
    expect(other.get_by_text("Elif")).to_have_count(0)
    assert_accessible(other)
    other_context.close()


def test_login_page_works_on_a_phone(live_server: Any, browser: Any) -> None:
    context = browser.new_context(
        **CONTEXT, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    field = page.get_by_label("E-mailadres")
    expect(field).to_be_visible()
    box = field.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= 375
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Direct naar de inhoud")).to_be_focused()
    assert_accessible(page)
    context.close()
