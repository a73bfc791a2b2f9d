"""Domain events the pupils app owns. Each is sent by a service of this app inside the
transaction that makes the change, so a receiver's writes commit or roll back with it.

- `transitions_created(transitions: list[Transition])`: steps of the school career were
  made (`services.transition_create`: one; `services.transitions_create`: many at once, a
  rollover).
- `pupil_registered(transition: Transition)`: the receiving school recorded the pupil's
  registration and asked for the dossier (`registration.registration_record`).
- `receiving_school_chosen(transition: Transition)`: the sending school recorded which
  school the pupil goes to (`registration.receiving_school_choose`)."""

from __future__ import annotations

from django.dispatch import Signal

transitions_created = Signal()
pupil_registered = Signal()
receiving_school_chosen = Signal()
