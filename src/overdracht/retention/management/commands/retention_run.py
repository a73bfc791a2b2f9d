"""`manage.py retention_run [--apply]`: the daily retention job (dry run unless --apply)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from overdracht.retention.services import retention_run


class Command(BaseCommand):
    help = (
        "Find what has passed its retention period; with --apply delete what has been due "
        "for the notice period. Without --apply nothing changes (a dry run)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="delete (default: dry run)")
        parser.add_argument("--today", type=dt.date.fromisoformat, help="YYYY-MM-DD (tests)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        report = retention_run(today=today, dry_run=not options["apply"])
        mode = "dry run" if report.dry_run else "applied"
        self.stdout.write(f"Retention {mode} for {today.isoformat()}:")
        for school_id, categories in sorted(report.schools.items()):
            for category, counts in sorted(categories.items()):
                parts = ", ".join(f"{k} {v}" for k, v in counts.items())
                self.stdout.write(f"  school {school_id} · {category}: {parts}")
        for category, rows in sorted(report.rows.items()):
            parts = ", ".join(f"{k} {v}" for k, v in sorted(rows.items()))
            self.stdout.write(f"  deleted · {category}: {parts}")
        if not report.schools:
            self.stdout.write("  nothing is due.")
