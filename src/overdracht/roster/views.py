"""Reading in the school administration's export: upload, map the columns, preview and
import. For who keeps the school's classes (the school administrator, the team lead)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.audit.services import list_viewed
from overdracht.core.progress import Progress
from overdracht.core.tabular import TableError, read_table
from overdracht.roster import services
from overdracht.roster.columns import mapping_for
from overdracht.roster.forms import ColumnsForm, ImportForm, UploadForm
from overdracht.roster.importing import ImportRefusedError, import_progress, roster_import_request
from overdracht.roster.models import ColumnMapping, RosterUpload, UploadState
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_or_404


def _upload_or_404(school: School, upload_id: int) -> RosterUpload:
    found = RosterUpload.objects.filter(school=school, pk=upload_id).first()
    if found is None:
        raise Http404
    return found


def _saved(school: School) -> ColumnMapping | None:
    return ColumnMapping.objects.filter(school=school).first()


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    saved = _saved(school)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"preset": saved.preset if saved else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = services.roster_upload(
                actor=Actor.of(request),
                school=school,
                name=form.file_name,
                data=form.cleaned_data["export"],
                school_year=form.cleaned_data["school_year"],
                preset=form.cleaned_data["preset"],
            )
        except TableError as exc:
            form.add_error("export", str(exc))
        else:
            return redirect("roster:columns", school_id=school.pk, upload_id=made.pk)
    return render(
        request,
        "roster/upload.html",
        {
            "school": school,
            "form": form,
            "uploads": RosterUpload.objects.filter(school=school)[:10],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def columns(request: HttpRequest, school_id: int, upload_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    found = _upload_or_404(school, upload_id)
    if found.imported_at is not None:
        return redirect("roster:preview", school_id=school.pk, upload_id=found.pk)
    table = read_table(bytes(found.data or b""))
    saved = _saved(school)
    initial = mapping_for(table.headers, found.preset, saved.columns if saved else {})
    form = ColumnsForm(request.POST or None, headers=table.headers, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.mapping_save(school=school, preset=found.preset, columns=form.mapping())
        return redirect("roster:preview", school_id=school.pk, upload_id=found.pk)
    first = table.rows[0][1] if table.rows else []
    examples = {h: (first[i] if i < len(first) else "") for i, h in enumerate(table.headers)}
    list_viewed(request, name="roster_columns", school_id=school.pk, target=found)
    return render(
        request,
        "roster/columns.html",
        {
            "school": school,
            "upload": found,
            "form": form,
            "rows": [(form[c], examples.get(form[c].value() or "", "")) for c in form.fields],
            "count": len(table.rows),
        },
    )


def _progress_text(progress: Progress) -> str:
    if not progress.total:
        return _("The rows are being checked…")
    return _("%(done)s of %(total)s pupils written") % {
        "done": progress.done,
        "total": progress.total,
    }


def _waiting(request: HttpRequest, school: School, found: RosterUpload) -> HttpResponse:
    """The page (or, for its script, the figures) while the task worker reads the file in."""
    progress = import_progress(found)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse(
            {
                "done": progress.done,
                "total": progress.total,
                "percent": progress.percent,
                "text": _progress_text(progress),
                "finished": found.state not in (UploadState.QUEUED, UploadState.RUNNING),
            }
        )
    return render(
        request,
        "roster/importing.html",
        {"school": school, "upload": found, "progress": progress, "text": _progress_text(progress)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, school_id: int, upload_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    found = _upload_or_404(school, upload_id)
    if found.state in (UploadState.QUEUED, UploadState.RUNNING) or (
        request.headers.get("Accept") == "application/json"
    ):
        return _waiting(request, school, found)
    if found.imported_at is not None:
        return render(request, "roster/report.html", {"school": school, "upload": found})
    saved = _saved(school)
    if saved is None:
        return redirect("roster:columns", school_id=school.pk, upload_id=found.pk)
    form = ImportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            roster_import_request(
                actor=Actor.of(request),
                upload=found,
                end_missing=form.cleaned_data["end_missing"],
            )
        except ImportRefusedError as exc:
            messages.error(request, str(exc))
        return redirect("roster:preview", school_id=school.pk, upload_id=found.pk)
    shown = services.roster_preview(found, saved.columns)
    list_viewed(
        request, name="roster_preview", rows=len(shown.rows), school_id=school.pk, target=found
    )
    refused = [r for r in shown.rows if r.action == "refused"]
    return render(
        request,
        "roster/preview.html",
        {
            "school": school,
            "upload": found,
            "form": form,
            "preview": shown,
            "refused": refused,
            "changed": [r for r in shown.rows if r.action == "changed"],
            "noted": [r for r in shown.rows if r.row.notes and r.action != "refused"],
            "counts": {a: shown.count(a) for a in ("new", "changed", "unchanged", "refused")},
        },
    )
