"""The transfer dossier (doorstroomdossier) at the secondary school: the pupil writes and
signs off their part (a parent too, under 16), the mentor or care coordinator adds the
advice and the support that worked and sends it; a PDF for an institution outside the
installation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.careers.selectors import summary_for_transfer
from overdracht.core import pdf
from overdracht.further_education import services
from overdracht.further_education.forms import PupilPartForm, SchoolPartForm
from overdracht.further_education.models import Registration, TransferDossier
from overdracht.further_education.permissions import (
    is_guardian_with_authority,
    is_pupil,
    may_guide,
    pupil_side_or_404,
    registration_or_404,
)
from overdracht.pupils.permissions import PupilAccess, pupil_read_record
from overdracht.schools.permissions import deny


def _dossier(registration: Registration) -> TransferDossier:
    return getattr(registration, "dossier", None) or TransferDossier(registration=registration)


def _page(
    request: HttpRequest,
    access: PupilAccess,
    registration: Registration,
    *,
    pupil_form: PupilPartForm | None = None,
    school_form: SchoolPartForm | None = None,
) -> HttpResponse:
    dossier = _dossier(registration)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="transfer_dossier")
    pupil = registration.transition.pupil
    return render(
        request,
        "further_education/dossier.html",
        {
            "registration": registration,
            "pupil": pupil,
            "dossier": dossier,
            "is_pupil": is_pupil(access),
            "is_guardian": is_guardian_with_authority(access),
            "may_guide": may_guide(access),
            "is_family": not may_guide(access),
            "needs_guardian": services.needs_guardian(pupil),
            "signed_off": dossier.pk is not None and services.signed_off(dossier),
            "pupil_form": pupil_form
            or PupilPartForm(
                initial={
                    **dossier.pupil_part,
                    "include_career_dossier": dossier.include_career_dossier,
                }
            ),
            "school_form": school_form or SchoolPartForm(initial=dossier.school_part),
        },
    )


@login_required
@require_GET
def dossier(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = registration_or_404(request, registration_id)
    access = pupil_side_or_404(request, registration)
    return _page(request, access, registration)


@login_required
@require_POST
def pupil_part(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = registration_or_404(request, registration_id)
    access = pupil_side_or_404(request, registration)
    if not is_pupil(access):
        deny(request, status=403, target=f"registration:{registration_id}")
    form = PupilPartForm(request.POST)
    if not form.is_valid():
        return _page(request, access, registration, pupil_form=form)
    data = dict(form.cleaned_data)
    include = bool(data.pop("include_career_dossier"))
    try:
        services.pupil_part_save(
            actor=Actor.of(request),
            registration=registration,
            part=data,
            include_career_dossier=include,
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _page(request, access, registration, pupil_form=form)
    messages.success(request, _("Your part is saved. Sign it off when it is complete."))
    return redirect("further_education:dossier", registration_id=registration_id)


@login_required
@require_POST
def sign(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = registration_or_404(request, registration_id)
    access = pupil_side_or_404(request, registration)
    if not (is_pupil(access) or is_guardian_with_authority(access)):
        deny(request, status=403, target=f"registration:{registration_id}")
    try:
        services.sign_off(
            actor=Actor.of(request), registration=registration, as_guardian=not is_pupil(access)
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Signed off. The school adds its advice and sends it."))
    return redirect("further_education:dossier", registration_id=registration_id)


@login_required
@require_POST
def school_part(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = registration_or_404(request, registration_id)
    access = pupil_side_or_404(request, registration)
    if not may_guide(access):
        deny(request, status=403, target=f"registration:{registration_id}")
    form = SchoolPartForm(request.POST)
    if not form.is_valid():
        return _page(request, access, registration, school_form=form)
    save = services.school_part_send if request.POST.get("send") else services.school_part_save
    try:
        save(actor=Actor.of(request), registration=registration, part=form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, exc)
        return _page(request, access, registration, school_form=form)
    if request.POST.get("send"):
        messages.success(
            request,
            _("The dossier is sent to %(institution)s.")
            % {"institution": registration.institution_label}
            if registration.institution
            else _("The dossier is ready: download the PDF for %(institution)s.")
            % {"institution": registration.institution_label},
        )
    else:
        messages.success(request, _("The school's part is saved."))
    return redirect("further_education:dossier", registration_id=registration_id)


def dossier_context(registration: Registration, dossier: TransferDossier) -> dict[str, object]:
    """The dossier as the institution reads it, on its page and in the PDF: the career
    dossier only where the pupil agreed."""
    return {
        "registration": registration,
        "pupil": registration.transition.pupil,
        "dossier": dossier,
        "career": summary_for_transfer(registration.transition.pupil_id)
        if dossier.include_career_dossier
        else None,
        "now": timezone.localtime(),
    }


@login_required
@require_GET
def dossier_pdf(request: HttpRequest, registration_id: int) -> HttpResponse:
    """The sent dossier as a PDF, for an institution outside the installation."""
    registration = registration_or_404(request, registration_id)
    access = pupil_side_or_404(request, registration)
    found = getattr(registration, "dossier", None)
    if not may_guide(access) or found is None or found.sent_at is None:
        deny(request, status=404, target=f"registration:{registration_id}")
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="transfer_dossier_pdf")
    html = render_to_string(
        "further_education/dossier_pdf.html", dossier_context(registration, found)
    )
    response = HttpResponse(pdf.render(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="doorstroomdossier.pdf"'
    return response
