"""Is this installation ready to serve: both databases answer, every migration is applied,
and the OSO standard's files are there where they are required. No personal data, no names
of anything but the checks."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from overdracht.audit.routers import AUDIT_DB
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.schema import schema_available

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Readiness:
    checks: dict[str, bool]

    @property
    def ready(self) -> bool:
        return all(self.checks.values())


def _answers(alias: str) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        log.warning("readiness: database %s does not answer", alias, exc_info=True)
        return False


def _migrated(alias: str) -> bool:
    try:
        connection = connections[alias]
        executor = MigrationExecutor(connection)
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return False


def readiness() -> Readiness:
    checks = {"database": _answers("default"), "audit_database": _answers(AUDIT_DB)}
    checks["migrations"] = checks["database"] and _migrated("default")
    checks["audit_migrations"] = checks["audit_database"] and _migrated(AUDIT_DB)
    if getattr(settings, "OSO_STANDARD_REQUIRED", False):
        checks["oso_standard"] = schema_available() and official_rules_available()
    return Readiness(checks)
