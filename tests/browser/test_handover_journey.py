"""Journey of the warm handover issue: the secondary school's care coordinator plans a warm
handover for an incoming pupil with the primary school's IB'er; the IB'er (another school)
sees it and adds to the minutes; an agreement with an owner appears in that owner's task
list; the ICS invitation downloads and parses."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.utils import timezone

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Transition
from overdracht.schools.models import School
from overdracht.schools.people import staff_label
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_warm_handover_across_two_schools(live_server: Any, browser: Any) -> None:
    demo_region_load()
    college = School.objects.get(brin="99BA")
    regenboog = School.objects.get(name="OBS De Regenboog")
    transition = (
        Transition.objects.filter(from_school=regenboog, kind="po_vo")
        .exclude(pupil__surname="Çelik")
        .order_by("pupil__sort_key")
        .first()
    )
    assert transition is not None
    pupil = transition.pupil
    Transition.objects.filter(pk=transition.pk).update(to_school=college, status="in_progress")
    pupil_services.enrolment_create(
        pupil=pupil,
        school=college,
        school_year=current_school_year() + 1,
        year_group=1,
        start_date=dt.date(current_school_year() + 1, 8, 20),
    )

    care = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        care, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    care.goto(f"{live_server.url}/pupils/{pupil.pk}/")
    care.get_by_role("link", name="Warme overdracht plannen").click()
    care.get_by_label("Overstap").select_option(index=1)
    when = (timezone.localtime() + dt.timedelta(days=5)).replace(hour=10, minute=0)
    care.get_by_label("Datum en tijd").fill(when.strftime("%Y-%m-%dT%H:%M"))
    care.get_by_label("Plaats").fill("Waalstad College, kamer zorg")
    care.get_by_label("Joost van 't Hek").check()
    assert_accessible(care)
    care.get_by_role("button", name="Plannen en uitnodigingen versturen").click()
    expect(care.get_by_role("heading", name=re.compile("^Warme overdracht"))).to_be_visible()
    expect(care.get_by_role("listitem").filter(has_text="Opening en toestemming")).to_be_visible()
    care.get_by_label("Afspraak", exact=True).fill("Rooster en foto's van de mentor vooraf sturen")
    care.get_by_label("Eigenaar").select_option(
        label=staff_label(User.objects.get(full_name="Joost van 't Hek"))
    )
    care.get_by_label("Uiterste datum").fill((when + dt.timedelta(days=7)).strftime("%Y-%m-%d"))
    care.get_by_role("button", name="Afspraak toevoegen").click()
    expect(care.get_by_text("Rooster en foto's van de mentor vooraf sturen")).to_be_visible()
    assert_accessible(care)
    with care.expect_download() as download:
        care.get_by_role("link", name="Toevoegen aan mijn agenda (.ics)").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    [event] = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert str(event["SUMMARY"]) == f"Warme overdracht {pupil.name}"
    assert str(event["LOCATION"]) == "Waalstad College, kamer zorg"

    ib = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(ib, live_server.url, "ib@regenboog.example", check_a11y=False)
    ib.get_by_role("link", name="Mijn taken").click()
    agreement = ib.get_by_test_id("my-agreements").get_by_role(
        "link", name="Rooster en foto's van de mentor vooraf sturen"
    )
    expect(agreement).to_be_visible()
    assert_accessible(ib)
    agreement.click()  # an agreement leads to its meeting
    ib.get_by_label("Aan het verslag toevoegen").fill("Heeft baat bij een vaste plek vooraan.")
    ib.get_by_role("button", name="Aan het verslag toevoegen").click()
    expect(ib.get_by_text("Heeft baat bij een vaste plek vooraan.")).to_be_visible()
    expect(ib.get_by_text(re.compile("Joost van 't Hek, OBS De Regenboog"))).to_be_visible()
    assert_accessible(ib)
