"""Domain events the pupils app owns. Each is sent by a service of this app inside the
transaction that makes the change, so a receiver's writes commit or roll back with it.

- `transition_created(transition: Transition)`: a step of the school career was made
  (`services.transition_create`)."""

from __future__ import annotations

from django.dispatch import Signal

transition_created = Signal()
