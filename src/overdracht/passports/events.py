"""Domain events the passports app owns, sent by its services inside their transaction.

- `passport_shared(passport: PassportVersion)`: a new version of the pupil passport is there
  for the pupil's teachers (`services.passport_save`)."""

from __future__ import annotations

from django.dispatch import Signal

passport_shared = Signal()
