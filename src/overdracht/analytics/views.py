"""The evaluation pages: the region's (its coordinator) and a school's, each with its PDF.
Aggregates only, so no page here reads personal data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from overdracht.analytics import selectors
from overdracht.analytics.chart import charts_of
from overdracht.analytics.exports import evaluation_pdf
from overdracht.analytics.forms import FilterForm
from overdracht.analytics.permissions import region_or_404
from overdracht.analytics.selectors import RECEIVING, SENDING, Evaluation, Filters
from overdracht.core.school_year import current_school_year
from overdracht.schools.models import Region, School
from overdracht.schools.permissions import Perm, school_or_404


def _filters(
    request: HttpRequest, *, region: Region | None = None, school: School | None = None
) -> tuple[FilterForm, Filters]:
    years = selectors.cohorts() or [current_school_year()]
    schools = selectors.schools_in(region) if region is not None else []
    # The default: the latest cohort that has started secondary school.
    default = ([y for y in years if y <= current_school_year()] or years)[0]
    form = FilterForm(request.GET or None, years=years, schools=schools, initial={"year": default})
    data = form.cleaned_data if form.is_valid() else {}
    chosen = next((s for s in schools if s.pk == data.get("school")), school)
    side = "" if school is None else (SENDING if school.is_primary else RECEIVING)
    filters = Filters(
        school_year=data.get("year") or default,
        region=region,
        school=chosen,
        side=side,
        group=data.get("group") or "",
    )
    return form, filters


def _page(
    request: HttpRequest, form: FilterForm, evaluation: Evaluation, title: str, pdf_url: str
) -> HttpResponse:
    return render(
        request,
        "analytics/evaluation.html",
        {
            "form": form,
            "evaluation": evaluation,
            "charts": charts_of(evaluation),
            "title": title,
            "pdf_url": f"{pdf_url}?{request.GET.urlencode()}" if request.GET else pdf_url,
        },
    )


def _pdf(evaluation: Evaluation, title: str, filename: str) -> HttpResponse:
    scope = evaluation.filters.school.name if evaluation.filters.school else title
    body = evaluation_pdf(evaluation, title=title, scope=scope)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{filename}-{evaluation.filters.school_year}.pdf"'
    )
    return response


@login_required
@require_GET
def region(request: HttpRequest, region_id: int) -> HttpResponse:
    """The region's evaluation of a cohort, for its coordinator."""
    place = region_or_404(request, region_id)
    form, filters = _filters(request, region=place)
    title = _("Evaluation of the transitions in %(region)s") % {"region": place.name}
    pdf_url = reverse("analytics:region_pdf", args=[place.pk])
    return _page(request, form, selectors.evaluation(filters), title, pdf_url)


@login_required
@require_GET
def region_pdf(request: HttpRequest, region_id: int) -> HttpResponse:
    place = region_or_404(request, region_id)
    _form, filters = _filters(request, region=place)
    title = _("Evaluation of the transitions in %(region)s") % {"region": place.name}
    return _pdf(selectors.evaluation(filters), title, "evaluatie-regio")


@login_required
@require_GET
def school(request: HttpRequest, school_id: int) -> HttpResponse:
    """A school's evaluation: a primary school's pupils who left, a secondary school's who
    arrived."""
    place = school_or_404(request, school_id, Perm.EVALUATION)
    form, filters = _filters(request, school=place)
    title = _("Evaluation of the transitions of %(school)s") % {"school": place.name}
    pdf_url = reverse("analytics:school_pdf", args=[place.pk])
    return _page(request, form, selectors.evaluation(filters), title, pdf_url)


@login_required
@require_GET
def school_pdf(request: HttpRequest, school_id: int) -> HttpResponse:
    place = school_or_404(request, school_id, Perm.EVALUATION)
    _form, filters = _filters(request, school=place)
    title = _("Evaluation of the transitions of %(school)s") % {"school": place.name}
    return _pdf(selectors.evaluation(filters), title, "evaluatie")
