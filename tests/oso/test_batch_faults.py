"""Fault tests for the import batch: a worker that dies in the middle of a batch leaves no
dossier half-imported, and the batch goes on when the worker starts again — each file
imported exactly once. In-process (the task interrupted at chosen points, on every
database) and with a real worker process killed with SIGKILL (PostgreSQL, where a second
process can share the test database)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from django.conf import settings
from django.db import connection

import pytest
from stdnum.nl import bsn as bsn_check

from overdracht.oso import batches
from overdracht.oso.batches import import_batch_run, import_batches_resume
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import (
    BatchState,
    ImportBatch,
    ImportBatchFile,
    ImportStatus,
    ReceivedDossier,
)
from overdracht.oso.services import dossier_import
from tests.conftest import World

ROOT = Path(__file__).resolve().parents[2]


class WorkerKilled(BaseException):
    """What the process sees when it is killed: nothing after this point runs."""


def numbers(count: int) -> list[str]:
    found = (f"99994{i:04d}" for i in range(10000))
    return [n for n in found if bsn_check.is_valid(n)][:count]


def batch_of(world: World, count: int) -> ImportBatch:
    batch = ImportBatch.objects.create(school=world.school, total=count)
    ImportBatchFile.objects.bulk_create(
        ImportBatchFile(
            batch=batch,
            position=i,
            name=f"d{i}.xml",
            data=dossier_xml(bsn=number, surname=f"Fout{i}", attachments=0, tests=2, seed=i),
        )
        for i, number in enumerate(numbers(count))
    )
    return batch


def killed_at(file_number: int, *, after_import: bool) -> Callable[..., Any]:
    """dossier_import as the task calls it, with the process dying at the given file:
    before its import, or after the import committed but before the file is marked."""
    calls = {"n": 0}

    def fake(**kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == file_number and not after_import:
            raise WorkerKilled
        outcome = dossier_import(**kwargs)
        if calls["n"] == file_number:
            raise WorkerKilled
        return outcome

    return fake


@pytest.mark.django_db
@pytest.mark.parametrize("after_import", [False, True])
def test_a_batch_interrupted_halfway_goes_on_and_imports_each_file_once(
    world: World, after_import: bool
) -> None:
    batch = batch_of(world, 5)
    with (
        mock.patch.object(batches, "dossier_import", killed_at(3, after_import=after_import)),
        pytest.raises(WorkerKilled),
    ):
        import_batch_run.call(batch_id=batch.pk)
    statuses = list(batch.files.order_by("position").values_list("status", flat=True))
    assert statuses == [
        "imported",
        "imported",
        ImportStatus.CLAIMED,
        ImportStatus.WAITING,
        ImportStatus.WAITING,
    ]
    assert ReceivedDossier.objects.count() == (3 if after_import else 2)
    batch.refresh_from_db()
    assert (batch.state, batch.done) == (BatchState.RUNNING, 2)

    assert import_batches_resume() == [batch.pk]  # the test backend runs it at once
    batch.refresh_from_db()
    assert (batch.state, batch.done) == (BatchState.FINISHED, 5)
    statuses = list(batch.files.order_by("position").values_list("status", flat=True))
    third = "unchanged" if after_import else "imported"
    assert statuses == ["imported", "imported", third, "imported", "imported"]
    assert ReceivedDossier.objects.count() == 5  # one per pupil: nothing twice
    assert import_batches_resume() == []  # nothing left to resume


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a second process shares the test database only on PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_halfway_and_started_again_finishes_the_batch(world: World) -> None:
    count = 40
    batch = batch_of(world, count)
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "overdracht.conf.test",
        "OVERDRACHT_TEST_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/"
        f"{db['NAME']}",
        "AUDIT_DATABASE_URL": "",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]

    def worker() -> subprocess.Popen[bytes]:
        # Our own manage.py with fixed arguments: no untrusted input reaches the command.
        subprocess.run([*manage, "import_batches_resume"], env=env, check=True, cwd=ROOT)  # noqa: S603
        return subprocess.Popen(  # noqa: S603
            [*manage, "db_worker", "--batch", "--no-reload", "--interval", "0.1"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def done() -> int:
        return ImportBatch.objects.get(pk=batch.pk).done

    first = worker()
    deadline = time.monotonic() + 120
    while done() < 3 and time.monotonic() < deadline and first.poll() is None:
        connection.close()  # a fresh look at what the worker committed
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    halfway = done()
    assert 3 <= halfway < count, f"the worker was not killed halfway ({halfway} of {count})"
    assert ReceivedDossier.objects.count() in (halfway, halfway + 1)  # nothing half-written

    second = worker()
    assert second.wait(timeout=300) == 0
    found = ImportBatch.objects.get(pk=batch.pk)
    assert (found.state, found.done) == (BatchState.FINISHED, count)
    assert not found.files.filter(status__in=(ImportStatus.WAITING, ImportStatus.CLAIMED)).exists()
    assert ReceivedDossier.objects.count() == count
