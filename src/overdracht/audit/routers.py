"""Send the audit app to the `audit` database alias (its own connection)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Model

AUDIT_APP = "audit"
AUDIT_DB = "audit"


class AuditRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        return AUDIT_DB if model._meta.app_label == AUDIT_APP else None

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        return AUDIT_DB if model._meta.app_label == AUDIT_APP else None

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # Where the audit alias is only a second connection to the default database, the
        # tables are made once, through `default`; where it is a database of its own, the
        # audit tables live there and nothing else does.
        if settings.AUDIT_DATABASE_SEPARATE:
            if db == AUDIT_DB:
                return app_label == AUDIT_APP
            return app_label != AUDIT_APP
        return db != AUDIT_DB
