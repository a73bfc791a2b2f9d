"""Feedback to the sending school: due from the moment it opens, prefilled (class, level,
position against the original advice), sent once per moment, read on the sending school's
former-pupils page and by the family; the sending school never reaches the receiving
school's dossier."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.services import section_save
from overdracht.feedback.models import Moment, PupilFeedback
from overdracht.feedback.selectors import due_for, position_against_advice, prefill, to_give
from overdracht.pupils.models import Enrolment, Transition
from overdracht.steps.models import TransitionStep
from overdracht.worklist.selectors import worklist_of
from tests.conftest import World, client_for

FORM = {
    "class_name": "1A",
    "year_group": "1",
    "level": "havo",
    "progress": "",
    "position": "above",
    "wellbeing": "3",
    "work_attitude": "2",
    "approach_worked": "partly",
    "approach_notes": "Vaste plek werkt; planning nog niet.",
    "tip": "Meer oefenen met plannen.",
}


def test_the_position_is_counted_against_the_original_advice() -> None:
    assert position_against_advice("havo", "vwo") == "above"
    assert position_against_advice("havo-vwo", "vwo") == "on"
    assert position_against_advice("havo-vwo", "havo") == "on"
    assert position_against_advice("vmbo-gt-havo", "vmbo-kb") == "below"
    assert position_against_advice("", "havo") == ""


@pytest.mark.django_db
def test_the_form_knows_the_class_the_level_and_the_position(world: World) -> None:
    transition = Transition.objects.get(pupil=world.pupil, kind="po_vo")
    Enrolment.objects.filter(pupil=world.pupil, school=world.school).update(level="havo")
    section_save(
        author_id=world.other_school_user.pk,
        pupil=world.pupil,
        kind=SectionKind.ADVICE,
        content={
            "final_advice": "vmbo-gt-havo",
            "final_date": "2026-03-20",
            "reconsidered_advice": "havo-vwo",
            "reconsidered_date": "2026-05-20",
            "reconsidered_reason": "Doorstroomtoets hoger",
        },
        based_on_version=0,
        school_id=world.other_school.pk,
    )
    data = prefill(transition, Moment.FIRST_REPORT)
    assert data["class_name"] == "1A"
    assert data["level"] == "havo"
    assert data["position"] == "on"  # the original advice, not the reconsidered one


@pytest.mark.django_db
def test_the_mentor_sends_it_once_and_the_sending_school_reads_it(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    transition = Transition.objects.get(pupil=world.pupil, kind="po_vo")
    start = transition.school_year
    assert [d.moment for d in due_for([transition], today=dt.date(start, 10, 31))] == []
    assert [d.moment for d in due_for([transition], today=dt.date(start, 11, 1))] == [
        "first_report"
    ]
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(start, 11, 2))
    assert [d.transition for d in to_give(world.mentor)] == [transition]
    mentor = client_for(world.mentor)
    url = reverse("feedback:give", args=[transition.pk, "first_report"])
    texts = [i.text for i in worklist_of(world.mentor).items]
    assert any(t.startswith("Terugkoppeling over Jan van 't Hof aan Andere School") for t in texts)
    assert mentor.post(url, FORM).status_code == 302
    again = mentor.post(url, FORM)
    assert "al verstuurd" in again.content.decode()
    feedback = PupilFeedback.objects.get()
    assert feedback.position == "above"
    assert TransitionStep.objects.get(transition=transition, key="feedback_sent").done_at
    page = client_for(world.other_school_user).get(
        reverse("feedback:former_pupils", args=[world.other_school.pk])
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "Jan van &#x27;t Hof" in html or "Jan van 't Hof" in html
    assert "Meer oefenen met plannen." in html
    family = client_for(world.guardian_user).get(reverse("portal:child", args=[world.pupil.pk]))
    assert "Meer oefenen met plannen." in family.content.decode()


@pytest.mark.django_db
def test_only_the_pupils_mentor_gives_it_and_the_sender_never_reads_the_dossier(
    world: World,
) -> None:
    transition = Transition.objects.get(pupil=world.pupil, kind="po_vo")
    url = reverse("feedback:give", args=[transition.pk, "first_report"])
    assert client_for(world.other_mentor).get(url).status_code == 404
    assert client_for(world.other_school_user).get(url).status_code == 404
    assert client_for(world.guardian_user).get(url).status_code == 404
    assert client_for(world.mentor).get(url.replace("first_report", "nonsense")).status_code == 404
    sender = client_for(world.other_school_user)
    assert sender.get(reverse("dossiers:dossier", args=[world.pupil.pk])).status_code == 404
    assert (
        client_for(world.other_school_user)
        .get(reverse("feedback:former_pupils", args=[world.school.pk]))
        .status_code
        == 404
    )
