"""Validators for Dutch identifiers: BSN (11-proef) and onderwijsnummer.

Public API: `validate_bsn`, `validate_onderwijsnummer`, `mask_identifier`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn, onderwijsnummer


def validate_bsn(value: str) -> None:
    try:
        bsn.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("This is not a valid BSN (it must be 9 digits and pass the 11-check)."),
            code="invalid_bsn",
        ) from exc


def validate_onderwijsnummer(value: str) -> None:
    try:
        onderwijsnummer.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("This is not a valid onderwijsnummer (9 digits starting with 10)."),
            code="invalid_onderwijsnummer",
        ) from exc


def mask_identifier(value: str) -> str:
    """Show only the last three digits: '•••••• 789'."""
    if not value:
        return ""
    return "\u2022" * (len(value) - 3) + value[-3:]
