"""Read a parsed OSO dossier: the mapped reading, the verbatim tree, the attachments.

Nothing the file delivers is dropped: `tree` holds every element, attribute and value (each
attachment's content is replaced by a reference to `attachments`), `mapped` holds what the
mapping table names, and `unmapped` lists each element path the table does not name.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from lxml import etree

from overdracht.oso.constants import NS, category_of
from overdracht.oso.mapping import FIELD_BY_PATH, RECORD_BY_PATH
from overdracht.oso.problems import OsoFileError, Problem

DOCUMENT = "document"

# Content types an attachment may have, recognised by its first bytes.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),  # old Word/Excel
    (b"{\\rtf", "application/rtf"),
)
REFUSED_MAGIC: tuple[bytes, ...] = (b"MZ", b"\x7fELF", b"#!", b"<script", b"<html", b"<!DOCTYPE")
EXPECTED_BY_EXTENSION = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".docx": "application/zip",
    ".xlsx": "application/zip",
    ".zip": "application/zip",
}


@dataclass
class Attachment:
    content: bytes
    content_type: str
    sha256: str
    filename: str = ""
    description: str = ""
    found_in: str = ""


@dataclass
class Reading:
    name: str
    tree: dict[str, Any]
    mapped: dict[str, Any]
    attachments: list[Attachment]
    unmapped: dict[str, int]
    lines: dict[str, int]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """The same dossier gives the same hash, however its XML is laid out."""
        canonical = json.dumps(self.tree, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode())
        for attachment in self.attachments:
            digest.update(attachment.sha256.encode())
        return digest.hexdigest()

    def value(self, dotted: str) -> Any:
        node: Any = self.mapped
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node


def local_name(element: etree._Element) -> str:
    return str(etree.QName(element).localname)


def _assign(target: dict[str, Any], name: str, value: str) -> None:
    many = name.endswith("[]")
    parts = name.removesuffix("[]").split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    if many:
        target.setdefault(parts[-1], []).append(value)
    else:
        target[parts[-1]] = value


def _content_type(data: bytes) -> str | None:
    for magic in REFUSED_MAGIC:
        if data.lstrip()[: len(magic)].lower() == magic.lower():
            return None
    for magic, content_type in MAGIC:
        if data.startswith(magic):
            return content_type
    try:
        data[:2048].decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain"


class _Walker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.mapped: dict[str, Any] = {}
        self.attachments: list[Attachment] = []
        self.unmapped: Counter[str] = Counter()
        self.lines: dict[str, int] = {}
        self.warnings: list[Problem] = []

    def walk(
        self, element: etree._Element, path: str, target: dict[str, Any], record_base: str | None
    ) -> dict[str, Any]:
        tag = local_name(element)
        here = f"{path}/{tag}" if path else tag
        self.lines.setdefault(here, element.sourceline or 0)
        node: dict[str, Any] = {"t": tag}
        if element.attrib:
            node["a"] = {etree.QName(k).localname: v for k, v in element.attrib.items()}
        if tag == DOCUMENT:
            record: dict[str, Any] = {"found_in": path, "category": category_of(path)}
            self.mapped.setdefault("documents", []).append(record)
            target, record_base = record, DOCUMENT
        elif here in RECORD_BY_PATH:
            record = {}
            target.setdefault(RECORD_BY_PATH[here].name, []).append(record)
            target, record_base = record, here
        children = [c for c in element if isinstance(c.tag, str)]
        if children:
            node["c"] = [self.walk(child, here, target, record_base) for child in children]
            return node
        text = element.text or ""
        key = f"{DOCUMENT}/{tag}" if record_base == DOCUMENT else here
        mapping = FIELD_BY_PATH.get(key)
        if tag == "bestandsinhoud" and record_base == DOCUMENT:
            index = self._attachment(element, text, target, path)
            node["ref"] = index
            target["attachment"] = index
            return node
        node["v"] = text
        if mapping is None:
            self.unmapped[here] += 1
        else:
            _assign(target if record_base else self.mapped, mapping.field, text.strip())
        return node

    def _attachment(
        self, element: etree._Element, text: str, record: dict[str, Any], found_in: str
    ) -> int:
        line = element.sourceline
        try:
            content = base64.b64decode("".join(text.split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise OsoFileError(
                [
                    Problem(
                        "De inhoud van een bijlage is geen geldige base64.",
                        file=self.name,
                        line=line,
                        path=found_in,
                    )
                ]
            ) from exc
        if len(content) > settings.OSO_MAX_ATTACHMENT_BYTES:
            raise OsoFileError(
                [
                    Problem(
                        f"Een bijlage is te groot ({len(content) // 1_000_000} MB; maximaal "
                        f"{settings.OSO_MAX_ATTACHMENT_BYTES // 1_000_000} MB).",
                        file=self.name,
                        line=line,
                        path=found_in,
                    )
                ]
            )
        content_type = _content_type(content)
        if content_type is None:
            raise OsoFileError(
                [
                    Problem(
                        "Een bijlage is een programma of script; dat wordt niet geaccepteerd.",
                        file=self.name,
                        line=line,
                        path=found_in,
                    )
                ]
            )
        filename = str(record.get("filename", ""))
        expected = EXPECTED_BY_EXTENSION.get(("." + filename.rsplit(".", 1)[-1]).lower())
        if expected and expected != content_type:
            self.warnings.append(
                Problem(
                    f"De bijlage {filename!r} heeft een andere inhoud dan de naam zegt "
                    f"({content_type}); opgeslagen zoals ontvangen.",
                    file=self.name,
                    line=line,
                    path=found_in,
                    severity="warning",
                )
            )
        self.attachments.append(
            Attachment(
                content=content,
                content_type=content_type,
                sha256=hashlib.sha256(content).hexdigest(),
                filename=filename,
                description=str(record.get("description", "")),
                found_in=found_in,
            )
        )
        return len(self.attachments) - 1


def read_dossier(tree: etree._ElementTree, *, name: str) -> Reading:
    root = tree.getroot()
    walker = _Walker(name)
    node = {
        "t": local_name(root),
        "c": [
            walker.walk(child, "", walker.mapped, None)
            for child in root
            if isinstance(child.tag, str)
        ],
    }
    return Reading(
        name=name,
        tree=node,
        mapped=walker.mapped,
        attachments=walker.attachments,
        unmapped=dict(walker.unmapped),
        lines=walker.lines,
        warnings=walker.warnings,
    )


def is_oso_dossier(tree: etree._ElementTree) -> bool:
    return bool(tree.getroot().tag == f"{NS}dossier")
