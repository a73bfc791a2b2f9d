"""The received dossier in plain Dutch, grouped as the OSO categories, with what is missing
marked. Built from the mapping table: a label for every field, in schema order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from overdracht.oso.codes import label_of
from overdracht.oso.constants import CATEGORIES, NOT_DELIVERED, category_of
from overdracht.oso.mapping import FALSE, FIELDS, RECORDS, TRUE, Field, Record

DELIVERY_LABELS = {
    "VERPLICHT": "verplicht aangeleverd",
    "OPTIONEEL": "aangeleverd waar beschikbaar",
    "VERBODEN": "mag niet worden aangeleverd",
    "OPT-UIT": "niet aangeleverd (opt-out)",
}


@dataclass
class RecordView:
    label: str
    entries: list[list[tuple[str, str]]]


@dataclass
class Section:
    key: str
    label: str
    delivery: str
    delivery_label: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    records: list[RecordView] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def not_delivered(self) -> bool:
        return self.delivery in NOT_DELIVERED

    @property
    def missing(self) -> bool:
        """Expected (mandatory) but nothing arrived."""
        return self.delivery == "VERPLICHT" and self.empty

    @property
    def empty(self) -> bool:
        return not (self.fields or self.records or self.documents)


def readable(value: Any, codes: str = "") -> str:
    """A value in words: codes become their label, dates dd-mm-jjjj, booleans ja/nee."""
    if isinstance(value, list):
        return ", ".join(readable(v, codes) for v in value)
    text = str(value)
    if codes:
        return label_of(codes, text)
    if text == TRUE:
        return "Ja"
    if text == FALSE:
        return "Nee"
    try:
        return dt.date.fromisoformat(text).strftime("%d-%m-%Y") if len(text) == 10 else text
    except ValueError:
        return text


def _lookup(data: dict[str, Any], dotted: str) -> Any:
    node: Any = data
    for part in dotted.removesuffix("[]").split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _record_of(path: str) -> Record | None:
    best: Record | None = None
    for record in RECORDS:
        if record.path == "document":
            continue
        if path.startswith(record.path + "/") and (
            best is None or len(record.path) > len(best.path)
        ):
            best = record
    return best


def _entries(
    entries: list[dict[str, Any]], record: Record, technical: bool
) -> list[list[tuple[str, str]]]:
    fields = [f for f in FIELDS if _record_of(f.path) is record]
    nested = [
        r for r in RECORDS if r.path.startswith(record.path + "/") and _record_of(r.path) is record
    ]
    rows = []
    for entry in entries:
        row = [
            (f.label, readable(_lookup(entry, f.field), f.codes))
            for f in fields
            if _lookup(entry, f.field) not in (None, "", []) and (technical or not f.technical)
        ]
        for inner in nested:
            for sub in _entries(entry.get(inner.name, []), inner, technical):
                row.append((inner.label, "; ".join(f"{k}: {v}" for k, v in sub)))
        rows.append(row)
    return rows


def file_sections(
    mapped: dict[str, Any],
    delivery: dict[str, str],
    attachments: list[dict[str, Any]],
    *,
    technical: bool = False,
) -> list[Section]:
    """The dossier in words, per category. `technical=True` (the receiving school's screen)
    also shows the fields that only software reads, such as the version of the standard."""
    sections = {
        key: Section(
            key=key,
            label=label,
            delivery=delivery.get(key, ""),
            delivery_label=DELIVERY_LABELS.get(delivery.get(key, ""), "niet vermeld"),
        )
        for key, label in CATEGORIES
    }
    top_fields: list[Field] = [
        f
        for f in FIELDS
        if _record_of(f.path) is None
        and not f.path.startswith("document/")
        and not f.field.startswith("metadata.delivery")
        and (technical or not f.technical)
    ]
    for f in top_fields:
        value = _lookup(mapped, f.field)
        if value not in (None, "", []):
            sections[f.category].fields.append((f.label, readable(value, f.codes)))
    for record in RECORDS:
        if record.path == "document" or _record_of(record.path) is not None:
            continue
        entries = mapped.get(record.name)
        if entries:
            sections[category_of(record.path)].records.append(
                RecordView(label=record.label, entries=_entries(entries, record, technical))
            )
    for attachment in attachments:
        sections[category_of(attachment["found_in"])].documents.append(attachment)
    return list(sections.values())
