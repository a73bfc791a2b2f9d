"""The dossiers app listens to `oso.dossier_received`: the parts a received file carries
fill the receiving school's dossier of the pupil (the rule lives in `sending.received_fill`
and `services.sections_receive`; this module only connects them)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from overdracht.dossiers.sending import received_fill
from overdracht.oso.events import dossier_received
from overdracht.oso.models import ReceivedDossier


@receiver(dossier_received, dispatch_uid="dossiers.fill_from_received")
def fill_from_received(sender: Any, *, dossier: ReceivedDossier, **_: Any) -> None:
    received_fill(dossier)
