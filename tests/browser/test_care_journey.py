"""Journey of care routing: the mentor refers a pupil of their class to the care team; the
care coordinator plans the care team meeting, records the outcome, and escalates to the ZAT,
which is refused until the guardians' consent is recorded."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from overdracht.accounts.models import User
from overdracht.care.models import Referral
from overdracht.consent.models import ConsentDecision, ConsentPurpose
from overdracht.demo.services import demo_region_load
from overdracht.pupils.models import Enrolment
from overdracht.schools.models import School
from tests.browser.conftest import CONTEXT, assert_accessible, log_in_with_new_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_referral_to_the_care_team_and_zat_only_with_consent(
    live_server: Any, browser: Any
) -> None:
    demo_region_load()
    college = School.objects.get(brin="99BA")
    enrolment = (
        Enrolment.objects.filter(class_group__school=college, class_group__name="1A")
        .select_related("pupil")
        .order_by("pupil__sort_key")
        .first()
    )
    assert enrolment is not None
    pupil = enrolment.pupil

    mentor = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        mentor, live_server.url, "mentor@waalstad-college.example", check_a11y=False
    )
    mentor.goto(f"{live_server.url}/pupils/{pupil.pk}/")
    mentor.get_by_role("link", name="Aanmelden bij de zorg").click()
    mentor.get_by_label("Reden").fill("Trekt zich sinds de herfstvakantie terug in de klas.")
    mentor.get_by_label("Urgentie").select_option(index=1)
    assert_accessible(mentor)
    mentor.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(mentor.get_by_role("heading", level=1)).to_contain_text(pupil.name)

    care = browser.new_context(**CONTEXT).new_page()
    log_in_with_new_second_step(
        care, live_server.url, "zorg@waalstad-college.example", check_a11y=False
    )
    care.get_by_role("link", name="Zorgteam").click()
    referral_card = care.locator("section.card").filter(has_text=pupil.name)
    expect(referral_card).to_contain_text("Trekt zich sinds de herfstvakantie terug in de klas.")
    day = timezone.localdate() + dt.timedelta(days=3)
    care.get_by_label("Zorgoverleg plannen op").fill(day.isoformat())
    care.get_by_role("button", name="Plannen", exact=True).click()
    expect(referral_card.get_by_role("heading")).to_contain_text(str(day.day))
    referral_card.get_by_label("Uitkomst").fill("Gesprek met ouders en leerling")
    referral_card.get_by_role("button", name="Uitkomst opslaan").click()
    expect(referral_card.get_by_label("Uitkomst")).to_have_value("Gesprek met ouders en leerling")
    assert_accessible(care)

    referral_card.get_by_label("Opschalen naar").select_option("zat")
    referral_card.get_by_role("button", name="Opschalen").click()
    expect(care.get_by_role("status")).to_contain_text("zorg- en adviesteam")
    assert not Referral.objects.filter(pupil=pupil, level="zat").exists()

    staff = User.objects.get(email="zorg@waalstad-college.example")
    for relation in pupil.guardian_relations.filter(has_authority=True):
        ConsentDecision.objects.create(
            pupil=pupil,
            purpose=ConsentPurpose.CARE_ADVISORY_TEAM,
            guardian=relation.guardian,
            given=True,
            decided_by_id=staff.pk,
            recorded_by_school=True,
        )
    referral_card.get_by_label("Opschalen naar").select_option("zat")
    referral_card.get_by_role("button", name="Opschalen").click()
    expect(care.get_by_text("De aanmelding is opgeschaald.")).to_be_visible()
    assert Referral.objects.filter(pupil=pupil, level="zat").exists()
    assert_accessible(care)
