"""Import batches: the upload page's files, imported by a background task.

Public API: `import_batch_create` (one transaction: the batch and its files, then the task
is queued once that commits), the task `import_batch_run`, and `import_batches_resume`
(when the worker starts again after a crash: the batches it left unfinished go on).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from django_tasks import task

from overdracht.oso.archive import files_from_upload
from overdracht.oso.models import BatchState, ImportBatch, ImportBatchFile, ImportStatus
from overdracht.oso.problems import OsoFileError
from overdracht.oso.services import dossier_import
from overdracht.schools.models import School


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def import_batch_create(
    *, school: School, actor_id: int | None, uploads: list[Upload]
) -> ImportBatch:
    files: list[ImportBatchFile] = []
    for upload in uploads:
        try:
            found = files_from_upload(upload.name, upload.data)
        except OsoFileError as exc:
            files.append(
                ImportBatchFile(
                    name=upload.name[:255],
                    status=ImportStatus.REJECTED,
                    problems=[p.as_dict() for p in exc.problems],
                )
            )
            continue
        files += [ImportBatchFile(name=f.name[:255], data=f.data) for f in found]
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            school=school,
            created_by_id=actor_id,
            total=len(files),
            done=sum(1 for f in files if f.status),
        )
        for position, file in enumerate(files):
            file.batch, file.position = batch, position
        ImportBatchFile.objects.bulk_create(files)
        transaction.on_commit(lambda: import_batch_run.enqueue(batch_id=batch.pk))
    return batch


@task()
def import_batch_run(batch_id: int) -> None:
    """Import each waiting file of the batch; every dossier is its own transaction, so a
    crash halfway leaves the files done so far done and the rest waiting. A file is claimed
    before it is imported, so two runs of one batch never import a file twice."""
    batch = ImportBatch.objects.select_related("school").get(pk=batch_id)
    ImportBatch.objects.filter(pk=batch_id).update(state=BatchState.RUNNING)
    waiting = (
        batch.files.filter(status=ImportStatus.WAITING)
        .order_by("position")
        .values_list("pk", flat=True)
    )
    for file_id in list(waiting):
        if not ImportBatchFile.objects.filter(pk=file_id, status=ImportStatus.WAITING).update(
            status=ImportStatus.CLAIMED
        ):
            continue  # another run took it
        file = ImportBatchFile.objects.get(pk=file_id)
        outcome = dossier_import(
            data=bytes(file.data or b""),
            name=file.name,
            school=batch.school,
            actor_id=batch.created_by_id,
        )
        with transaction.atomic():
            ImportBatchFile.objects.filter(pk=file_id).update(
                status=outcome.status,
                pupil_id=outcome.pupil_id,
                dossier_id=outcome.dossier_id,
                problems=[p.as_dict() for p in outcome.problems],
                unmapped_count=len(outcome.unmapped),
                data=None,
            )
            ImportBatch.objects.filter(pk=batch_id).update(done=F("done") + 1)
    if not batch.files.filter(status__in=(ImportStatus.WAITING, ImportStatus.CLAIMED)).exists():
        ImportBatch.objects.filter(pk=batch_id).update(state=BatchState.FINISHED)


def import_batches_resume() -> list[int]:
    """After the worker stopped halfway (a crash, a deploy): the files it had claimed wait
    again and every unfinished batch is queued. Run it when the worker starts, before it
    takes tasks (`manage.py import_batches_resume`). A file that was imported but not yet
    marked is imported again and found unchanged: nothing is imported twice."""
    resumed = []
    for batch in ImportBatch.objects.exclude(state=BatchState.FINISHED).order_by("pk"):
        batch.files.filter(status=ImportStatus.CLAIMED).update(status=ImportStatus.WAITING)
        if batch.files.filter(status=ImportStatus.WAITING).exists():
            import_batch_run.enqueue(batch_id=batch.pk)
            resumed.append(batch.pk)
        else:
            ImportBatch.objects.filter(pk=batch.pk).update(state=BatchState.FINISHED)
    return resumed
