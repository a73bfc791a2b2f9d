from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.outbox.services import mail_retry_due


class Command(BaseCommand):
    help = "Try again the e-mails the mail server did not take yet (run every few minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        delivered, waiting = mail_retry_due()
        self.stdout.write(f"{delivered} e-mail(s) delivered; {waiting} still waiting.")
