"""An OSO file read back in words, as its readers outside the school see it: the school's
parts (from our attachment and the OSO elements) in words, then the other categories of
the standard, without the categories the parts already show. The portal (what parents
read before the dossier goes) and the partnership (what arrived) read a file this way.

Public API: `file_in_words(mapped, attachments)` → `FileInWords`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from overdracht.dossiers.composition import SectionInWords, sections_in_words
from overdracht.oso.content import SECTIONS_FILENAME
from overdracht.oso.content_reading import content_from_mapped, sections_from_attachment
from overdracht.oso.presentation import Section, file_sections
from overdracht.oso.reader import Attachment

# Categories that the parts show in words; their OSO form is left out (unless a document).
AS_PARTS = frozenset(
    {"cat_overstapadvies", "cat_eindtoetsbo", "cat_toetsresultaten", "cat_bijlagedocs"}
)


@dataclass(frozen=True)
class FileInWords:
    parts: list[SectionInWords]
    sections: list[Section]
    documents: list[dict[str, Any]]  # index, filename, description, size, found_in, text


def file_in_words(mapped: dict[str, Any], attachments: Sequence[Attachment]) -> FileInWords:
    content = content_from_mapped(mapped)
    ours = next((a for a in attachments if a.filename == SECTIONS_FILENAME), None)
    if ours is not None:
        content = replace(content, parts=sections_from_attachment(ours.content))
    documents: list[dict[str, Any]] = [
        {
            "index": i,
            "filename": a.filename or f"bijlage-{i}",
            "description": a.description,
            "size": len(a.content),
            "found_in": a.found_in,
            "text": a.content.decode("utf-8", "replace") if a.content_type == "text/plain" else "",
        }
        for i, a in enumerate(attachments)
        if a.filename != SECTIONS_FILENAME
    ]
    delivery = mapped.get("metadata", {}).get("delivery", {})
    as_parts = AS_PARTS | ({"cat_verzuim"} if content.absence else set())
    sections = [
        s
        for s in file_sections(mapped, delivery, documents)
        if s.key not in as_parts or s.documents
    ]
    return FileInWords(parts=sections_in_words(content), sections=sections, documents=documents)
