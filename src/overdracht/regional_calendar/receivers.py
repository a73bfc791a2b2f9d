"""A new transition gets its steps at once, in the same transaction that makes it, each
due on the date of its milestone in the region's calendar (on `pupils.events.
transitions_created`, so that `pupils` never calls the apps above it): one batch for the
transitions made together."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from overdracht.pupils.events import transitions_created
from overdracht.pupils.models import Transition
from overdracht.regional_calendar.selectors import due_dates
from overdracht.steps.services import steps_ensure


@receiver(transitions_created, dispatch_uid="regional_calendar.steps_of_new_transitions")
def steps_of_new_transitions(sender: Any, *, transitions: list[Transition], **_: Any) -> None:
    steps_ensure(transitions, due=due_dates(transitions), new=True)
