"""The class overview as a spreadsheet (openpyxl) and as a printed page (WeasyPrint).
Only what the overview shows: no dossier section, and never care data."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from overdracht.core import pdf
from overdracht.core.spreadsheet import append_text_row
from overdracht.passports.models import Arrangement
from overdracht.passports.selectors import Overview


def _row_values(overview: Overview) -> list[list[str]]:
    labels = dict(Arrangement.choices)
    rows = []
    for row in overview.rows:
        passport = row.passport
        rows.append(
            [
                row.enrolment.pupil.name,
                "\n".join(passport.tips) if passport else "",
                row.levels_text,
                ", ".join(str(labels.get(a, a)) for a in passport.arrangements) if passport else "",
                _("yes") if row.needs_support else "",
            ]
        )
    return rows


def overview_xlsx(overview: Overview) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = overview.class_group.name[:31]
    headers = [_("Pupil"), _("Tips"), _("Reference levels"), _("Arrangements"), _("Support")]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in _row_values(overview):
        append_text_row(sheet, values)
    for column, width in zip("ABCDE", (28, 70, 28, 40, 12), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def overview_pdf(overview: Overview) -> bytes:
    html = render_to_string(
        "passports/class_overview_pdf.html",
        {"overview": overview, "rows": _row_values(overview), "now": timezone.localtime()},
    )
    return pdf.render(html)
