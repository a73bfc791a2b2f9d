"""Journey of closing the loop, from the start page by clicking, on the demo region: the
Waalstad mentor records the six-week check-in of a pupil from De Regenboog and writes the
feedback for De Regenboog from My tasks; the groep 8 teacher of De Regenboog reads it on the
former-pupils page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.pupils.models import Transition
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

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
