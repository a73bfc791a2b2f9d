"""Incoming dossiers, upload with progress, the review screen, attachments, export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record, list_viewed
from overdracht.oso import selectors, services
from overdracht.oso.batches import Upload, import_batch_create
from overdracht.oso.forms import UploadForm
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.presentation import file_sections
from overdracht.oso.schema import schema_available
from overdracht.schools.permissions import Perm, deny, has_school_perm, school_or_404


@login_required
@require_http_methods(["GET", "POST"])
def incoming(request: HttpRequest, school_id: int) -> HttpResponse:
    """Upload for who may import; the received list for who may read received dossiers
    (support and care data). A school administrator uploads without reading them."""
    school = school_or_404(request, school_id, Perm.VIEW_SCHOOL)
    can_import = has_school_perm(authenticated_user(request), Perm.IMPORT_DOSSIERS, school.pk)
    can_read = has_school_perm(authenticated_user(request), Perm.VIEW_RECEIVED_DOSSIERS, school.pk)
    if not (can_import or can_read) or (request.method == "POST" and not can_import):
        deny(request, status=403, target=school, school_id=school.pk)
    form = UploadForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = import_batch_create(
            school=school,
            actor_id=request.user.pk,
            uploads=[Upload(name, data) for name, data in form.uploads()],
        )
        return redirect("oso:batch", school_id=school.pk, batch_id=batch.pk)
    dossiers = list(selectors.incoming_dossiers(school)) if can_read else []
    if can_read:
        list_viewed(request, name="incoming_dossiers", rows=len(dossiers), school_id=school.pk)
    context = {
        "school": school,
        "form": form,
        "dossiers": dossiers,
        "can_import": can_import,
        "can_read": can_read,
        "batches": selectors.recent_batches(school) if can_import else [],
        "schema_off": not schema_available(),
        "rules_off": not official_rules_available(),
    }
    return render(request, "oso/incoming.html", context)


@login_required
def batch(request: HttpRequest, school_id: int, batch_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.IMPORT_DOSSIERS)
    found = selectors.batch(school, batch_id)
    if found is None:
        raise Http404
    files = list(found.files.all().defer("data"))
    if request.headers.get("Accept") == "application/json":
        return JsonResponse(
            {
                "done": found.done,
                "total": found.total,
                "percent": found.percent,
                "finished": found.state == "finished",
            }
        )
    audit_record(
        AuditAction.PUPIL_LIST_VIEWED,
        request=request,
        school_id=school.pk,
        target=found,
        details={"files": len(files)},
    )
    return render(
        request,
        "oso/batch.html",
        {
            "school": school,
            "batch": found,
            "files": [(f, f.get_status_display()) for f in files],
            "can_read": has_school_perm(
                authenticated_user(request), Perm.VIEW_RECEIVED_DOSSIERS, school.pk
            ),
            "can_intake": has_school_perm(authenticated_user(request), Perm.INTAKE, school.pk),
        },
    )


@login_required
def received(request: HttpRequest, school_id: int, dossier_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_RECEIVED_DOSSIERS)
    dossier = selectors.received_dossier(school, dossier_id)
    if dossier is None:
        raise Http404
    attachments = selectors.attachments_of(dossier)
    audit_record(
        AuditAction.RECEIVED_DOSSIER_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=dossier.pupil_id or dossier.conflict_pupil_id,
        target=dossier,
    )
    services.dossier_opened(dossier)
    return render(
        request,
        "oso/received.html",
        {
            "school": school,
            "dossier": dossier,
            "sections": file_sections(
                dossier.mapped, dossier.delivery, attachments, technical=True
            ),
            "history": selectors.dossier_history(dossier),
            "unmapped": sorted(dossier.unmapped.items()),
            "can_intake": has_school_perm(authenticated_user(request), Perm.INTAKE, school.pk),
        },
    )


@login_required
def attachment(request: HttpRequest, school_id: int, dossier_id: int, index: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_RECEIVED_DOSSIERS)
    dossier = selectors.received_dossier(school, dossier_id)
    found = selectors.attachment(dossier, index) if dossier else None
    if dossier is None or found is None:
        raise Http404
    audit_record(
        AuditAction.ATTACHMENT_DOWNLOADED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=dossier.pupil_id or dossier.conflict_pupil_id,
        target=found,
    )
    response = HttpResponse(bytes(found.content), content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="bijlage-{found.index}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
