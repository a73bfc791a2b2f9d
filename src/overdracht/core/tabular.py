"""A table from a school system's export, CSV or XLSX, as a Dutch school's files really
come: UTF-8 with or without BOM or Windows-1252, `;`, `,` or tab between the cells, dates
as dd-mm-jjjj; an XLSX file's first sheet, every cell as text. Nothing is guessed beyond
that: the caller maps the headings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y")
XLSX_MAGIC = b"PK\x03\x04"


class TableError(Exception):
    """The file cannot be read as a table; the message is in Dutch."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)


def decoded(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def heading_key(name: str) -> str:
    """A heading without case, spaces, dots, dashes or brackets: "Geb. datum" → "gebdatum"."""
    return re.sub(r"[\s._\-/()]", "", name.strip().lower())


def parse_date(text: str) -> dt.date | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()  # noqa: DTZ007
        except ValueError:
            continue
    return None


def _csv_table(data: bytes) -> Table:
    text = decoded(data)
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise TableError("Het bestand is leeg.")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    headers = [h.strip() for h in next(reader)]
    rows = [
        (line, [cell.strip() for cell in row])
        for line, row in enumerate(reader, start=2)
        if any(cell.strip() for cell in row)
    ]
    return Table(headers, rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().strftime("%d-%m-%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_table(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError("Het Excel-bestand kan niet worden gelezen.") from exc
    sheet = book.worksheets[0]
    found = sheet.iter_rows(values_only=True)
    try:
        headers = [_cell(v) for v in next(found)]
    except StopIteration:
        raise TableError("Het bestand is leeg.") from None
    rows = []
    for line, values in enumerate(found, start=2):
        cells = [_cell(v) for v in values]
        if any(cells):
            rows.append((line, cells))
    book.close()
    return Table(headers, rows)


def read_table(data: bytes) -> Table:
    """The headings and the non-empty rows of a CSV or XLSX file (by its content, not its
    name). Raises `TableError` for a file that is neither."""
    if data.startswith(XLSX_MAGIC):
        return _xlsx_table(data)
    if b"\x00" in data[:4096]:
        raise TableError("Dit is geen CSV- of Excel-bestand.")
    return _csv_table(data)
