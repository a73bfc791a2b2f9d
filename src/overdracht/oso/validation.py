"""Validate OSO files: safe parsing, structure, the official schema, our business rules.

Public API: `validate_file(data, name, official=False) -> Validated` (never raises for a
bad file: every problem is in the result).
"""

from __future__ import annotations

from dataclasses import dataclass

from overdracht.oso.official_rules import official_rule_problems
from overdracht.oso.problems import OsoFileError, Problem
from overdracht.oso.reader import Reading, read_dossier
from overdracht.oso.rules import rule_problems, structural_problems
from overdracht.oso.safe_xml import parse_untrusted
from overdracht.oso.schema import schema_problems


@dataclass(frozen=True)
class Validated:
    name: str
    reading: Reading | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return self.reading is not None and not self.errors


def validate_file(data: bytes, *, name: str, official: bool = False) -> Validated:
    """`official=True` also runs Edustandaard's business-rule stylesheet (exports, and
    `oso_validate`); an import checks the schema and our own rules."""
    try:
        tree = parse_untrusted(data, name=name)
    except OsoFileError as exc:
        return Validated(name=name, reading=None, problems=exc.problems)
    structural = structural_problems(tree, name=name)
    if structural:
        return Validated(name=name, reading=None, problems=structural)
    problems = schema_problems(tree, name=name)
    try:
        reading = read_dossier(tree, name=name)
    except OsoFileError as exc:
        return Validated(name=name, reading=None, problems=problems + exc.problems)
    problems += rule_problems(reading) + reading.warnings
    if official and not problems:
        problems += official_rule_problems(tree, name=name)
    return Validated(name=name, reading=reading, problems=problems)
