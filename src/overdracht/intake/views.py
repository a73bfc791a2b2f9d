"""The intake pages of the receiving school: the incoming cohort and the analysis of one
arriving pupil."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record, list_viewed
from overdracht.dossiers import selectors as dossier_selectors
from overdracht.intake import selectors, services
from overdracht.intake.forms import AnalysisForm
from overdracht.schools.permissions import Perm, school_or_404


@login_required
def cohort(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.INTAKE)
    cohort = selectors.incoming_cohort(school)
    query = _cohort_query(request)
    rows = selectors.cohort_filter(cohort, query)
    list_viewed(request, name="intake", rows=len(rows), school_id=school.pk)
    classes = sorted(
        {r.enrolment.class_group for r in cohort if r.enrolment and r.enrolment.class_group},
        key=lambda group: group.name,
    )
    totals = selectors.cohort_totals(cohort)
    return render(
        request,
        "intake/cohort.html",
        {
            "school": school,
            "rows": rows,
            "cohort_size": len(cohort),
            "query": query,
            "filtered": query != selectors.CohortQuery(sort=query.sort),
            "stages": selectors.STAGES,
            "classes": classes,
            "statuses": [(k, label, totals[k]) for k, label in selectors.STATUSES],
            "flags": [(k, label, totals[k]) for k, label in selectors.FLAGS],
            "sorts": selectors.SORTS,
        },
    )


def _cohort_query(request: HttpRequest) -> selectors.CohortQuery:
    """The cohort's filters from the address; a value the page does not offer is ignored."""

    def choice(name: str, allowed: set[str], default: str = "") -> str:
        value = request.GET.get(name, default)
        return value if value in allowed else default

    return selectors.CohortQuery(
        class_group=request.GET.get("class", "")[:12],
        status=choice("status", {k for k, _label in selectors.STATUSES}),
        flag=choice("flag", {k for k, _label in selectors.FLAGS}),
        search=request.GET.get("q", "")[:100],
        sort=choice("sort", {k for k, _label in selectors.SORTS}, "name"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def analyse(request: HttpRequest, school_id: int, pupil_id: uuid.UUID) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.INTAKE)
    row = next((r for r in selectors.incoming_cohort(school) if r.pupil.pk == pupil_id), None)
    if row is None:
        raise Http404
    form = AnalysisForm(
        request.POST or None,
        school=school,
        existing=row.analysis,
        class_group=row.enrolment.class_group if row.enrolment else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.intake_record(
                actor=Actor.of(request), pupil=row.pupil, school=school, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The analysis has been saved."))
            return redirect("intake:cohort", school_id=school.pk)
    audit_record(
        AuditAction.INTAKE_ANALYSIS_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=row.pupil.pk,
    )
    return render(
        request,
        "intake/analyse.html",
        {
            "school": school,
            "row": row,
            "form": form,
            "parts": dossier_selectors.received_sections(row.pupil, school.pk),
        },
    )
