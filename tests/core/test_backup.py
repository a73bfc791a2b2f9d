"""A backup taken with the documented command (docs/developers/backup.md: `pg_dump
--format=custom`, then `pg_restore`) restores to identical row counts and checksums in
every table, encrypted values and the audit chain included (PostgreSQL only)."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

import psycopg
import pytest

from overdracht.audit.chain import chain_verify
from overdracht.core.checksums import product_tables, table_checksums
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.services import section_save
from overdracht.oso.generator import dossier_xml
from overdracht.oso.services import dossier_import
from tests.conftest import World

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="the documented backup is PostgreSQL's pg_dump and pg_restore",
)


def _url(name: str) -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgresql://{auth}@{db['HOST']}:{db['PORT']}/{name}"


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_to_identical_tables(world: World, tmp_path: Path) -> None:
    section_save(
        author_id=world.care_coordinator.pk,
        pupil=world.pupil,
        kind=SectionKind.DIAGNOSES,
        content={"diagnoses": "Dyslexie", "medication": False},
        based_on_version=0,
        school_id=world.school.pk,
    )
    outcome = dossier_import(
        data=dossier_xml(bsn="999990032", surname="Kok", attachments=1),
        name="k.xml",
        school=world.school,
    )
    assert outcome.dossier_id is not None
    tables = product_tables(connection)
    with connection.cursor() as cursor:
        live = table_checksums(cursor, "postgresql", tables)
    assert live["dossiers_dossiersection"][0] >= 1
    assert live["audit_auditevent"][0] >= 1

    dump = tmp_path / "overdracht.dump"
    name = f"restore_{uuid.uuid4().hex[:8]}"
    source = _url(settings.DATABASES["default"]["NAME"])
    subprocess.run(  # noqa: S603 - fixed commands of the documented procedure
        [
            shutil.which("pg_dump") or "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={dump}",
            source,
        ],
        check=True,
    )
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        subprocess.run(  # noqa: S603
            [
                shutil.which("pg_restore") or "pg_restore",
                "--no-owner",
                f"--dbname={_url(name)}",
                str(dump),
            ],
            check=True,
        )
        with psycopg.connect(_url(name)) as restored, restored.cursor() as cursor:
            assert table_checksums(cursor, "postgresql", tables) == live
            cursor.execute(
                "SELECT id, prev_hash, hash, occurred_at, action, actor_id, actor_role,"
                " school_id, subject_pupil_id, target, details, ip_address, request_id"
                " FROM audit_auditevent ORDER BY id"
            )
            columns = [c.name for c in cursor.description or []]
            report = chain_verify(dict(zip(columns, row, strict=True)) for row in cursor)
            assert report.broken is None, report
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
