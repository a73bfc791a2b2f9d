from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from overdracht.pupils.models import Transition
from overdracht.steps.catalogue import STEPS
from overdracht.steps.services import steps_ensure


class Command(BaseCommand):
    help = (
        "Give the transitions made before steps existed their steps, due on the region's "
        "calendar (idempotent; new transitions get them when they are made)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        missing = list(
            Transition.objects.filter(steps__isnull=True, kind__in=STEPS).select_related(
                "from_school__region", "to_school__region"
            )
        )
        with transaction.atomic():
            steps_ensure(missing)
        self.stdout.write(f"{len(missing)} transition(s) given their steps.")
