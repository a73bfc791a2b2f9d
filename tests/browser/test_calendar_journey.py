"""Journey of the regional calendar at a school: the career counsellor ticks off the MBO
registration checklist; the primary school's IB'er marks a step of a pupil's transition done
on the pupil's steps page and finds the rest in *Mijn taken*."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import demo_region_load
from overdracht.regional_calendar.models import ChecklistTick
from overdracht.steps.models import TransitionStep
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_checklist_and_a_step_done_on_the_pupils_page(live_server: Any, browser: Any) -> None:
    demo_region_load()

    decaan = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        decaan, live_server.url, "decaan@waalstad-college.example", check_a11y=False
    )
    decaan.get_by_role("link", name="Regionale kalender").first.click()
    row = decaan.get_by_role("row").filter(has_text="Aanmelding mbo (1 april)")
    expect(row).to_contain_text("8 van 20")  # the demo's registrations at ROC Waalstad
    row.get_by_label("Iedere leerling aangemeld").check()
    row.get_by_role("button", name="Opslaan").click()
    expect(decaan.get_by_role("status")).to_contain_text("opgeslagen")
    expect(
        decaan.get_by_role("row")
        .filter(has_text="Aanmelding mbo (1 april)")
        .get_by_label("Iedere leerling aangemeld")
    ).to_be_checked()
    assert ChecklistTick.objects.filter(item="Iedere leerling aangemeld").count() == 1
    assert_accessible(decaan)

    step = (
        TransitionStep.objects.filter(
            transition__from_school__name="OBS De Regenboog",
            key="dossier_sent",
            done_at__isnull=True,
        )
        .select_related("transition__pupil")
        .order_by("pk")
        .first()
    )
    assert step is not None
    ib = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(ib, live_server.url, "ib@regenboog.example", check_a11y=False)
    ib.goto(f"{live_server.url}/pupils/{step.transition.pupil_id}/steps/")
    sent_row = ib.get_by_role("row").filter(has_text="Dossier verstuurd")
    assert_accessible(ib)
    sent_row.get_by_role("button", name="Markeer als gedaan").click()
    expect(
        ib.get_by_role("row").filter(has_text="Dossier verstuurd").get_by_role("button")
    ).to_have_count(0)
    step.refresh_from_db()
    assert step.done_at is not None
    ib.get_by_role("link", name="Mijn taken").click()
    expect(ib.get_by_role("heading", name="Herinneringen")).to_be_visible()
    assert_accessible(ib)


def test_region_sets_its_calendar_and_the_college_sees_its_warm_handovers(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()

    swv = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(swv, live_server.url, "swv@swv-waalstad.example", check_a11y=False)
    swv.get_by_role("link", name=re.compile("^Regionale kalender van")).click()
    feedback = swv.get_by_role("group", name="Terugkoppeling aan de basisschool")
    feedback.get_by_label("Verantwoordelijk").select_option(
        label="Zorgcoördinator / intern begeleider"
    )
    assert_accessible(swv)
    swv.get_by_role("button", name="Opslaan").click()
    expect(swv.get_by_role("status")).to_contain_text("opgeslagen")
    expect(
        swv.get_by_role("group", name="Terugkoppeling aan de basisschool").get_by_label(
            "Verantwoordelijk"
        )
    ).to_have_value("care_coordinator")

    zorg = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        zorg, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    zorg.get_by_role("link", name="Warme overdrachten").first.click()
    plan_links = zorg.get_by_test_id("to-discuss").get_by_role(
        "link", name=re.compile("^Warme overdracht plannen")
    )
    expect(plan_links).to_have_count(1)  # of the three flagged, two have a warm handover
    rows = zorg.get_by_test_id("school-meetings").get_by_role("row")
    expect(rows).to_have_count(3)  # the header, the one held last week, the one planned
    assert_accessible(zorg)
