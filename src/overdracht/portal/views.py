"""Portal pages. Every page goes through `pupils.permissions.pupil_access_or_404` and is only
for the family: staff use the school pages."""

from __future__ import annotations

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.consent import selectors as consent
from overdracht.consent import services as consent_services
from overdracht.consent.forms import CorrectionForm, StatementForm
from overdracht.consent.models import ConsentPurpose
from overdracht.core import pdf
from overdracht.core.ages import ADULT_FROM, age_on, decides_alone
from overdracht.feedback import selectors as feedback_selectors
from overdracht.meetings import selectors as meeting_selectors
from overdracht.portal.permissions import may_read_dossier
from overdracht.portal.selectors import child_summaries, dossier_preview, who_looked
from overdracht.portal.subject_copy import subject_copy
from overdracht.promotion import selectors as promotion_selectors
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import (
    PupilAccess,
    Relation,
    pupil_access_or_404,
    pupil_read_record,
)
from overdracht.pupils.selectors import children_of_user, pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm


def _family(request: HttpRequest, pupil_id: uuid.UUID) -> tuple[PupilAccess, Pupil]:
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_PUPILS, families=True)
    if access.relation == Relation.STAFF:
        raise Http404
    return access, pupil_detail(pupil_id)


def _context(access: PupilAccess, pupil: Pupil, tab: str, **extra: object) -> dict[str, object]:
    return {
        "pupil": pupil,
        "access": access,
        "tab": tab,
        "may_read_dossier": may_read_dossier(access, pupil),
        # a pupil at secondary school keeps a career dossier and prepares further education
        "in_secondary": pupil.enrolments.filter(
            school__kind__in=["VO", "VSO"], end_date__isnull=True
        ).exists(),
        **extra,
    }


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(
        request,
        "portal/home.html",
        {"children": child_summaries(list(children_of_user(user)), user)},
    )


