"""Re-encrypt every encrypted value under the current (first) key, in batches: after a new
key is put first in OVERDRACHT_ENCRYPTION_KEYS, and before the old one is dropped."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser

from overdracht.core.fields import EncryptedBinaryField, EncryptedJSONField, encrypt_rows


def encrypted_fields() -> list[tuple[Any, tuple[str, ...]]]:
    """Every model with encrypted fields, and those fields."""
    found = []
    for model in apps.get_models():
        names = tuple(
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, EncryptedJSONField | EncryptedBinaryField)
        )
        if names:
            found.append((model, names))
    return found


class Command(BaseCommand):
    help = "Re-encrypt all special-category data under the first key of OVERDRACHT_ENCRYPTION_KEYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=200, help="rows per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model, names in encrypted_fields():
            done = encrypt_rows(model, *names, batch=options["batch"])
            total += done
            self.stdout.write(f"{model._meta.label}: {done} rows ({', '.join(names)})")
        self.stdout.write(self.style.SUCCESS(f"{total} rows re-encrypted under the current key."))
