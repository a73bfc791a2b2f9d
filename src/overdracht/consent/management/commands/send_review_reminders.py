from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.consent.services import review_reminders_send


class Command(BaseCommand):
    help = "Remind guardians and pupils who have not reviewed a dossier yet (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = review_reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
