"""The mentor handover after the rollover: this year's mentor writes it, next year's reads
and confirms it (and from then on owns the pupil's agreements and follows the referrals and
the OPP); others get 404; a teacher who no longer teaches the pupil loses the passport on the
first day of the new school year, and the new teachers get it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.care.models import DevelopmentPlan, Referral
from overdracht.core.school_year import current_school_year
from overdracht.meetings.models import Agreement, HandoverMeeting
from overdracht.mentor_handover.models import MentorHandover
from overdracht.mentor_handover.selectors import to_read, to_write
from overdracht.passports.services import passport_save
from overdracht.promotion import rollover as rollovers
from overdracht.promotion.models import Outcome, Rollover
from overdracht.promotion.services import class_plan_save, decision_save
from overdracht.pupils.models import Enrolment, Transition
from overdracht.schools.models import ClassGroup
from overdracht.schools.services import class_group_teacher_add
from overdracht.steps.models import TransitionStep
from overdracht.worklist.selectors import worklist_of
from tests.conftest import World, client_for, make_user

YEAR = current_school_year()


@pytest.fixture
def moved(world: World, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    """Jan (1A, mentor Mia) is promoted to 2A, whose mentor next year is Nina; he has an open
    agreement with Mia, an open referral and an OPP."""
    actor = Actor(user=world.mentor)
    new_mentor = make_user("nina@test.example", "Nina Nieuw")
    enrolment = Enrolment.objects.get(pupil=world.pupil, school=world.school, school_year=YEAR)
    decision_save(
        actor=actor,
        enrolment=enrolment,
        insufficient_marks=2,
        outcome=Outcome.CONDITIONS,
        conditions="Herkansing wiskunde",
    )
    class_plan_save(
        school=world.school, school_year=YEAR + 1, name="2A", year_group=2, mentor=new_mentor
    )
    with django_capture_on_commit_callbacks(execute=True):
        rollovers.rollover_request(actor=actor, school=world.school, from_year=YEAR)
    po_vo = Transition.objects.get(pupil=world.pupil, kind="po_vo")
    meeting = HandoverMeeting.objects.create(
        transition=po_vo, starts_at=timezone.now(), created_by_id=world.mentor.pk
    )
    agreement = Agreement.objects.create(
        meeting=meeting,
        text="Startgesprek met ouders",
        owner=world.mentor,
        due_date=dt.date(YEAR + 1, 9, 1),
        created_by_id=world.mentor.pk,
    )
    referral = Referral.objects.create(
        pupil=world.pupil,
        school=world.school,
        level="izo",
        reason="Faalangst",
        created_by_id=world.mentor.pk,
        mentor_id=world.mentor.pk,
    )
    plan = DevelopmentPlan.objects.create(
        pupil=world.pupil,
        school=world.school,
        support_started=dt.date(YEAR, 9, 1),
        due=dt.date(YEAR, 10, 13),
        next_evaluation=dt.date(YEAR + 1, 10, 1),
        created_by_id=world.care_coordinator.pk,
    )
    transition = Transition.objects.get(pupil=world.pupil, kind="within_school")
    return {
        "new_mentor": new_mentor,
        "transition": transition,
        "agreement": agreement,
        "referral": referral,
        "plan": plan,
        "url": reverse("mentor_handover:handover", args=[transition.pk]),
    }


def _answers(**extra: str) -> dict[str, str]:
    return {
        "form": "write",
        "typing": "Jan is behulpzaam en werkt hard.",
        "what_worked": "Vaste plek vooraan.",
        **extra,
    }


@pytest.mark.django_db
def test_the_old_mentor_writes_and_the_new_mentor_reads_and_takes_over(
    world: World, moved: dict[str, Any]
) -> None:
    new_mentor: User = moved["new_mentor"]
    assert [r.pupil for r in to_write(world.mentor)] == [world.pupil]
    assert to_read(new_mentor) == []
    texts = [i.text for i in worklist_of(world.mentor).items]
    assert "Schrijf de mentoroverdracht van Jan van 't Hof (naar 2A)" in texts

    old = client_for(world.mentor)
    page = old.get(moved["url"]).content.decode()
    assert "Bevorderd onder voorwaarden: Herkansing wiskunde." in page  # filled in already
    assert "Volgende evaluatie 01-10-" in page or "volgende evaluatie 01-10-" in page
    refused = old.post(moved["url"], {"form": "write", "typing": ""})
    assert "Beschrijf de leerling eerst in een paar zinnen." in refused.content.decode()
    assert old.post(moved["url"], _answers(conversation_wanted="on")).status_code == 302
    handover = MentorHandover.objects.get()
    assert handover.answers["what_worked"] == "Vaste plek vooraan."
    assert TransitionStep.objects.get(
        transition=moved["transition"], key="handover_written"
    ).done_at

    assert [r.pupil for r in to_read(new_mentor)] == [world.pupil]
    texts = [i.text for i in worklist_of(new_mentor).items]
    assert "Lees de mentoroverdracht van Jan van 't Hof; er is een gesprek gewenst" in texts
    new = client_for(new_mentor)
    page = new.get(moved["url"]).content.decode()
    assert "Vaste plek vooraan." in page
    assert "Plan het gesprek" in page
    new.post(moved["url"], {"form": "confirm"})
    handover.refresh_from_db()
    assert handover.confirmed_by_id == new_mentor.pk
    assert TransitionStep.objects.get(
        transition=moved["transition"], key="handover_confirmed"
    ).done_at
    moved["agreement"].refresh_from_db()
    assert moved["agreement"].owner == new_mentor
    assert Referral.objects.get(pk=moved["referral"].pk).mentor_id == new_mentor.pk
    assert DevelopmentPlan.objects.get(pk=moved["plan"].pk).mentor_id == new_mentor.pk
    assert to_read(new_mentor) == []
    # a written handover is work: the rollover can no longer be undone
    assert rollovers.undo_blockers(Rollover.objects.get())


@pytest.mark.django_db
def test_nobody_else_reaches_a_handover(world: World, moved: dict[str, Any]) -> None:
    assert client_for(world.colleague).get(moved["url"]).status_code == 404  # a teacher
    assert client_for(world.other_school_user).get(moved["url"]).status_code == 404
    assert client_for(world.guardian_user).get(moved["url"]).status_code == 404
    assert client_for(world.care_coordinator).get(moved["url"]).status_code == 200
    new = client_for(moved["new_mentor"])
    assert new.post(moved["url"], _answers()).status_code == 200  # reads, does not write
    assert not MentorHandover.objects.exists()


@pytest.mark.django_db
def test_the_passport_follows_the_class_on_the_first_day_of_the_new_year(
    world: World, moved: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    passport_save(
        actor=Actor(user=world.care_coordinator),
        pupil=world.pupil,
        tips=["Vooraan laten zitten", "Korte instructie", "Check of de opdracht helder is"],
        strengths="Rekenen",
        what_works="Korte opdrachten",
        what_does_not_work="",
        arrangements=[],
        contact="",
        valid_until=None,
        school_id=world.school.pk,
    )
    old_teacher = make_user("oud@test.example", "Olaf Oud")
    class_group_teacher_add(class_group=world.class_group, user=old_teacher, subject="Engels")
    new_teacher = make_user("nieuw@test.example", "Nora Nieuw")
    two_a = ClassGroup.objects.get(school=world.school, school_year=YEAR + 1, name="2A")
    class_group_teacher_add(class_group=two_a, user=new_teacher, subject="Frans")
    url = reverse("passports:passport", args=[world.pupil.pk])
    assert client_for(old_teacher).get(url).status_code == 200
    assert client_for(new_teacher).get(url).status_code != 200
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(YEAR + 1, 8, 1))
    assert client_for(old_teacher).get(url).status_code != 200
    assert client_for(new_teacher).get(url).status_code == 200
