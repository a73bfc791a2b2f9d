"""The team lead's pages and what the family sees: decisions recorded per pupil through the
form, the rollover run from its page, and the decision with its conditions in the portal
(for parents with authority and the pupil from 16; never the reason)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.promotion.models import PromotionDecision, Rollover
from overdracht.pupils.models import Enrolment
from overdracht.schools.services import membership_grant
from tests.conftest import World, client_for, make_user

YEAR = current_school_year()


@pytest.fixture
def team_lead(world: World) -> Client:
    user = make_user("teamleider@test.example", "Tom Teamleider")
    membership_grant(user=user, school=world.school, role="team_lead")
    return client_for(user)


def _enrolment(world: World) -> Enrolment:
    return Enrolment.objects.get(pupil=world.pupil, school=world.school, school_year=YEAR)


@pytest.mark.django_db
def test_the_team_lead_records_a_decision_with_conditions(world: World, team_lead: Client) -> None:
    overview = team_lead.get(reverse("promotion:overview", args=[world.school.pk]))
    assert overview.status_code == 200
    page = overview.content.decode()
    assert "Overgangsbesluiten per klas" in page
    assert "0\u20131 onvoldoendes: bevorderd" in page  # an en dash
    url = reverse("promotion:decide", args=[world.school.pk, _enrolment(world).pk])
    missing = team_lead.post(url, {"outcome": "conditions", "insufficient_marks": "2"})
    assert missing.status_code == 200
    assert "Zeg welke voorwaarden gelden." in missing.content.decode()
    assert not PromotionDecision.objects.exists()
    saved = team_lead.post(
        url,
        {
            "outcome": "conditions",
            "insufficient_marks": "2",
            "conditions": "Herkansing wiskunde",
            "reason": "Twijfel bij de vergadering",
        },
    )
    assert saved.status_code == 302
    decision = PromotionDecision.objects.get()
    assert (decision.outcome, decision.next_class_name) == ("conditions", "2A")
    klass = team_lead.get(reverse("promotion:class", args=[world.school.pk, world.class_group.pk]))
    assert "Bevorderd onder voorwaarden: Herkansing wiskunde" in klass.content.decode()


@pytest.mark.django_db
def test_the_rollover_runs_from_its_page_and_shows_its_report(
    world: World, team_lead: Client, django_capture_on_commit_callbacks: Any
) -> None:
    url = reverse("promotion:decide", args=[world.school.pk, _enrolment(world).pk])
    team_lead.post(url, {"outcome": "promoted", "insufficient_marks": "0"})
    page = team_lead.get(reverse("promotion:rollover", args=[world.school.pk]))
    assert page.status_code == 200
    assert (
        "Jan van &#x27;t Hof" in page.content.decode() or "Jan van 't Hof" in page.content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        team_lead.post(reverse("promotion:rollover", args=[world.school.pk]), {"action": "run"})
    assert Rollover.objects.get().state == "done"
    report = team_lead.get(reverse("promotion:rollover", args=[world.school.pk])).content.decode()
    assert "De leerlingen zijn doorgezet" in report
    assert "De doorzetting terugdraaien" in report
    figures = team_lead.get(
        reverse("promotion:rollover", args=[world.school.pk]),
        headers={"Accept": "application/json"},
    ).json()
    assert figures["finished"] is True
    team_lead.post(reverse("promotion:rollover", args=[world.school.pk]), {"action": "undo"})
    assert Rollover.objects.get().state == "undone"
    assert not Enrolment.objects.filter(school_year=YEAR + 1).exists()


@pytest.mark.django_db
def test_the_family_sees_the_decision_and_its_conditions_never_the_reason(
    world: World, team_lead: Client
) -> None:
    url = reverse("promotion:decide", args=[world.school.pk, _enrolment(world).pk])
    team_lead.post(
        url,
        {
            "outcome": "conditions",
            "conditions": "Herkansing wiskunde in augustus",
            "reason": "Vertrouwelijke twijfel",
        },
    )
    portal = client_for(world.guardian_user).get(reverse("portal:child", args=[world.pupil.pk]))
    page = portal.content.decode()
    assert "Bevorderd onder voorwaarden" in page
    assert "Herkansing wiskunde in augustus" in page
    assert "volgend jaar in klas 2A" in page
    assert "Vertrouwelijke twijfel" not in page
