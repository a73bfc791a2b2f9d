"""Domain events the dossiers app owns, sent by its services inside their transaction.

- `intake_analysed(analysis: IntakeAnalysis)`: the receiving school saved (or changed) its
  intake analysis of a pupil (`intake.intake_analysis_save`).
- `dossier_sent(transition: Transition)`: the sending school delivered the dossier to a
  school of this installation (`sending.dossier_send`).
- `advice_recorded(pupil: Pupil, school_id: int, content: dict)`: the primary school saved
  its part with the advice; `content` says which of the provisional advice, the test's
  result and the final advice it holds (`services.section_save`)."""

from __future__ import annotations

from django.dispatch import Signal

intake_analysed = Signal()
dossier_sent = Signal()
advice_recorded = Signal()
