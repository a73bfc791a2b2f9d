"""Run when the worker starts (before `db_worker`): a rollover a stopped worker left halfway
goes on."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.promotion.rollover import rollovers_resume


class Command(BaseCommand):
    help = "Queue again the rollovers a stopped worker left halfway."

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = rollovers_resume()
        self.stdout.write(f"{len(resumed)} rollover(s) queued again: {resumed}")
