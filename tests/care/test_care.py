"""Care routing: a mentor refers, the care team records the outcome, escalation to the ZAT
only with consent, to the SWV for the partnership, and the OPP's six weeks."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.accounts.actor import Actor
from overdracht.care import services
from overdracht.care.models import DevelopmentPlan, Referral
from overdracht.consent.models import ConsentPurpose
from overdracht.worklist.selectors import worklist_of
from tests.conftest import World, client_for


def refer(world: World) -> Referral:
    client_for(world.mentor).post(
        reverse("care:refer", args=[world.pupil.pk]),
        {"level": "izo", "reason": "Trekt zich terug in de klas.", "urgency": "soon"},
    )
    return Referral.objects.get()


@pytest.mark.django_db
def test_mentor_refers_and_the_care_team_records_the_outcome(world: World) -> None:
    referral = refer(world)
    care = client_for(world.care_coordinator)
    agenda = reverse("care:agenda", args=[world.school.pk])
    day = (timezone.localdate() + dt.timedelta(days=4)).isoformat()
    care.post(agenda, {"action": "meeting", "date": day})
    referral.refresh_from_db()
    assert referral.meeting is not None
    page = care.get(agenda).content.decode()
    assert "Trekt zich terug in de klas." in page
    care.post(
        agenda,
        {
            "action": "outcome",
            "referral": referral.pk,
            "outcome": "Gesprek met ouders",
            "actions": "Mentor plant gesprek",
            "close": "1",
        },
    )
    referral.refresh_from_db()
    assert referral.outcome == "Gesprek met ouders"
    assert referral.closed_at is not None
    assert client_for(world.mentor).get(agenda).status_code == 403
    assert client_for(world.other_school_user).get(agenda).status_code == 404


@pytest.mark.django_db
def test_mentor_cannot_escalate_directly(world: World) -> None:
    response = client_for(world.mentor).post(
        reverse("care:refer", args=[world.pupil.pk]),
        {"level": "zat", "reason": "x", "urgency": "normal"},
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Referral.objects.exists()


@pytest.mark.django_db
def test_zat_is_refused_without_consent_and_accepted_with_it(world: World) -> None:
    referral = refer(world)
    care = client_for(world.care_coordinator)
    agenda = reverse("care:agenda", args=[world.school.pk])
    refused = care.post(
        agenda, {"action": "escalate", "referral": referral.pk, "level": "zat"}, follow=True
    )
    assert "zorg- en adviesteam" in refused.content.decode()
    assert "Greet van &#x27;t Hof" in refused.content.decode()
    assert Referral.objects.count() == 1
    client_for(world.guardian_user).post(
        reverse("portal:consents", args=[world.pupil.pk]),
        {"purpose": ConsentPurpose.CARE_ADVISORY_TEAM, "given": "yes"},
    )
    care.post(agenda, {"action": "escalate", "referral": referral.pk, "level": "zat"})
    escalated = Referral.objects.get(level="zat")
    assert escalated.escalated_from == referral


@pytest.mark.django_db
def test_swv_referral_reaches_the_partnership(world: World) -> None:
    referral = refer(world)
    client_for(world.care_coordinator).post(
        reverse("care:agenda", args=[world.school.pk]),
        {
            "action": "escalate",
            "referral": referral.pk,
            "level": "swv",
            "reason": "Arrangement aanvragen",
        },
    )
    page = client_for(world.partnership_user).get(reverse("care:partnership")).content.decode()
    assert "Jan van &#x27;t Hof" in page
    assert "Arrangement aanvragen" in page
    assert (
        "Jan"
        not in client_for(world.colleague)
        .get(reverse("care:partnership"))
        .content.decode()
        .split("<main")[1]
        .split("</main>")[0]
    )


@pytest.mark.django_db
def test_opp_is_due_six_weeks_after_support_starts(world: World) -> None:
    care = client_for(world.care_coordinator)
    url = reverse("care:development_plan", args=[world.pupil.pk])
    care.post(url, {"support_started": "2026-09-01"})
    plan = DevelopmentPlan.objects.get()
    assert plan.due == dt.date(2026, 10, 13)
    care.post(url, {"completed_at": "2026-10-10", "pupil_view": "Ik wil vooraan zitten."})
    plan.refresh_from_db()
    assert plan.next_evaluation == dt.date(2027, 10, 10)
    assert plan.pupil_view == "Ik wil vooraan zitten."
    assert client_for(world.mentor).get(url).status_code == 403


@pytest.mark.django_db
def test_the_referring_mentor_hears_the_care_teams_outcome(world: World) -> None:
    referral = services.referral_create(
        actor=Actor(user=world.mentor),
        pupil=world.pupil,
        school=world.school,
        level="izo",
        reason="Komt vaak te laat.",
        urgency="soon",
    )
    assert not [i for i in worklist_of(world.mentor).items if "zorgteam" in i.text]
    services.referral_outcome(
        actor=Actor(user=world.care_coordinator),
        referral=referral,
        outcome="Gesprek met ouders; schoolmaatschappelijk werk kijkt mee.",
        actions="Mentor belt ouders deze week.",
        close=False,
    )
    items = [i for i in worklist_of(world.mentor).items if "zorgteam" in i.text]
    assert [i.text for i in items] == [f"De uitkomst van het zorgteam over {world.pupil.name}"]
    assert items[0].url == reverse("care:refer", args=[world.pupil.pk])
    mentor = client_for(world.mentor)
    page = mentor.get(items[0].url).content.decode()
    assert "Gesprek met ouders; schoolmaatschappelijk werk kijkt mee." in page
    assert "Mentor belt ouders deze week." in page
    # another mentor does not hear it, and cannot mark it read
    assert not [i for i in worklist_of(world.other_mentor).items if "zorgteam" in i.text]
    read = reverse("care:outcome_seen", args=[world.pupil.pk, referral.pk])
    assert client_for(world.other_mentor).post(read).status_code == 403  # not his pupil
    assert mentor.post(read).status_code == 302
    assert not [i for i in worklist_of(world.mentor).items if "zorgteam" in i.text]
