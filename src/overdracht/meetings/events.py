"""Domain events the handovers app owns, sent by its services inside their transaction.

- `warm_handover_held(meeting: HandoverMeeting)`: minutes were written after the meeting's
  start, so the warm handover took place (`services.minutes_add`)."""

from __future__ import annotations

from django.dispatch import Signal

warm_handover_held = Signal()
