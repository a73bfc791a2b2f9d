"""The guardians' review before sending, statements, consent in practice, and the portal."""

from __future__ import annotations

import datetime as dt
import io

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from pypdf import PdfReader

from overdracht.consent.models import ConsentPurpose, GuardianReview
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.sending import dossier_file
from overdracht.oso.export import ExportRefusedError, recorded_review
from overdracht.oso.validation import validate_file
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Pupil, Transition
from tests.conftest import World, client_for, dossier_written, make_user


def outgoing(world: World, pupil: Pupil | None = None) -> Transition:
    return pupil_services.transition_create(
        pupil=pupil or world.pupil,
        kind="vo_vo",
        from_school=world.school,
        to_school=world.other_school,
        school_year=current_school_year() + 1,
    )


def open_review(world: World, transition: Transition) -> GuardianReview:
    dossier_written(transition.pupil, world.school, world.care_coordinator)
    response = client_for(world.care_coordinator).post(
        reverse("dossiers:review_open", args=[transition.pupil_id])
    )
    assert response.status_code == 302
    return GuardianReview.objects.get(transition=transition)


def portal_dossier(pupil: Pupil) -> str:
    return reverse("portal:dossier", args=[pupil.pk])


@pytest.mark.django_db(transaction=True)
def test_review_flow_from_opening_to_export(world: World) -> None:
    transition = outgoing(world)
    with pytest.raises(ExportRefusedError, match="nog niet geopend"):
        recorded_review(world.pupil, world.school)
    review = open_review(world, transition)
    assert [p.guardian_id for p in review.participants.all()] == [world.guardian.pk]
    assert any("ouder@test.example" in m.to for m in mail.outbox)
    with pytest.raises(ExportRefusedError, match="Greet van 't Hof"):
        recorded_review(world.pupil, world.school)

    guardian = client_for(world.guardian_user)
    page = guardian.get(portal_dossier(world.pupil)).content.decode()
    assert "precies wat Testcollege" in page
    no_reason = guardian.post(portal_dossier(world.pupil), {"agrees": "no", "text": ""})
    assert "eerst" in no_reason.content.decode()  # read and confirm first
    guardian.post(portal_dossier(world.pupil), {"action": "seen"})
    refused = guardian.post(portal_dossier(world.pupil), {"agrees": "no", "text": ""})
    assert "Schrijf waarom" in refused.content.decode()
    guardian.post(
        portal_dossier(world.pupil),
        {"agrees": "no", "text": "Het beeld van de werkhouding klopt niet."},
    )

    export = dossier_file(transition=transition, school=world.school, actor_id=None)
    checked = validate_file(export.content, name=export.filename)
    assert checked.errors == []
    assert checked.reading is not None
    assert checked.reading.value("review.agreed") == "Nee"
    assert checked.reading.value("review.reason_not_agreed") == (
        "Het beeld van de werkhouding klopt niet."
    )


@pytest.mark.django_db
def test_staff_record_a_review_on_paper_and_reply_to_a_statement(world: World) -> None:
    review = open_review(world, outgoing(world))
    participant = review.participants.get()
    staff = client_for(world.care_coordinator)
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()  # noqa: DTZ011
    staff.post(
        reverse("consent:review_record", args=[world.pupil.pk]),
        {"participant": participant.pk, "way": "paper", "day": future},
    )
    participant.refresh_from_db()
    assert participant.seen_at is None  # a date in the future is refused
    staff.post(
        reverse("consent:review_record", args=[world.pupil.pk]),
        {"participant": participant.pk, "way": "paper", "day": "2026-11-02"},
    )
    participant.refresh_from_db()
    assert participant.way == "paper"
    assert recorded_review(world.pupil, world.school).agreed is True


@pytest.mark.django_db
def test_a_pupil_of_16_reviews_too(world: World) -> None:
    world.pupil.birth_date = dt.date.today().replace(year=dt.date.today().year - 16)  # noqa: DTZ011
    world.pupil.save()
    review = open_review(world, outgoing(world))
    assert sorted(p.is_pupil for p in review.participants.all()) == [False, True]


@pytest.mark.django_db
def test_portal_privacy(world: World) -> None:
    open_review(world, outgoing(world))
    url = portal_dossier(world.pupil)
    assert client_for(world.other_guardian_user).get(url).status_code == 404
    assert client_for(world.mentor).get(url).status_code == 404  # staff use the school pages
    assert client_for(None).get(url).status_code == 302
    stepfather_user = make_user("stiefvader@test.example", "Stef Stiefvader")
    stepfather = pupil_services.guardian_create(surname="Stiefvader", user=stepfather_user)
    pupil_services.guardian_link(
        pupil=world.pupil, guardian=stepfather, relationship="9", has_authority=False
    )
    without_authority = client_for(stepfather_user)
    assert without_authority.get(reverse("portal:child", args=[world.pupil.pk])).status_code == 200
    assert without_authority.get(url).status_code == 403
    assert (
        without_authority.get(reverse("portal:dossier_pdf", args=[world.pupil.pk])).status_code
        == 403
    )


