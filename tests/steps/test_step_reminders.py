"""Owners of overdue steps get one reminder per step; steps belong to one side of a transition."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from overdracht.accounts.models import User
from overdracht.audit.models import AuditEvent
from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.steps.models import TransitionStep
from overdracht.steps.reminders import step_reminders_send
from overdracht.steps.selectors import my_steps
from tests.conftest import verified_login


@pytest.fixture
def demo(db: None) -> None:
    demo_region_load()


def _step(key: str) -> TransitionStep:
    step = (
        TransitionStep.objects.filter(
            transition__from_school__name="OBS De Regenboog", key=key, done_at__isnull=True
        )
        .select_related("transition__pupil")
        .order_by("pk")
        .first()
    )
    assert step is not None
    return step


@pytest.mark.django_db(transaction=True)
def test_overdue_step_reminds_its_owner_once(demo: None) -> None:
    TransitionStep.objects.update(reminded_at=dt.date(2000, 1, 1))  # quiet the demo's steps
    step = _step("advice_given")
    TransitionStep.objects.filter(pk=step.pk).update(
        due_date=dt.date(2026, 1, 31), reminded_at=None
    )
    mail.outbox.clear()
    assert step_reminders_send(today=dt.date(2026, 2, 2)) == 1
    (message,) = mail.outbox
    assert message.to == ["groep8@regenboog.example"]
    assert step.transition.pupil.name in message.body
    assert "Definitief schooladvies gegeven (31-01-2026)" in message.body
    assert step_reminders_send(today=dt.date(2026, 2, 3)) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_steps_belong_to_the_school_that_does_them(demo: None) -> None:
    received = _step("received")
    TransitionStep.objects.filter(pk=received.pk).update(due_date=dt.date(2026, 3, 1))
    sent = _step("dossier_sent")
    TransitionStep.objects.filter(pk=sent.pk).update(due_date=dt.date(2026, 3, 1))
    ib = User.objects.get(email="ib@regenboog.example")  # care coordinator, sending school
    mine = {s.pk for s in my_steps(ib)}
    assert sent.pk in mine
    assert received.pk not in mine  # the receiving school's care coordinator does that


@pytest.mark.django_db
def test_owner_marks_a_step_done_from_my_tasks_and_it_is_audited(demo: None) -> None:
    sent = _step("dossier_sent")
    TransitionStep.objects.filter(pk=sent.pk).update(due_date=dt.date(2026, 3, 1))
    ib = verified_login(Client(), User.objects.get(email="ib@regenboog.example"))
    assert sent.transition.pupil.name in ib.get(reverse("worklist:index")).content.decode()
    colleague = verified_login(Client(), User.objects.get(email="groep8@regenboog.example"))
    assert colleague.post(reverse("steps:step_done", args=[sent.pk])).status_code == 404
    assert ib.post(reverse("steps:step_done", args=[sent.pk])).status_code == 302
    sent.refresh_from_db()
    assert sent.done_at is not None
    event = AuditEvent.objects.get(action="step.done")
    assert event.subject_pupil_id == sent.transition.pupil_id
    assert event.target == f"step:{sent.pk}"


@pytest.mark.django_db(transaction=True)
def test_a_near_milestone_reminds_each_school_with_pupils_to_go_once(demo: None) -> None:
    from overdracht.regional_calendar.models import Milestone
    from overdracht.regional_calendar.reminders import milestone_reminders_send

    final = Milestone.objects.get(key="final_advice", school_year=current_school_year())
    mail.outbox.clear()
    # the region reminds 3 days ahead: a week before is too early
    assert milestone_reminders_send(today=final.date - dt.timedelta(days=7)) == 0
    day = final.date - dt.timedelta(days=2)
    sent = milestone_reminders_send(today=day)
    assert sent == len(mail.outbox)  # to the teachers of the PO schools with pupils to go
    (to_regenboog,) = [m for m in mail.outbox if m.to == ["groep8@regenboog.example"]]
    assert to_regenboog.subject == "Binnenkort: Definitief schooladvies"
    # 29 pupils in groep 8; the demo wrote the final advice of a few of them already
    still_open = TransitionStep.objects.filter(
        key="advice_given",
        transition__from_school__name="OBS De Regenboog",
        transition__school_year=current_school_year() + 1,
        done_at__isnull=True,
    ).count()
    assert 0 < still_open < 29
    assert f"nog open voor {still_open} leerlingen" in to_regenboog.body
    assert "Advies nooit verlaagd" in to_regenboog.body  # the milestone's checklist
    assert milestone_reminders_send(today=day + dt.timedelta(days=1)) == 0
    assert not any(
        "regenboog" in address
        for m in mail.outbox
        if m.subject.startswith("Binnenkort: Uitslag")
        for address in m.to
    )
