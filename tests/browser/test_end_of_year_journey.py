"""Journey of the end of the school year, from the start page by clicking, on the demo
region: the team lead records the decisions for class 1A (Elif promoted on conditions, one
pupil repeats, one moves to havo), chooses the new mentor of 2A, previews and runs the
rollover; Elif's mentor writes her handover from My tasks; the new mentor of 2A reads it in
My tasks, confirms it and opens the plan for a conversation; a new subject teacher of 2A sees
Elif's passport to read; her mother sees the decision in the portal."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.accounts.models import User
from overdracht.demo.services import DEMO_PASSWORD, demo_region_load
from overdracht.mentor_handover.models import MentorHandover
from overdracht.pupils.models import Enrolment
from overdracht.schools.people import staff_label
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _decide(page: Any, pupil: str, outcome: str, **fields: str) -> None:
    page.get_by_test_id("class-decisions").get_by_role("link", name=pupil).click()
    page.get_by_label(re.compile("^Besluit")).select_option(label=outcome)
    for label, value in fields.items():
        field = page.get_by_label(re.compile("^" + re.escape(label)))
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Opslaan en naar de volgende leerling").click()
    expect(page.locator(".message")).to_contain_text(f"Het besluit over {pupil} is opgeslagen.")
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="1A").click()


def test_the_end_of_the_school_year_from_decisions_to_the_new_mentor(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    base = live_server.url

    lead = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(lead, base, "teamleider@waalstad-college.example", check_a11y=False)
    lead.get_by_role("link", name="Einde schooljaar: overgang en klassen van volgend jaar").click()
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Einde schooljaar")
    assert_accessible(lead)
    lead.get_by_role("link", name="1A", exact=True).click()
    assert_accessible(lead)
    names = lead.get_by_test_id("class-decisions").locator("tbody th a").all_inner_texts()
    others = [n for n in names if n != "Elif Çelik"]
    _decide(lead, "Elif Çelik", "Bevorderd onder voorwaarden", Voorwaarden="Herkansing Engels")
    _decide(lead, others[0], "Doubleert")
    lead.get_by_test_id("class-decisions").get_by_role("link", name=others[1]).click()
    assert_accessible(lead)
    lead.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="1A").click()
    _decide(
        lead,
        others[1],
        "Naar een ander niveau of andere stroom",
        **{"Niveau of stroom volgend jaar": "havo", "Klas volgend jaar": "2H"},
    )
    lead.get_by_role("link", name="Einde schooljaar").click()
    lead.get_by_role("link", name=re.compile("Naar de klassen van volgend jaar")).click()
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Klassen van volgend jaar")
    assert_accessible(lead)
    two_a = lead.locator("section.card", has=lead.get_by_role("heading", name=re.compile("^2A")))
    two_a.get_by_label(re.compile("^Mentor volgend jaar")).select_option(label="Jeroen Smits")
    two_a.get_by_role("button", name="De mentor van 2A opslaan").click()
    lead.get_by_role("button", name=re.compile("De leerlingen doorzetten naar")).click()
    report = lead.get_by_test_id("rollover-report")
    expect(report).to_be_visible()
    expect(report.get_by_role("row", name=re.compile("^1A"))).to_contain_text("2")
    assert_accessible(lead)
    # the team lead gives 2A a subject teacher for next year
    lead.get_by_role("link", name="Overzicht").first.click()
    lead.get_by_role("link", name="Klassen en docenten").click()
    lead.get_by_label(re.compile("^Klas")).select_option(label="2A")
    lead.get_by_label(re.compile("^Docent")).select_option(
        label=staff_label(User.objects.get(full_name="Monique de Lange"))
    )
    lead.get_by_label(re.compile("^Vak")).fill("Engels")
    lead.get_by_role("button", name="Toevoegen").click()
    expect(lead.locator(".message")).to_contain_text("toegevoegd")

    old = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(old, base, "mentor@waalstad-college.example", check_a11y=False)
    old.get_by_role("link", name="Mijn taken").click()
    old.get_by_role("link", name="Schrijf de mentoroverdracht van Elif Çelik (naar 2A)").click()
    expect(old.get_by_label(re.compile("^Resultaten en bevordering"))).to_have_value(
        "Bevorderd onder voorwaarden: Herkansing Engels."
    )
    assert_accessible(old)
    old.get_by_label(re.compile("^Typering")).fill(
        "Creatief en sociaal; plannen gaat nog moeizaam."
    )
    old.get_by_label(re.compile("^Een gesprek met de nieuwe mentor")).check()
    old.get_by_role("button", name="De overdracht opslaan").click()
    expect(old.get_by_test_id("mentor-handovers")).to_contain_text("geschreven, nog niet gelezen")
    assert_accessible(old)

    new = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(new, base, "docent@waalstad-college.example", check_a11y=False)
    new.get_by_role("link", name="Mijn taken").click()
    expect(new.get_by_text("Lees het paspoort van Elif Çelik")).to_be_visible()
    new.get_by_role(
        "link", name="Lees de mentoroverdracht van Elif Çelik; er is een gesprek gewenst"
    ).click()
    expect(new.get_by_test_id("handover-text")).to_contain_text("plannen gaat nog moeizaam")
    assert_accessible(new)
    new.get_by_role("button", name="Ik heb het gelezen").click()
    expect(new.locator(".message")).to_contain_text("u volgt nu de afspraken en de zorg")
    new.get_by_role("link", name="Plan het gesprek").click()
    expect(new.get_by_label("Overstap")).to_have_value(
        str(MentorHandover.objects.get().transition_id)
    )

    teacher = browser.new_context(**CONTEXT).new_page()  # the career counsellor teaches English
    log_in_with_new_second_step(teacher, base, "decaan@waalstad-college.example", check_a11y=False)
    teacher.get_by_role("link", name="Mijn taken").click()
    expect(teacher.get_by_role("link", name="Lees het paspoort van Elif Çelik")).to_be_visible()

    mother = browser.new_context(**CONTEXT).new_page()
    mother.goto(f"{base}/")
    mother.get_by_label("E-mailadres").fill("ouder@mail.example")
    mother.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    mother.get_by_role("button", name="Inloggen").click()
    mother.get_by_role("link", name="Elif Çelik").click()
    decision = mother.get_by_test_id("promotion-decision")
    expect(decision).to_contain_text("Bevorderd onder voorwaarden")
    expect(decision).to_contain_text("volgend jaar in klas 2A")
    expect(decision).to_contain_text("Herkansing Engels")
    assert_accessible(mother)
    assert Enrolment.objects.filter(pupil__call_name="Elif", class_group__name="2A").exists()
