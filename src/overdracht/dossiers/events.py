"""Domain events the dossiers app owns, sent by its services inside their transaction.

- `intake_analysed(analysis: IntakeAnalysis)`: the receiving school saved (or changed) its
  intake analysis of a pupil (`intake.intake_analysis_save`).
- `dossier_sent(transition: Transition)`: the sending school delivered the dossier to a
  school of this installation (`sending.dossier_send`)."""

from __future__ import annotations

from django.dispatch import Signal

intake_analysed = Signal()
dossier_sent = Signal()
