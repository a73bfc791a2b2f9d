from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.regional_calendar.reminders import milestone_reminders_send
from overdracht.steps.reminders import step_reminders_send


class Command(BaseCommand):
    help = (
        "Remind the owners of transition steps that are past their date, and the staff "
        "responsible for a milestone that is near (run daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{step_reminders_send()} owner(s) reminded of overdue steps.")
        self.stdout.write(f"{milestone_reminders_send()} reminder(s) of a coming milestone.")
