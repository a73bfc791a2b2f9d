"""The roster import in the task worker: `roster_import_request` queues one file, the task
`roster_import_run` reads it in (one transaction, `services.roster_import`) and reports its
progress for the page that waits (`core.progress`)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from django_tasks import task

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.core.progress import Progress, progress_clear, progress_of, progress_report
from overdracht.roster.models import ColumnMapping, RosterUpload, UploadState
from overdracht.roster.services import roster_import

logger = logging.getLogger(__name__)


class ImportRefusedError(Exception):
    """The file cannot be queued (again): read in already, or on its way."""


def _key(upload_id: int) -> str:
    return f"roster:{upload_id}"


def import_progress(upload: RosterUpload) -> Progress:
    return progress_of(_key(upload.pk))


def roster_import_request(*, actor: Actor, upload: RosterUpload, end_missing: bool) -> None:
    """Queue the import of the file for the task worker; the page follows it. A file read in,
    or queued already, is refused: one click, one import. A file whose import failed may be
    queued again."""
    with transaction.atomic():
        claimed = RosterUpload.objects.filter(
            pk=upload.pk, state__in=(UploadState.UPLOADED, UploadState.FAILED)
        ).update(
            state=UploadState.QUEUED, end_missing=end_missing, import_requested_by_id=actor.user_id
        )
        if not claimed:
            raise ImportRefusedError(_("This file is being read in or has been read in already."))
        transaction.on_commit(lambda: roster_import_run.enqueue(upload_id=upload.pk))


@task()
def roster_import_run(upload_id: int) -> None:
    """Read in a queued file. A file not queued (read in already, or taken by another run)
    is left alone, so running it twice imports once. On any failure the whole import rolls
    back, the file stays for another try and the page says so."""
    if not RosterUpload.objects.filter(pk=upload_id, state=UploadState.QUEUED).update(
        state=UploadState.RUNNING
    ):
        return
    upload = RosterUpload.objects.select_related("school").get(pk=upload_id)
    mapping = ColumnMapping.objects.filter(school=upload.school).first()
    requester = User.objects.filter(pk=upload.import_requested_by_id or 0).first()
    key = _key(upload_id)
    try:
        if mapping is None or requester is None:
            raise LookupError("The column mapping or the person who asked is gone.")
        roster_import(
            actor=Actor(user=requester),
            upload=upload,
            mapping=mapping.columns,
            end_missing=upload.end_missing,
            progress=lambda done, total: progress_report(key, done=done, total=total),
        )
    except Exception:
        logger.exception("roster import failed", extra={"upload_id": upload_id})
        RosterUpload.objects.filter(pk=upload_id).update(state=UploadState.FAILED)
    finally:
        progress_clear(key)


def roster_imports_resume() -> list[int]:
    """After the worker stopped halfway: an import that was running rolled back with it, so
    it is queued again (run when the worker starts, with `import_batches_resume`)."""
    stalled = list(
        RosterUpload.objects.filter(state=UploadState.RUNNING).values_list("pk", flat=True)
    )
    for upload_id in stalled:
        RosterUpload.objects.filter(pk=upload_id).update(state=UploadState.QUEUED)
    for upload_id in RosterUpload.objects.filter(state=UploadState.QUEUED).values_list(
        "pk", flat=True
    ):
        roster_import_run.enqueue(upload_id=upload_id)
    return stalled
