"""Journey of the dossier-to-classroom issue: the care coordinator opens the incoming cohort,
writes a passport for an imported pupil and assigns the class; the mentor sees the class
overview with that pupil and confirms reading; the care coordinator's dashboard shows the
confirmation and still lists the teacher who has not read."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.accounts.models import User
from overdracht.demo.services import demo_region_load
from overdracht.oso.generator import dossier_xml
from overdracht.oso.services import dossier_import
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.services import class_group_teacher_add
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_passport_reaches_the_class(live_server: Any, browser: Any) -> None:
    demo_region_load()
    college = School.objects.get(brin="99BA")
    dossier_import(
        data=dossier_xml(
            bsn="999980002", call_name="Lieke", surname="Verbeek", sending_brin="98ZZ", tests=3
        ),
        name="lieke.xml",
        school=college,
    )
    class_1a = ClassGroup.objects.filter(school=college, name="1A").order_by("-school_year")[0]
    class_group_teacher_add(
        class_group=class_1a,
        user=User.objects.get(email="docent@waalstad-college.example"),
        subject="Nederlands",
    )

    care = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        care, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    care.get_by_role("link", name="Binnenkomend cohort (intake)").first.click()
    expect(care.get_by_role("heading", name=re.compile("^Binnenkomend cohort"))).to_be_visible()
    assert_accessible(care)
    care.get_by_role("link", name="Lieke Verbeek").click()
    care.get_by_label("Heeft ondersteuning nodig").check()
    care.get_by_label("Klas").select_option(label="1A")
    assert_accessible(care)
    care.get_by_role("button", name="Analyse opslaan").click()
    care.get_by_role("link", name="Lieke Verbeek").click()
    care.get_by_role("link", name="Paspoort", exact=True).click()
    care.get_by_role("link", name="Het paspoort schrijven").click()
    # The reference levels that arrived with her OSO dossier, beside the form.
    expect(care.get_by_text("Referentieniveau rekenen")).to_be_visible()
    care.get_by_label("Tips voor in de les").fill(
        "Geef de opdracht in korte stappen.\nKondig wijzigingen vroeg aan.\n"
        "Laat haar eerst met een buurvrouw overleggen."
    )
    care.get_by_label("Extra tijd").check()
    assert_accessible(care)
    care.get_by_role("button", name="Opslaan en delen met de docenten").click()
    expect(care.get_by_text("Het paspoort is opgeslagen.")).to_be_visible()
    assert_accessible(care)

    mentor = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        mentor, live_server.url, "mentor@waalstad-college.example", check_a11y=False
    )
    mentor.get_by_test_id("my-classes").get_by_role(
        "link", name=re.compile("te lezen in 1A")
    ).click()
    overview = mentor.get_by_test_id("class-overview")
    expect(overview.get_by_role("link", name="Lieke Verbeek")).to_be_visible()
    # Elif of 1A has extra time too (the demo's end of the year)
    expect(mentor.get_by_text(re.compile(r"^Extra tijd: .*Lieke Verbeek"))).to_be_visible()
    expect(
        overview.get_by_role("row", name=re.compile("Lieke Verbeek")).get_by_text(
            re.compile(r"rekenen (<1F|1F|1S/2F|2F)")
        )
    ).to_be_visible()
    assert_accessible(mentor)
    mentor.get_by_role("button", name="Gelezen bevestigen Lieke Verbeek").click()
    expect(
        overview.get_by_role("row", name=re.compile("Lieke Verbeek")).get_by_text("gelezen")
    ).to_be_visible()
    mentor.get_by_role("button", name="Gelezen bevestigen Elif Çelik").click()  # the demo's

    care.goto(f"{live_server.url}/")
    care.get_by_role("link", name="Gelezen paspoorten").click()
    table = care.get_by_test_id("unread-1A")
    expect(
        table.get_by_role("row", name=re.compile("Lotte Vermeer.*alles gelezen"))
    ).to_be_visible()
    expect(table.get_by_role("row", name=re.compile("Jeroen Smits 2"))).to_be_visible()
    assert_accessible(care)
