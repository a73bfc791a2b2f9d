"""The official OSO schema, read from outside the project (OSO_STANDARD_DIR)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings

from lxml import etree

from overdracht.oso.constants import SCHEMA_FILE
from overdracht.oso.problems import Problem


def schema_path() -> Path | None:
    path = Path(settings.OSO_STANDARD_DIR) / SCHEMA_FILE
    return path if path.is_file() else None


@cache
def _load(path: str) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(path, parser=parser))


def schema_available() -> bool:
    return schema_path() is not None


def schema_problems(tree: etree._ElementTree, *, name: str) -> list[Problem]:
    """Problems against the official XSD; empty when valid or when no schema is configured
    (callers that require the schema check `schema_available()` first)."""
    path = schema_path()
    if path is None:
        return []
    schema = _load(str(path))
    if schema.validate(tree):
        return []
    return [
        Problem(f"Voldoet niet aan het OSO-schema: {error.message}", file=name, line=error.line)
        for error in schema.error_log
    ]
