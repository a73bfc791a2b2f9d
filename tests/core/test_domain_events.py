"""Domain events: each app sends its own from its services, inside their transaction, and
nothing listens to another app's model signals."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.utils import timezone

import pytest

from overdracht.accounts.actor import Actor
from overdracht.consent.events import review_completed
from overdracht.consent.models import ReviewParticipant, ReviewWay
from overdracht.consent.services import review_record
from overdracht.core.school_year import current_school_year
from overdracht.pupils import services as pupil_services
from overdracht.pupils.events import transitions_created
from overdracht.pupils.models import Transition, TransitionKind
from tests.conftest import World
from tests.steps.helpers import leaving_for_mbo, review_waiting

SRC = Path(__file__).resolve().parents[2] / "src" / "overdracht"
MODEL_SIGNALS = re.compile(r"\b(pre|post)_(save|delete|init)\b|\bm2m_changed\b")


def test_no_rule_hangs_on_a_model_signal() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if MODEL_SIGNALS.search(line)
    ]
    assert found == [], "listen to an app's domain event (its events module) instead"


class RefusedError(Exception):
    pass


@pytest.mark.django_db
def test_a_failing_listener_rolls_the_change_back(world: World) -> None:
    def refuse(sender: Any, **kwargs: Any) -> None:
        raise RefusedError

    before = Transition.objects.count()
    transitions_created.connect(refuse, dispatch_uid="test.refuse")
    try:
        with pytest.raises(RefusedError):
            pupil_services.transition_create(
                pupil=world.classmate,
                kind=TransitionKind.VO_MBO,
                from_school=world.school,
                school_year=current_school_year() + 1,
            )
    finally:
        transitions_created.disconnect(dispatch_uid="test.refuse")
    assert Transition.objects.count() == before


@pytest.mark.django_db
def test_review_completed_is_sent_once_nobody_is_left_waiting(world: World, rf: Any) -> None:
    outgoing = leaving_for_mbo(world, world.classmate)
    review = review_waiting(outgoing, timezone.localdate(), [world.guardian], pupil=True)
    request = rf.post("/")
    request.user = world.care_coordinator
    sent: list[int] = []

    def seen(sender: Any, *, review: Any, **kwargs: Any) -> None:
        sent.append(review.pk)

    review_completed.connect(seen, dispatch_uid="test.seen")
    try:
        for participant in ReviewParticipant.objects.filter(review=review).order_by("pk"):
            assert sent == []
            review_record(
                actor=Actor.of(request),
                participant=participant,
                way=ReviewWay.PAPER,
                day=timezone.localdate(),
            )
    finally:
        review_completed.disconnect(dispatch_uid="test.seen")
    assert sent == [review.pk]
