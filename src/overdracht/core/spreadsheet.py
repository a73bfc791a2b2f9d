"""Spreadsheets written from user text. Public API: `append_text_row`.

openpyxl turns any string that starts with "=" into a live formula; a passport tip such as
`=HYPERLINK("https://…","klik")` would then run in the reader's spreadsheet program. Every
cell written here is stored as text, and marked with the quote prefix so that a program
that re-reads the cell on editing keeps it text too.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell.cell import TYPE_STRING
from openpyxl.worksheet.worksheet import Worksheet


def append_text_row(sheet: Worksheet, values: Iterable[str]) -> None:
    """Append one row whose cells are all plain text, whatever they start with."""
    sheet.append([str(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if cell.value is None:
            continue
        cell.data_type = TYPE_STRING
        if str(cell.value)[:1] in {"=", "+", "-", "@"}:
            cell.quotePrefix = True
