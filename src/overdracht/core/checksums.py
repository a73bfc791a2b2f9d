"""Row counts and checksums per table, to prove that a restored backup holds exactly what
was backed up (`manage.py db_checksums` on both sides, then compare).

Public API: `table_checksums(cursor, vendor, tables)`, `product_tables(connection)`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper


def product_tables(connection: BaseDatabaseWrapper) -> list[str]:
    """Every table in the database, sorted (the product's, the sessions', the task queue's)."""
    return sorted(connection.introspection.table_names())


def table_checksums(cursor: Any, vendor: str, tables: list[str]) -> dict[str, tuple[int, str]]:
    """{table: (rows, checksum)}: the checksum covers every column of every row, in an
    order that does not depend on how the rows were written."""
    found = {}
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        if vendor == "postgresql":
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"  # noqa: S608
                f" FROM {quoted} t"
            )
            count, digest = cursor.fetchone()
        else:
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608
            rows = sorted(repr(row) for row in cursor.fetchall())
            count, digest = len(rows), hashlib.md5("|".join(rows).encode()).hexdigest()  # noqa: S324
        found[table] = (int(count), str(digest))
    return found
