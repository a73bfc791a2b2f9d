"""A step is done by itself when what it stands for happens in the product."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

import pytest
from stdnum.nl import bsn as bsn_check

from overdracht.accounts.actor import Actor
from overdracht.consent.models import ReviewParticipant, ReviewWay
from overdracht.consent.services import review_record
from overdracht.dossiers.intake import intake_analysis_save
from overdracht.oso.generator import dossier_xml
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Transition
from overdracht.steps.models import TransitionStep
from tests.conftest import World, client_for
from tests.steps.helpers import leaving_for_mbo, review_waiting


def _done(transition: Transition, key: str) -> dt.date | None:
    return TransitionStep.objects.get(transition=transition, key=key).done_at


@pytest.mark.django_db
def test_intake_analysis_and_passport_mark_their_steps(world: World, rf: Any) -> None:
    arrival = Transition.objects.get(pupil=world.pupil)
    assert _done(arrival, "analysed") is None
    request = rf.post("/")
    request.user = world.care_coordinator
    intake_analysis_save(
        actor=Actor.of(request),
        pupil=world.pupil,
        school=world.school,
        needs_support=False,
        discuss_in_person=False,
        refer_to_care_team=False,
        notes="",
    )
    assert _done(arrival, "analysed") == timezone.localdate()
    assert _done(arrival, "passport_shared") is None
    client_for(world.care_coordinator).post(
        reverse("passports:passport_edit", args=[world.pupil.pk]),
        {"tips": "Korte stappen.\nVroeg aankondigen.\nGeen onverwachte beurt."},
    )
    assert _done(arrival, "passport_shared") == timezone.localdate()
    page = client_for(world.care_coordinator).get(
        reverse("steps:pupil_steps", args=[world.pupil.pk])
    )
    assert "(gezien door Overdracht)" in page.content.decode()
    # the other school's steps of the same pupil are not touched
    assert _done(arrival, "dossier_sent") is None


@pytest.mark.django_db
def test_review_done_once_everyone_has_reviewed(world: World, rf: Any) -> None:
    outgoing = leaving_for_mbo(world, world.classmate)
    review = review_waiting(outgoing, timezone.localdate(), [world.guardian], pupil=True)
    request = rf.post("/")
    request.user = world.care_coordinator
    first = ReviewParticipant.objects.get(review=review, guardian=world.guardian)
    review_record(
        actor=Actor.of(request), participant=first, way=ReviewWay.PAPER, day=timezone.localdate()
    )
    assert _done(outgoing, "review_done") is None  # the pupil has not reviewed yet
    second = ReviewParticipant.objects.get(review=review, is_pupil=True)
    review_record(
        actor=Actor.of(request),
        participant=second,
        way=ReviewWay.CONVERSATION,
        day=timezone.localdate(),
    )
    assert _done(outgoing, "review_done") == timezone.localdate()


@pytest.mark.django_db
def test_an_imported_dossier_marks_received(world: World) -> None:
    number = next(n for n in (f"99997{i:04d}" for i in range(10000)) if bsn_check.is_valid(n))
    outcome = dossier_import(
        data=dossier_xml(bsn=number, surname="Verbeek", call_name="Lieke"),
        name="lieke.xml",
        school=world.school,
    )
    assert not outcome.rejected, outcome.problems
    assert outcome.pupil_id is not None
    transition = Transition.objects.get(pupil_id=outcome.pupil_id)
    assert _done(transition, "received") == timezone.localdate()
    assert _done(transition, "analysed") is None
