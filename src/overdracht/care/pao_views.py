"""The dossier to the partnership (PaO profiles): the school sends it from a referral; the
partnership's staff read what arrived, in words, and read in files of schools outside the
installation."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.care import selectors, services
from overdracht.care.models import CareLevel, Referral
from overdracht.dossiers.composition import record_missing, support_explanation
from overdracht.dossiers.in_words import file_in_words
from overdracht.oso import pao
from overdracht.oso.content import SUPPORT_FILENAME
from overdracht.oso.models import ImportStatus, PartnershipDossier
from overdracht.schools.models import Partnership, School
from overdracht.schools.permissions import Perm, partnership_staff_or_404, school_or_404
from overdracht.schools.selectors import partnerships_of_user

AGREED_CHOICES = [
    ("yes", gettext_lazy("Yes, they agree with the content")),
    ("no", gettext_lazy("No, they do not agree")),
]


class PartnershipReviewForm(forms.Form):
    """What the school records of the parents' review before the dossier goes."""

    seen_on = forms.DateField(
        label=gettext_lazy("The parents saw the dossier on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": gettext_lazy("Record when the parents saw the dossier.")},
    )
    agreed = forms.ChoiceField(
        label=gettext_lazy("Do the parents agree?"),
        choices=AGREED_CHOICES,
        widget=forms.RadioSelect,
    )
    reason_not_agreed = forms.CharField(
        label=gettext_lazy("Why not"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PaoUploadForm(forms.Form):
    dossier_file = forms.FileField(
        label=gettext_lazy("Dossier file (POSWV or VOSWV)"),
        help_text=gettext_lazy("An OSO file of a school outside this installation."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml"}),
    )

    def clean_dossier_file(self) -> object:
        upload = self.cleaned_data["dossier_file"]
        if (upload.size or 0) > settings.OSO_MAX_FILE_BYTES:
            raise ValidationError(_("%(name)s is too large.") % {"name": upload.name})
        return upload


@login_required
@require_http_methods(["GET", "POST"])
def referral_dossier(request: HttpRequest, school_id: int, referral_id: int) -> HttpResponse:
    """The school sends the pupil's dossier to the partnership with its referral."""
    school = school_or_404(request, school_id, Perm.CARE_TEAM)
    referral = selectors.referral_of_school(school, referral_id)
    if referral is None or referral.level != CareLevel.PARTNERSHIP:
        raise Http404
    form = PartnershipReviewForm(request.POST or None)
    if request.method == "POST" and referral.partnership_dossier_id is None and form.is_valid():
        data = form.cleaned_data
        try:
            services.referral_dossier_send(
                actor_id=authenticated_user(request).pk,
                referral=referral,
                seen_on=data["seen_on"],
                agreed=data["agreed"] == "yes",
                reason_not_agreed=data["reason_not_agreed"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
            for detail in exc.messages[1:]:
                form.add_error(None, detail)
        else:
            messages.success(
                request,
                _("The dossier has been sent to %(partnership)s.")
                % {"partnership": school.partnership},
            )
            return redirect("care:referral_dossier", school_id=school.pk, referral_id=referral.pk)
    audit_record(
        AuditAction.REFERRAL_FORM_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=referral.pupil_id,
        target=referral,
    )
    return render(
        request,
        "care/referral_dossier.html",
        {
            "school": school,
            "referral": referral,
            "form": form,
            "sent": referral.partnership_dossier,
            "explanation": _explanation(referral, school),
            "missing": record_missing(referral.pupil, school),
        },
    )


def _explanation(referral: Referral, school: School) -> str:
    """What the partnership reads about the pupil's needs: as sent, once it went."""
    if referral.partnership_dossier is not None:
        for found in pao.partnership_dossier_attachments(referral.partnership_dossier):
            if found.filename == SUPPORT_FILENAME:
                return found.content.decode("utf-8", "replace")
    return support_explanation(referral.pupil, school, referral.reason)


def _partnerships(request: HttpRequest) -> list[Partnership]:
    partnership_staff_or_404(request)
    return list(partnerships_of_user(authenticated_user(request)))


@login_required
@require_http_methods(["GET", "POST"])
def partnership(request: HttpRequest) -> HttpResponse:
    """Partnership staff see the referrals from their schools, the dossiers that arrived,
    and read in a file of a school outside the installation."""
    partnerships = _partnerships(request)
    form = PaoUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["dossier_file"]
        outcome = pao.partnership_dossier_receive(
            data=upload.read(),
            name=upload.name or "upload.xml",
            partnership=partnerships[0],
            actor_id=authenticated_user(request).pk,
        )
        if outcome.dossier is not None:
            if outcome.status == ImportStatus.UNCHANGED:
                messages.info(request, _("This dossier had arrived already."))
            else:
                messages.success(request, _("The dossier has been read in."))
            return redirect("care:partnership_dossier", dossier_id=outcome.dossier.pk)
        problems = [str(p) for p in outcome.problems if p.severity == "error"]
        form.add_error(None, _("The file was not read in; nothing was saved."))
    referrals = selectors.partnership_referrals(authenticated_user(request))
    dossiers = [d for p in partnerships for d in pao.partnership_dossiers(p)]
    audit_record(
        AuditAction.REFERRAL_VIEWED,
        request=request,
        details={"partnership": [p.pk for p in partnerships], "dossiers": len(dossiers)},
    )
    return render(
        request,
        "care/partnership.html",
        {"referrals": referrals, "dossiers": dossiers, "form": form, "problems": problems},
    )


def _dossier_or_404(request: HttpRequest, dossier_id: int) -> PartnershipDossier:
    for p in _partnerships(request):
        found = pao.partnership_dossier(p, dossier_id)
        if found is not None:
            return found
    raise Http404


@login_required
def partnership_dossier(request: HttpRequest, dossier_id: int) -> HttpResponse:
    """A dossier that arrived at the partnership, in words."""
    dossier = _dossier_or_404(request, dossier_id)
    read = file_in_words(dossier.mapped, pao.partnership_dossier_attachments(dossier))
    pao.partnership_dossier_opened(dossier)
    audit_record(
        AuditAction.PAO_VIEWED,
        request=request,
        subject_pupil_id=dossier.pupil_id,
        target=dossier,
    )
    return render(
        request,
        "care/partnership_dossier.html",
        {
            "dossier": dossier,
            "parts": read.parts,
            "sections": [s for s in read.sections if not s.empty],
        },
    )


@login_required
def partnership_attachment(request: HttpRequest, dossier_id: int, index: int) -> HttpResponse:
    dossier = _dossier_or_404(request, dossier_id)
    attachments = pao.partnership_dossier_attachments(dossier)
    if index >= len(attachments):
        raise Http404
    attachment = attachments[index]
    audit_record(
        AuditAction.ATTACHMENT_DOWNLOADED,
        request=request,
        subject_pupil_id=dossier.pupil_id,
        target=f"partnership_dossier:{dossier.pk}:{index}",
    )
    response = HttpResponse(attachment.content, content_type=attachment.content_type)
    name = re.sub(r"[^A-Za-z0-9._-]", "_", attachment.filename)[:100] or f"bijlage-{index}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
