"""Journey of the roster import, from the start page by clicking, on the demo region: the
school administrator of Waalstad College reads in a Magister export (semicolons,
Windows-1252, dd-mm-jjjj) of 300 pupils with their parents and classes, keeps the columns
the preset found, sees the two refused rows with their reasons and reads the rest in; the
mentor of 1A then finds the new pupils in her class overview. A second export with one
pupil changed updates that pupil only."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from overdracht.demo.services import demo_region_load
from overdracht.pupils.models import Enrolment, Pupil
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step
from tests.roster.helpers import magister_export

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MENTOR = "mentor@waalstad-college.example"


def _read_in(page: Any, file: Path, *, check_a11y: bool) -> None:
    page.get_by_role("link", name="Leerlingen uit de leerlingadministratie").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("leerlingadministratie")
    if check_a11y:
        assert_accessible(page)
    page.get_by_label("Export van de leerlingadministratie (CSV of XLSX)").set_input_files(
        str(file)
    )
    page.get_by_label("Welk systeem de export maakte").select_option(label="Magister")
    page.get_by_role("button", name="Volgende: de kolommen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welke kolom wat bevat")
    expect(page.get_by_label("Geboortedatum")).to_have_value("Geb.datum")
    if check_a11y:
        assert_accessible(page)
    page.get_by_role("button", name="Volgende: wat het bestand zou veranderen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wat het bestand zou veranderen")


def test_the_administrator_reads_in_the_school_administration_and_the_mentor_sees_her_class(
    live_server: Any, browser: Any, tmp_path: Path
) -> None:
    demo_region_load()
    first = tmp_path / "leerlingen.csv"
    first.write_bytes(magister_export(300, MENTOR))
    base = live_server.url

    admin = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(admin, base, "beheer@waalstad-college.example", check_a11y=False)
    _read_in(admin, first, check_a11y=True)
    expect(admin.get_by_test_id("roster-counts")).to_contain_text(
        "Nieuwe leerlingen: 300; gewijzigd: 0"
    )
    refused = admin.get_by_test_id("refused-rows")
    expect(refused.get_by_role("row")).to_have_count(3)  # the heading and two rows
    expect(refused).to_contain_text("Geboortedatum niet begrepen: “31-02-2013”")
    expect(refused).to_contain_text("BSN 123456789 is niet geldig")
    assert_accessible(admin)
    assert not Pupil.objects.filter(enrolments__pupil_number="70000").exists()
    admin.get_by_role("button", name="300 leerlingen inlezen").click()
    expect(admin.get_by_test_id("roster-report")).to_contain_text("Nieuwe leerlingen: 300")
    assert_accessible(admin)
    assert Enrolment.objects.filter(pupil_number__startswith="70").count() >= 300

    mentor = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(mentor, base, MENTOR, check_a11y=False)
    mentor.get_by_test_id("my-classes").get_by_role(
        "link", name=re.compile("te lezen in")
    ).first.click()
    expect(mentor.get_by_role("heading", level=1)).to_contain_text("1A")
    imported = Enrolment.objects.select_related("pupil").get(pupil_number="70000").pupil
    expect(mentor.get_by_text(imported.surname).first).to_be_visible()

    admin.goto(f"{base}/")
    second = tmp_path / "leerlingen-2.csv"
    second.write_bytes(magister_export(300, MENTOR, bad=False, changed=7))
    _read_in(admin, second, check_a11y=False)
    expect(admin.get_by_test_id("roster-counts")).to_contain_text(
        "Nieuwe leerlingen: 0; gewijzigd: 1; ongewijzigd: 299"
    )
    admin.get_by_role("button", name="1 leerling inlezen").click()
    expect(admin.get_by_test_id("roster-report")).to_contain_text("gewijzigd: 1")
    changed = Enrolment.objects.select_related("pupil").get(pupil_number="70007").pupil
    assert changed.call_name == "Sanne"


def test_the_progress_bar_follows_an_import_in_the_worker(
    live_server: Any, browser: Any, tmp_path: Path
) -> None:
    """The import runs in the task worker (here: by the test, as the worker would): the page
    shows the bar, follows the figures without a reload, and shows the report when done."""
    from overdracht.accounts.actor import Actor
    from overdracht.core.progress import progress_report
    from overdracht.core.school_year import current_school_year
    from overdracht.core.tabular import read_table
    from overdracht.roster.columns import mapping_for
    from overdracht.roster.models import RosterUpload, UploadState
    from overdracht.roster.services import mapping_save, roster_import, roster_upload
    from overdracht.schools.models import School

    demo_region_load()
    school = School.objects.get(name="Waalstad College")
    data = magister_export(40, MENTOR, bad=False)
    admin_user = school.memberships.get(role="school_admin").user
    upload = roster_upload(
        actor=Actor(user=admin_user),
        school=school,
        name="leerlingen.csv",
        data=data,
        school_year=current_school_year(),
        preset="magister",
    )
    mapping = mapping_for(read_table(data).headers, "magister", {})
    mapping_save(school=school, preset="magister", columns=mapping)
    RosterUpload.objects.filter(pk=upload.pk).update(state=UploadState.RUNNING)
    progress_report(f"roster:{upload.pk}", done=10, total=40)

    admin = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(admin, live_server.url, admin_user.email, check_a11y=False)
    admin.get_by_role("link", name="Leerlingen uit de leerlingadministratie").click()
    admin.get_by_role("link", name="leerlingen.csv").click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Inlezen")
    expect(admin.locator("#roster-progress")).to_have_attribute("value", "25")
    assert_accessible(admin)
    progress_report(f"roster:{upload.pk}", done=30, total=40)
    expect(admin.get_by_role("status")).to_contain_text("30 van 40 leerlingen geschreven")
    expect(admin.locator("#roster-progress")).to_have_js_property("value", 75)
    RosterUpload.objects.filter(pk=upload.pk).update(state=UploadState.QUEUED)
    roster_import(actor=Actor(user=admin_user), upload=upload, mapping=mapping, end_missing=False)
    expect(admin.get_by_test_id("roster-report")).to_contain_text("Nieuwe leerlingen: 40")
