"""Aftercare after arrival: the check-ins fall on dates from the pupil's start, appear in the
mentor's My tasks (and the care coordinator's for a pupil who needs support), are recorded
once, and the six-week one completes the aftercare step; a school sets its own moments."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.accounts.actor import Actor
from overdracht.aftercare.moments import MomentDefault
from overdracht.aftercare.selectors import check_ins_of, moments_of, to_do
from overdracht.aftercare.services import check_in_record, moments_save
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.pupils.models import Enrolment, Transition
from overdracht.steps.models import TransitionStep
from overdracht.worklist.selectors import worklist_of
from tests.conftest import World, client_for


def _arrived(world: World) -> Transition:
    transition = Transition.objects.get(pupil=world.pupil, kind="po_vo")
    Transition.objects.filter(pk=transition.pk).update(school_year=current_school_year())
    transition.refresh_from_db()
    return transition


@pytest.mark.django_db
def test_check_ins_fall_due_from_the_start_and_reach_my_tasks(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    transition = _arrived(world)
    start = Enrolment.objects.get(pupil=world.pupil, school=world.school).start_date
    rows = {r.moment.key: r for r in check_ins_of(transition)}
    assert rows["week_6"].due == start + dt.timedelta(days=42)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: start + dt.timedelta(days=35))
    assert [r.moment.key for r in to_do(world.mentor)] == ["week_1", "weeks_2_3", "week_6"]
    assert to_do(world.care_coordinator) == []  # Jan needs no support
    IntakeAnalysis.objects.create(
        pupil=world.pupil,
        school=world.school,
        needs_support=True,
        analysed_by_id=world.care_coordinator.pk,
    )
    assert [r.moment.key for r in to_do(world.care_coordinator)] == ["week_6"]
    texts = [i.text for i in worklist_of(world.mentor).items]
    assert any(t.startswith("Nazorg: Evaluatie van de overgedragen aanpak") for t in texts)


@pytest.mark.django_db
def test_the_mentor_records_the_six_week_check_in_once(world: World) -> None:
    transition = _arrived(world)
    url = reverse("aftercare:pupil", args=[transition.pk])
    mentor = client_for(world.mentor)
    answer = mentor.post(
        url, {"moment": "week_6", "going": "3", "notes": "Gaat goed", "passport_to_adjust": "on"}
    )
    assert answer.status_code == 302
    assert TransitionStep.objects.get(transition=transition, key="aftercare").done_at
    page = mentor.get(url).content.decode()
    assert "Goed" in page
    assert "paspoort bijstellen" in page
    with pytest.raises(ValidationError):
        check_in_record(
            actor=Actor(user=world.mentor),
            transition=transition,
            moment="week_6",
            going=2,
            notes="",
            passport_to_adjust=False,
            plan_to_adjust=False,
        )
    assert client_for(world.other_mentor).get(url).status_code == 404
    assert client_for(world.other_school_user).get(url).status_code == 404


@pytest.mark.django_db
def test_a_school_sets_its_own_moments(world: World) -> None:
    moments_save(
        actor=Actor(user=world.school_admin),
        school=world.school,
        moments=[MomentDefault("start", "Startgesprek", 5, False)],
    )
    assert [m.key for m in moments_of(world.school)] == ["start"]
    assert [m.key for m in moments_of(world.other_school)][:1] == ["week_1"]  # the defaults
    with pytest.raises(ValidationError):
        moments_save(
            actor=Actor(user=world.school_admin),
            school=world.school,
            moments=[MomentDefault("a", "A", 5, False), MomentDefault("a", "B", 9, False)],
        )
