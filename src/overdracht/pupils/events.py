"""Domain events the pupils app owns. Each is sent by a service of this app inside the
transaction that makes the change, so a receiver's writes commit or roll back with it.

- `transition_created(transition: Transition)`: a step of the school career was made
  (`services.transition_create`).
- `pupil_registered(transition: Transition)`: the receiving school recorded the pupil's
  registration and asked for the dossier (`registration.registration_record`).
- `receiving_school_chosen(transition: Transition)`: the sending school recorded which
  school the pupil goes to (`registration.receiving_school_choose`)."""

from __future__ import annotations

from django.dispatch import Signal

transition_created = Signal()
pupil_registered = Signal()
receiving_school_chosen = Signal()
