"""A new transition gets its steps at once, in the same transaction that makes it. The
`pupils` app does not know about steps; the handovers app listens instead."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from overdracht.handovers.calendar import steps_ensure
from overdracht.pupils.models import Transition


@receiver(post_save, sender=Transition, dispatch_uid="handovers.steps_of_new_transition")
def steps_of_new_transition(
    sender: type[Transition], instance: Transition, created: bool, raw: bool = False, **_: Any
) -> None:
    if created and not raw:
        steps_ensure([instance])
