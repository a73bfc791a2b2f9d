"""Print a new key for OVERDRACHT_ENCRYPTION_KEYS (keep it outside the database)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from overdracht.core.crypto import generate_key


class Command(BaseCommand):
    help = "Print a new Fernet key for OVERDRACHT_ENCRYPTION_KEYS."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(generate_key())
