"""Domain events the OSO app owns, sent by its services inside the import's transaction.

- `dossier_received(dossier: ReceivedDossier)`: a dossier was stored as the current version
  for a known pupil and its transition (`services.dossier_import`); a held or unchanged
  dossier sends nothing."""

from __future__ import annotations

from django.dispatch import Signal

dossier_received = Signal()
