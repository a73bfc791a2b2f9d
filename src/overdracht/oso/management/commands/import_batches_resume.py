"""Run when the worker starts (before `db_worker`): batches left unfinished by a stopped
worker go on where they were."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.oso.batches import import_batches_resume


class Command(BaseCommand):
    help = "Queue the import batches a stopped worker left unfinished."

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = import_batches_resume()
        self.stdout.write(f"{len(resumed)} import batch(es) queued again: {resumed}")