@pytest.mark.django_db
def test_from_18_guardians_keep_access_only_when_the_pupil_allows(world: World) -> None:
    pupil = world.pupil_elsewhere
    pupil.birth_date = dt.date(2000, 1, 1)
    pupil.save()
    mother_user = make_user("moeder@test.example", "Mo Moeder")
    mother = pupil_services.guardian_create(surname="Ødegård", user=mother_user)
    pupil_services.guardian_link(pupil=pupil, guardian=mother, relationship="2", has_authority=True)
    child_url = reverse("portal:child", args=[pupil.pk])
    assert client_for(mother_user).get(child_url).status_code == 404
    own = client_for(world.pupil_user)
    own.post(
        reverse("portal:consents", args=[pupil.pk]),
        {"purpose": ConsentPurpose.GUARDIAN_ACCESS, "given": "yes"},
    )
    assert client_for(mother_user).get(child_url).status_code == 200
    own.post(
        reverse("portal:consents", args=[pupil.pk]),
        {"purpose": ConsentPurpose.GUARDIAN_ACCESS, "given": "no"},
    )
    assert client_for(mother_user).get(child_url).status_code == 404


@pytest.mark.django_db
def test_consent_is_decided_by_who_the_age_rules_name(world: World) -> None:
    url = reverse("portal:consents", args=[world.pupil.pk])
    guardian = client_for(world.guardian_user)
    guardian.post(url, {"purpose": ConsentPurpose.CARE_ADVISORY_TEAM, "given": "yes"})
    page = guardian.get(url).content.decode()
    assert "Toestemming gegeven." in page
    world.pupil.birth_date = dt.date.today().replace(year=dt.date.today().year - 16)  # noqa: DTZ011
    world.pupil.save()
    refused = guardian.post(
        url, {"purpose": ConsentPurpose.CARE_ADVISORY_TEAM, "given": "no"}, follow=True
    )
    assert "Vanaf 16 beslist de leerling" in refused.content.decode()


@pytest.mark.django_db
def test_pdf_copy_renders_and_contains_the_dossier(world: World) -> None:
    open_review(world, outgoing(world))
    response = client_for(world.guardian_user).get(
        reverse("portal:dossier_pdf", args=[world.pupil.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Jan van 't Hof" in text
    assert "Leerling" in text
    assert "Testcollege" in text


@pytest.mark.django_db
def test_who_looked_shows_date_role_and_school(world: World) -> None:
    client_for(world.mentor).get(reverse("pupils:detail", args=[world.pupil.pk]))
    page = (
        client_for(world.guardian_user)
        .get(reverse("portal:looked", args=[world.pupil.pk]))
        .content.decode()
    )
    assert "mentor" in page
    assert "Testcollege" in page
    assert "Mia Mentor" not in page


@pytest.mark.django_db
def test_correction_request_reaches_the_school(world: World) -> None:
    outgoing(world)
    client_for(world.guardian_user).post(
        reverse("portal:correction", args=[world.pupil.pk]),
        {"text": "De geboortedatum klopt niet."},
    )
    page = (
        client_for(world.care_coordinator)
        .get(reverse("consent:reviews", args=[world.pupil.pk]))
        .content.decode()
    )
    assert "De geboortedatum klopt niet." in page


@pytest.mark.django_db
def test_review_page_for_staff_answers_each_persona(world: World) -> None:
    url = reverse("consent:reviews", args=[world.pupil.pk])
    expected = {
        "mentor": 200,
        "care_coordinator": 200,
        "colleague": 403,
        "other_school": 404,
        "guardian": 404,  # families never reach staff pages
        "other_guardian": 404,
        "pupil": 404,
        "anonymous": 302,
    }
    for persona, status in expected.items():
        assert client_for(world.personas()[persona]).get(url).status_code == status, persona
    assert Client().get(url).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_deadline_comes_from_the_region_and_a_reminder_goes_once(world: World) -> None:
    from overdracht.consent.services import review_reminders_send

    region = world.school.region
    region.review_days, region.reminder_days_before = 10, 3
    region.save()
    review = open_review(world, outgoing(world))
    assert (review.deadline - review.opened_at.date()).days == 10
    mail.outbox.clear()
    assert review_reminders_send(today=review.deadline - dt.timedelta(days=5)) == 0
    assert review_reminders_send(today=review.deadline - dt.timedelta(days=2)) == 1
    assert mail.outbox[-1].to == ["ouder@test.example"]
    assert review_reminders_send(today=review.deadline - dt.timedelta(days=1)) == 0


@pytest.mark.django_db
def test_an_action_that_needs_consent_is_refused_saying_which(world: World) -> None:
    from overdracht.consent.selectors import ConsentMissingError, consent_required

    with pytest.raises(ConsentMissingError, match=r"zorg- en adviesteam.*Greet van 't Hof"):
        consent_required(world.pupil, ConsentPurpose.CARE_ADVISORY_TEAM, school=world.school)
    client_for(world.guardian_user).post(
        reverse("portal:consents", args=[world.pupil.pk]),
        {"purpose": ConsentPurpose.CARE_ADVISORY_TEAM, "given": "yes"},
    )
    consent_required(world.pupil, ConsentPurpose.CARE_ADVISORY_TEAM, school=world.school)
