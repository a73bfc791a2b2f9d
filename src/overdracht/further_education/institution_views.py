"""The receiving institution's pages: its incoming registrations, one registration (status,
intake, agreements on guidance, a report on the start), the transfer dossier once sent,
and planning the warm handover with the pupil present."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record, list_viewed
from overdracht.further_education import selectors, services
from overdracht.further_education.dossier_views import dossier_context
from overdracht.further_education.forms import RegistrationUpdateForm, StartReportForm
from overdracht.further_education.models import Registration
from overdracht.further_education.permissions import institution_side_or_404, sent_dossier_or_404
from overdracht.meetings.forms import PlanForm
from overdracht.meetings.services import meeting_plan
from overdracht.schools.permissions import Perm, school_or_404


def _viewed(request: HttpRequest, registration: Registration, page: str) -> None:
    audit_record(
        AuditAction.PUPIL_VIEWED,
        request=request,
        school_id=registration.institution_id,
        subject_pupil_id=registration.transition.pupil_id,
        details={"page": page},
    )


@login_required
@require_GET
def incoming(request: HttpRequest, school_id: int) -> HttpResponse:
    institution = school_or_404(request, school_id, Perm.INTAKE)
    rows = selectors.incoming(institution)
    list_viewed(request, school_id=institution.pk, name="incoming_registrations", rows=len(rows))
    return render(
        request, "further_education/incoming.html", {"institution": institution, "rows": rows}
    )


@login_required
@require_http_methods(["GET", "POST"])
def registration(request: HttpRequest, registration_id: int) -> HttpResponse:
    found, institution = institution_side_or_404(request, registration_id)
    update = RegistrationUpdateForm(
        request.POST if request.POST.get("form") == "update" else None,
        initial={
            "status": found.status,
            "status_on": timezone.localdate(),
            "intake_on": found.intake_on,
            "intake_outcome": found.intake_outcome,
            "guidance": found.guidance,
            "study_check_done": found.study_check_done,
        },
    )
    report = StartReportForm(
        request.POST if request.POST.get("form") == "report" else None,
        initial={"reported_on": timezone.localdate()},
    )
    if request.method == "POST" and update.is_bound and update.is_valid():
        try:
            services.registration_update(
                actor=Actor.of(request), registration=found, **update.cleaned_data
            )
        except ValidationError as exc:
            update.add_error(None, exc)
        else:
            messages.success(request, _("The registration is saved."))
            return redirect("further_education:registration", registration_id=found.pk)
    if request.method == "POST" and report.is_bound and report.is_valid():
        services.start_report(actor=Actor.of(request), registration=found, **report.cleaned_data)
        messages.success(
            request,
            _("Reported to %(school)s.") % {"school": found.transition.from_school or "?"},
        )
        return redirect("further_education:registration", registration_id=found.pk)
    _viewed(request, found, "registration")
    return render(
        request,
        "further_education/registration.html",
        {
            "registration": found,
            "institution": institution,
            "dossier": getattr(found, "dossier", None),
            "update_form": update,
            "report_form": report,
            "reports": list(found.start_reports.all()),
            "changes": list(found.changes.all()),
        },
    )


@login_required
@require_GET
def received(request: HttpRequest, registration_id: int) -> HttpResponse:
    """The transfer dossier as it arrived: only once the pupil signed it off and the school
    sent it."""
    found, _institution = institution_side_or_404(request, registration_id)
    sent_dossier_or_404(request, found)
    services.dossier_opened(found)
    _viewed(request, found, "transfer_dossier")
    return render(request, "further_education/received.html", dossier_context(found, found.dossier))


@login_required
@require_http_methods(["GET", "POST"])
def handover_plan(request: HttpRequest, registration_id: int) -> HttpResponse:
    """The warm handover with the secondary school (agenda of the VO→MBO handover), the
    pupil invited."""
    found, institution = institution_side_or_404(request, registration_id)
    pupil = found.transition.pupil
    form = PlanForm(
        request.POST or None,
        pupil=pupil,
        school=institution,
        preselect=found.transition_id,
        initial={"invite_pupil": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_plan(
                actor=Actor.of(request), acting_school=institution, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The warm handover is planned; invitations are sent."))
            return redirect("meetings:meeting", meeting_id=meeting.pk)
    _viewed(request, found, "plan_handover")
    return render(
        request,
        "further_education/handover_plan.html",
        {"pupil": pupil, "form": form, "registration": found},
    )
