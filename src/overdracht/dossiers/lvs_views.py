"""Reading in test results from the pupil tracking system (LVS): upload, preview with every
problem per row, then import all rows at once. Between the two steps the file travels in a
signed token, so nothing is stored until the import."""

from __future__ import annotations

import base64

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.dossiers.lvs import LvsError, LvsPreview, lvs_import, lvs_preview
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_or_404

MAX_BYTES = 2 * 1024 * 1024  # the file then travels (compressed) in the preview form
TOKEN_AGE = 3600
_SALT = "overdracht.lvs"


class LvsUploadForm(forms.Form):
    results_file = forms.FileField(
        label=gettext_lazy("Results file (CSV)"),
        help_text=gettext_lazy(
            "The export of the pupil tracking system: one row per test, with the pupil "
            "number, the test, the date and the ability score or the level."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}),
    )

    def clean_results_file(self) -> bytes:
        upload = self.cleaned_data["results_file"]
        if (upload.size or 0) > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it."))
        return bytes(upload.read())


def _token(school: School, data: bytes) -> str:
    payload = {"school": school.pk, "data": base64.b64encode(data).decode()}
    return signing.dumps(payload, salt=_SALT, compress=True)


def _data(school: School, token: str) -> bytes | None:
    try:
        payload = signing.loads(token, salt=_SALT, max_age=TOKEN_AGE)
    except signing.BadSignature:
        return None
    if payload.get("school") != school.pk:
        return None
    return base64.b64decode(payload["data"])


@login_required
@require_http_methods(["GET", "POST"])
def lvs_upload(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.EDIT_DOSSIER)
    form = LvsUploadForm()
    preview: LvsPreview | None = None
    token = ""
    if request.method == "POST" and request.POST.get("action") == "import":
        data = _data(school, request.POST.get("token", ""))
        if data is None:
            messages.error(request, _("The preview has expired; choose the file again."))
        else:
            try:
                outcome = lvs_import(data, school, authenticated_user(request).pk)
            except LvsError as exc:
                preview = exc.preview
            else:
                messages.success(
                    request,
                    _(
                        "%(results)s read in for %(pupils)s "
                        "(%(changed)s changed, %(same)s unchanged)."
                    )
                    % {
                        "results": ngettext(
                            "%(n)s test result",
                            "%(n)s test results",
                            outcome.created + outcome.updated,
                        )
                        % {"n": outcome.created + outcome.updated},
                        "pupils": ngettext("%(n)s pupil", "%(n)s pupils", outcome.pupils)
                        % {"n": outcome.pupils},
                        "changed": outcome.updated,
                        "same": outcome.unchanged,
                    },
                )
                return redirect("dossiers:lvs_import", school_id=school.pk)
    elif request.method == "POST":
        form = LvsUploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["results_file"]
            preview = lvs_preview(data, school)
            if preview.ok:
                token = _token(school, data)
            audit_record(
                AuditAction.PUPIL_LIST_VIEWED,
                request=request,
                school_id=school.pk,
                details={"lvs_preview": len(preview.rows)},
            )
    return render(
        request,
        "dossiers/lvs_import.html",
        {
            "school": school,
            "form": form,
            "preview": preview,
            "token": token,
            "counts": {
                status: preview.count(status) if preview else 0
                for status in ("new", "changed", "same")
            },
        },
    )
