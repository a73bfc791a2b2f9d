"""A new transition gets its steps at once, in the same transaction that makes it, each
due on the date of its milestone in the region's calendar (on `pupils.events.
transition_created`, so that `pupils` never calls the apps above it)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from overdracht.pupils.events import transition_created
from overdracht.pupils.models import Transition
from overdracht.regional_calendar.selectors import due_dates
from overdracht.steps.services import steps_ensure


@receiver(transition_created, dispatch_uid="regional_calendar.steps_of_new_transition")
def steps_of_new_transition(sender: Any, *, transition: Transition, **_: Any) -> None:
    steps_ensure([transition], due=due_dates([transition]), new=True)
