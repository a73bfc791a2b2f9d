"""Parse untrusted XML: size capped, no DTD, no entities, no network."""

from __future__ import annotations

from django.conf import settings

from lxml import etree

from overdracht.oso.problems import OsoFileError, Problem


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
    )


def parse_untrusted(data: bytes, *, name: str) -> etree._ElementTree:
    """The parsed document, or OsoFileError naming the file and the line."""
    limit = settings.OSO_MAX_FILE_BYTES
    if len(data) > limit:
        raise OsoFileError(
            [
                Problem(
                    f"Het bestand is te groot ({len(data) // 1_000_000} MB; maximaal "
                    f"{limit // 1_000_000} MB).",
                    file=name,
                )
            ]
        )
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise OsoFileError(
            [
                Problem(
                    "Het bestand bevat een DOCTYPE of ENTITY-declaratie; dat is in een OSO-dossier "
                    "niet toegestaan.",
                    file=name,
                )
            ]
        )
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser=_parser()))
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else exc.lineno
        raise OsoFileError(
            [
                Problem(
                    f"Het bestand is geen geldige XML (afgebroken of beschadigd): {exc.msg}.",
                    file=name,
                    line=line,
                )
            ]
        ) from exc
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise OsoFileError(
            [
                Problem(
                    "Het bestand bevat een DOCTYPE; dat is in een OSO-dossier niet toegestaan.",
                    file=name,
                )
            ]
        )
    return tree
