"""Journey of closing the loop, from the start page by clicking, on the demo region: the
Waalstad mentor records the six-week check-in of a pupil from De Regenboog and writes the
feedback for De Regenboog from My tasks; the groep 8 teacher of De Regenboog reads it on the
former-pupils page; after the night's refresh the regional coordinator opens the yearly
evaluation of the cohort, sees the advice-against-level chart and table, narrows it to the
pupils who need support and downloads the PDF, whose text is read back."""

from __future__ import annotations

import re
from typing import Any

from django.core.management import call_command

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.pupils.models import Transition
from tests.browser.conftest import (
    ARTEFACTS,
    CONTEXT,
    assert_accessible,
    log_in_with_new_second_step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_mentor_gives_feedback_and_the_primary_school_reads_it(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    base = live_server.url
    pupil = (
        Transition.objects.filter(
            kind="po_vo",
            from_school__name="OBS De Regenboog",
            to_school__name="Waalstad College",
            school_year=current_school_year(),
            pupil__enrolments__class_group__name="1A",
        )
        .select_related("pupil")
        .order_by("pupil__sort_key")
        .first()
    )
    assert pupil is not None
    name = pupil.pupil.name

    mentor = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(mentor, base, "mentor@waalstad-college.example", check_a11y=False)
    mentor.get_by_role("link", name="Mijn taken").click()
    mentor.get_by_role(
        "link", name=f"Nazorg: Evaluatie van de overgedragen aanpak (na zes weken) met {name}"
    ).click()
    expect(mentor.get_by_role("heading", level=1)).to_contain_text(f"Nazorg van {name}")
    assert_accessible(mentor)
    mentor.get_by_label(re.compile("^Nazorgmoment")).select_option(
        label="Evaluatie van de overgedragen aanpak (na zes weken)"
    )
    mentor.get_by_role("group", name=re.compile("^Hoe het gaat")).get_by_label(
        "Goed", exact=True
    ).check()
    mentor.get_by_label(re.compile("^Wat is besproken")).fill(
        "Went snel; plant zelf haar huiswerk."
    )
    mentor.get_by_role("button", name="Het nazorgmoment vastleggen").click()
    expect(mentor.get_by_test_id("check-ins")).to_contain_text("Went snel")

    mentor.get_by_role("link", name="Mijn taken").first.click()
    mentor.get_by_role(
        "link", name=f"Terugkoppeling over {name} aan OBS De Regenboog (na het eerste rapport)"
    ).click()
    expect(mentor.get_by_label(re.compile("^Klas"))).to_have_value("1A")
    assert_accessible(mentor)
    mentor.get_by_role("group", name=re.compile("^Welbevinden")).get_by_label("3").check()
    mentor.get_by_role("group", name=re.compile("^Werkhouding")).get_by_label("2").check()
    mentor.get_by_role("group", name=re.compile("^Werkte de overgedragen")).get_by_label(
        "Deels"
    ).check()
    mentor.get_by_label(re.compile("^Een tip voor de basisschool")).fill(
        "Meer oefenen met plannen."
    )
    mentor.get_by_role("button", name="De terugkoppeling versturen").click()
    expect(mentor.locator(".message")).to_contain_text("verstuurd aan OBS De Regenboog")

    teacher = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(teacher, base, "groep8@regenboog.example", check_a11y=False)
    teacher.get_by_role("link", name="Oud-leerlingen: wat er van de overdracht werd").first.click()
    row = teacher.get_by_role("row", name=re.compile(re.escape(name)))
    expect(row).to_contain_text("gedaan")  # the aftercare
    row.get_by_text("na het eerste rapport").click()
    expect(row).to_contain_text("Meer oefenen met plannen.")
    assert_accessible(teacher)

    call_command("evaluation_refresh")  # the night passes
    coordinator = browser.new_context(**CONTEXT, accept_downloads=True).new_page()
    log_in_with_new_second_step(coordinator, base, "swv@swv-waalstad.example", check_a11y=False)
    coordinator.get_by_role(
        "link", name=re.compile("^Jaarlijkse evaluatie van de overstappen")
    ).click()
    expect(coordinator.get_by_role("heading", level=1)).to_contain_text(
        "Evaluatie van de overstappen"
    )
    expect(coordinator.get_by_test_id("cohort-size")).to_contain_text("90 leerlingen")
    chart = coordinator.get_by_role("img", name=re.compile("^Staafdiagram van advies"))
    expect(chart.first).to_be_visible()
    table = coordinator.get_by_test_id("position-1")
    expect(table.locator("tfoot")).to_contain_text("90")
    expect(table.get_by_role("columnheader", name="Boven het advies")).to_be_visible()
    expect(coordinator.get_by_test_id("feedback")).to_contain_text("niet getoond")  # one of 90
    assert_accessible(coordinator)
    coordinator.get_by_label(re.compile("^Leerlingen")).select_option(
        label="Leerlingen die ondersteuning nodig hebben"
    )
    coordinator.get_by_role("button", name="Tonen").click()
    expect(coordinator.get_by_test_id("too-few")).to_be_visible()  # 3 pupils: nothing shown
    coordinator.get_by_label(re.compile("^Leerlingen")).select_option(label="Alle leerlingen")
    coordinator.get_by_role("button", name="Tonen").click()
    with coordinator.expect_download() as download:
        coordinator.get_by_role("link", name="Downloaden als pdf voor het evaluatieoverleg").click()
    text = "".join(page.extract_text() for page in PdfReader(download.value.path()).pages)
    assert "Evaluatie van de overstappen in" in text
    assert "Advies van de basisschool tegenover het niveau in leerjaar 1" in text
    assert "90 leerlingen in dit cohort." in text
    coordinator.screenshot(path=str(ARTEFACTS / "evaluation.png"), full_page=True)