@login_required
def child(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, pupil = _family(request, pupil_id)
    audit_record(
        AuditAction.PUPIL_VIEWED,
        request=request,
        actor_role=access.role,
        subject_pupil_id=pupil.pk,
        details={"page": "portal"},
    )
    reviews = list(consent.reviews_for_pupil(pupil))
    return render(
        request,
        "portal/child.html",
        _context(
            access,
            pupil,
            "child",
            reviews=reviews,
            enrolments=list(pupil.enrolments.all()),
            transitions=list(pupil.transitions.all()),
            meetings=list(
                meeting_selectors.meetings_for_family(pupil.pk, authenticated_user(request))
            ),
            now=timezone.now(),  # a meeting that took place is told in the past tense
            decisions=(
                promotion_selectors.decisions_for_family(pupil.pk)
                if may_read_dossier(access, pupil)
                else []
            ),
            feedback=(
                feedback_selectors.feedback_for_family(pupil.pk)
                if may_read_dossier(access, pupil)
                else []
            ),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def dossier(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, pupil = _family(request, pupil_id)
    if not may_read_dossier(access, pupil):
        raise PermissionDenied
    review = consent.reviews_for_pupil(pupil).first()
    form = StatementForm(request.POST or None)
    if request.method == "POST" and review is not None:
        try:
            if request.POST.get("action") == "seen":
                if dossier_preview(pupil, review).empty:
                    messages.error(
                        request,
                        _(
                            "There is nothing to read yet, so you cannot confirm. The school "
                            "lets you know when the dossier is complete."
                        ),
                    )
                    return redirect("portal:dossier", pupil_id=pupil_id)
                consent_services.review_seen(actor=Actor.of(request), review=review)
                messages.success(
                    request, _("Thank you: the school sees that you have read the dossier.")
                )
                return redirect("portal:dossier", pupil_id=pupil_id)
            if form.is_valid():
                consent_services.statement_add(
                    actor=Actor.of(request),
                    review=review,
                    agrees=form.cleaned_data["agrees"],
                    text=form.cleaned_data["text"],
                )
                messages.success(
                    request, _("Your view has been saved. It travels with the dossier.")
                )
                return redirect("portal:dossier", pupil_id=pupil_id)
        except consent_services.ConsentError as exc:
            messages.error(request, exc.message)  # shown whether or not the form is shown
    preview = dossier_preview(pupil, review) if review else None
    if review is not None:
        audit_record(
            AuditAction.PUPIL_VIEWED,
            request=request,
            actor_role=access.role,
            school_id=review.school_id,
            subject_pupil_id=pupil.pk,
            details={"page": "portal_dossier"},
        )
    user = authenticated_user(request)
    participant = consent.participant_for(review, user.pk) if review else None
    statements = (
        list(review.statements.filter(author_id=user.pk).prefetch_related("replies"))
        if review
        else []
    )
    return render(
        request,
        "portal/dossier.html",
        _context(
            access,
            pupil,
            "dossier",
            review=review,
            preview=preview,
            form=form,
            participant=participant,
            statements=statements,
        ),
    )


@login_required
def dossier_pdf(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, pupil = _family(request, pupil_id)
    if not may_read_dossier(access, pupil):
        raise PermissionDenied
    review = consent.reviews_for_pupil(pupil).first()
    if review is None:
        raise Http404
    preview = dossier_preview(pupil, review)
    html = render_to_string(
        "portal/dossier_pdf.html",
        {"pupil": pupil, "review": review, "preview": preview, "now": timezone.localtime()},
    )
    audit_record(
        AuditAction.DOSSIER_PDF_DOWNLOADED,
        request=request,
        actor_role=access.role,
        school_id=review.school_id,
        subject_pupil_id=pupil.pk,
    )
    response = HttpResponse(pdf.render(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="dossier-{pupil.call_name}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def consents(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, pupil = _family(request, pupil_id)
    if request.method == "POST":
        try:
            consent_services.consent_decide(
                actor=Actor.of(request),
                pupil=pupil,
                purpose=request.POST.get("purpose", ""),
                given=request.POST.get("given") == "yes",
            )
            messages.success(request, _("Your choice has been saved."))
        except consent_services.ConsentError as exc:
            messages.error(request, exc.message)
        return redirect("portal:consents", pupil_id=pupil_id)
    school = next((e.school for e in pupil.enrolments.all()), None)
    adult = age_on(pupil.birth_date, timezone.localdate()) >= ADULT_FROM
    purposes = [p for p in ConsentPurpose if p != ConsentPurpose.GUARDIAN_ACCESS or adult]
    rows = [
        {"purpose": p, "state": consent.consent_state(pupil, p, school=school)} for p in purposes
    ]
    pupil_read_record(request, access, AuditAction.CONSENTS_VIEWED)
    return render(
        request,
        "portal/consents.html",
        _context(
            access,
            pupil,
            "consents",
            rows=rows,
            pupil_decides=decides_alone(pupil.birth_date, timezone.localdate()),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def correction(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, pupil = _family(request, pupil_id)
    form = CorrectionForm(request.POST or None)
    school = next((e.school for e in pupil.enrolments.all()), None)
    if request.method == "POST" and form.is_valid() and school is not None:
        consent_services.correction_request_add(
            actor=Actor.of(request), pupil=pupil, school=school, text=form.cleaned_data["text"]
        )
        messages.success(
            request,
            _("Your request has been sent to the school. The school answers within four weeks."),
        )
        return redirect("portal:child", pupil_id=pupil_id)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="correction")
    return render(
        request, "portal/correction.html", _context(access, pupil, "correction", form=form)
    )


@login_required
def looked(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, pupil = _family(request, pupil_id)
    pupil_read_record(request, access, AuditAction.AUDIT_TRAIL_VIEWED)
    return render(
        request, "portal/looked.html", _context(access, pupil, "looked", looks=who_looked(pupil))
    )


def _current_school(pupil: Pupil) -> School | None:
    found = pupil.enrolments.select_related("school").order_by("-school_year", "-pk").first()
    return found.school if found else None


@login_required
@require_http_methods(["GET", "POST"])
def copy(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    """Ask for a copy of all the child's data; download it once the school released it."""
    access, pupil = _family(request, pupil_id)
    user = authenticated_user(request)
    may_ask = may_read_dossier(access, pupil)
    school = _current_school(pupil)
    if request.method == "POST":
        if not may_ask or school is None:
            raise PermissionDenied
        try:
            consent_services.copy_request_add(actor_id=user.pk, pupil=pupil, school=school)
        except consent_services.ConsentError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Your request has been sent to %(school)s. The school answers within four weeks.")
                % {"school": school.name},
            )
        return redirect("portal:copy", pupil_id=pupil_id)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="copy")
    return render(
        request,
        "portal/copy.html",
        _context(
            access,
            pupil,
            "copy",
            may_ask=may_ask and school is not None,
            requests=consent.copy_requests_of(pupil, user.pk),
        ),
    )


@login_required
def copy_download(
    request: HttpRequest, pupil_id: uuid.UUID, request_id: int, kind: str
) -> HttpResponse:
    access, pupil = _family(request, pupil_id)
    released = (
        consent.copy_requests_of(pupil, authenticated_user(request).pk)
        .filter(pk=request_id, released_at__isnull=False)
        .first()
    )
    if released is None or kind not in ("pdf", "json") or not may_read_dossier(access, pupil):
        raise Http404
    data = subject_copy(pupil)
    audit_record(
        AuditAction.COPY_DOWNLOADED,
        request=request,
        actor_role=access.role,
        school_id=released.school_id,
        subject_pupil_id=pupil.pk,
        target=released,
        details={"kind": kind},
    )
    name = f"gegevens-{pupil.call_name}-{timezone.localdate():%Y%m%d}"
    if kind == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    html = render_to_string("portal/copy_pdf.html", {"copy": data, "pupil": pupil})
    response = HttpResponse(pdf.render(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
