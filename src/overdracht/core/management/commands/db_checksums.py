"""Print the row count and a checksum of every table: run it on the database and on its
restored backup, and compare the two outputs (docs/developers/backup.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connections

from overdracht.core.checksums import product_tables, table_checksums


class Command(BaseCommand):
    help = "Row count and checksum per table, to compare a database with its restored backup."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        connection = connections[options["database"]]
        with connection.cursor() as cursor:
            found = table_checksums(cursor, connection.vendor, product_tables(connection))
        for table, (rows, digest) in found.items():
            self.stdout.write(f"{table}\t{rows}\t{digest}")
