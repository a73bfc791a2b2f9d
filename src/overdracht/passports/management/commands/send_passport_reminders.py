from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.passports.reminders import passport_reminders_send


class Command(BaseCommand):
    help = "Remind mentors and teachers of passports they have not read (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{passport_reminders_send()} reader(s) reminded.")
