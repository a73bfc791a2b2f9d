"""Journey of a family invited to a warm handover: the secondary school plans it with the
mother invited; she finds date, place and agenda on her child's page in the portal."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import DEMO_PASSWORD, demo_region_load
from overdracht.pupils.models import Pupil
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_invited_mother_sees_the_warm_handover_in_the_portal(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    elif_ = Pupil.objects.get(call_name="Elif", surname="Çelik")

    care = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        care, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    care.goto(f"{live_server.url}/pupils/{elif_.pk}/meetings/new/")
    care.get_by_label("Overstap").select_option(index=1)
    when = (timezone.localtime() + dt.timedelta(days=6)).replace(hour=15, minute=30)
    care.get_by_label("Datum en tijd").fill(when.strftime("%Y-%m-%dT%H:%M"))
    care.get_by_label("Plaats").fill("Waalstad College, lokaal 0.12")
    care.get_by_label(re.compile("Ayşe")).check()
    care.get_by_role("button", name="Plannen en uitnodigingen versturen").click()
    expect(care.get_by_role("heading", name=re.compile("^Warme overdracht"))).to_be_visible()

    mother = browser.new_context(**CONTEXT).new_page()
    mother.goto(f"{live_server.url}/accounts/login/")
    mother.get_by_label("E-mailadres").fill("ouder@mail.example")
    mother.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    mother.get_by_role("button", name="Inloggen").click()
    mother.get_by_role("link", name="Elif Çelik").click()
    # the demo family had a warm handover in June already: find the new one by its place
    card = mother.get_by_test_id("family-meeting").filter(has_text="lokaal 0.12")
    expect(card).to_contain_text("Waalstad College, lokaal 0.12")
    expect(card).to_contain_text("Opening en toestemming")
    assert_accessible(mother)
