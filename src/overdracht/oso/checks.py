"""System check of the OSO standard's files. Without the official schema an installation
would read in dossiers unchecked, and without Edustandaard's business-rule stylesheets its
exports would go out unchecked against the official rules. Where `OSO_STANDARD_REQUIRED` is
on (production, by default) that is an error, so `check`, `migrate` and the WSGI start
refuse; elsewhere the upload page and `oso_validate` say plainly that checks are off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from overdracht.oso.constants import SCHEMA_FILE
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.schema import schema_available

TAG = "oso"
HINT = (
    f"Set OSO_STANDARD_DIR to the folder that holds {SCHEMA_FILE} and rules/ "
    "(Edustandaard's OSO 2019.1 release)."
)


@register(TAG)
def standard_files_check(app_configs: Any = None, **_: Any) -> list[CheckMessage]:
    if not getattr(settings, "OSO_STANDARD_REQUIRED", False):
        return []
    folder = Path(settings.OSO_STANDARD_DIR)
    found: list[CheckMessage] = []
    if not schema_available():
        found.append(
            Error(
                f"The official OSO schema is not in {folder}: dossiers would be read in "
                "without a schema check.",
                hint=HINT,
                id="oso.E001",
            )
        )
    if not official_rules_available():
        found.append(
            Error(
                f"Edustandaard's business-rule stylesheets are not in {folder / 'rules'}: "
                "exports would not be checked against the official rules.",
                hint=HINT,
                id="oso.E002",
            )
        )
    return found
