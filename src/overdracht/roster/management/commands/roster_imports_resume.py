"""Run when the worker starts (before `db_worker`): a roster import that a stopped worker
left halfway rolled back with it and is queued again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.roster.importing import roster_imports_resume


class Command(BaseCommand):
    help = "Queue the roster imports a stopped worker left unfinished."

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = roster_imports_resume()
        self.stdout.write(f"{len(resumed)} roster import(s) queued again: {resumed}")
