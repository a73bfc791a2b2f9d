"""Database aliases: `default` for the product, `audit` for the audit trail.

The audit trail is written over its own connection so that an audit event is committed even
when the transaction of the request that caused it rolls back (see docs/adr/0002).
On PostgreSQL both aliases normally point at the same database; on SQLite the audit trail
lives in a file of its own, because SQLite allows only one writer per file at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url


def database_settings(*, database_url: str, audit_url: str | None, var_dir: Path) -> dict[str, Any]:
    default = dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)
    if default["ENGINE"] == "django.db.backends.sqlite3":
        default["CONN_MAX_AGE"] = 0
        # WAL lets the web server and the task worker read while one writes; NORMAL
        # synchronisation is durable in WAL mode except on power loss mid-checkpoint.
        default.setdefault("OPTIONS", {}).update(
            {
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        )
    else:
        # Parameters travel apart from the SQL (binary for attachments, no escaping).
        default.setdefault("OPTIONS", {}).update({"server_side_binding": True})
    if audit_url:
        audit = dj_database_url.parse(audit_url, conn_max_age=60, conn_health_checks=True)
    elif default["ENGINE"] == "django.db.backends.sqlite3":
        name = str(default["NAME"])
        audit_name = ":memory:" if name == ":memory:" else str(var_dir / "audit.sqlite3")
        # The hash chain reads the last event and writes the next: take the write lock
        # first, so two processes never chain onto the same event.
        audit = {
            **default,
            "NAME": audit_name,
            "OPTIONS": {**default.get("OPTIONS", {}), "transaction_mode": "IMMEDIATE"},
        }
    else:
        audit = {**default, "OPTIONS": dict(default.get("OPTIONS", {}))}
    return {"default": default, "audit": audit}


def audit_is_separate_database(databases: dict[str, Any]) -> bool:
    """True when the audit alias is a database of its own, not a second connection."""
    if databases["default"]["ENGINE"] == "django.db.backends.sqlite3":
        return True  # in tests each in-memory alias is its own database, too
    keys = ("ENGINE", "NAME", "HOST", "PORT")
    return any(databases["default"].get(k) != databases["audit"].get(k) for k in keys)
