"""The evaluation as a PDF for the evaluation meeting with the primary schools and the
vervolgopleidingen: the same tables and chart as the page (WeasyPrint draws the SVG)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from overdracht.analytics.chart import charts_of
from overdracht.analytics.selectors import Evaluation
from overdracht.core import pdf
from overdracht.core.school_year import school_year_label


def evaluation_pdf(evaluation: Evaluation, *, title: str, scope: str) -> bytes:
    html = render_to_string(
        "analytics/evaluation_pdf.html",
        {
            "evaluation": evaluation,
            "title": title,
            "scope": scope,
            "charts": charts_of(evaluation),
            "now": timezone.localtime(),
            "cohort": school_year_label(evaluation.filters.school_year),
        },
    )
    return pdf.render(html)
