"""`manage.py audit_verify`: prove the audit trail's hash chain from the first event to the
last, or name the first broken link. Exit 1 when the chain is broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from overdracht.audit.selectors import chain_report


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain; name the first broken link."

    def handle(self, *args: Any, **options: Any) -> None:
        report = chain_report()
        if report.broken is not None:
            raise CommandError(
                f"Audit chain broken at event {report.broken.event_id}: {report.broken.reason} "
                f"({report.checked} events read)."
            )
        self.stdout.write(
            f"Audit chain intact: {report.checked} events; head {report.head}. "
            "Keep the head elsewhere to prove later that nothing before it was rewritten."
        )
