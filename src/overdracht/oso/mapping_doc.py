"""docs/developers/oso-mapping.md, generated from the mapping table (`oso.mapping`)."""

from __future__ import annotations

from overdracht.oso.constants import CATEGORIES
from overdracht.oso.mapping import FIELDS, RECORDS, L


def mapping_markdown() -> str:
    """docs/developers/oso-mapping.md, generated from this table."""
    labels = dict(CATEGORIES)
    lines = [
        "# OSO mapping table",
        "",
        "Generated from `src/overdracht/oso/mapping.py` by",
        "`python manage.py oso_mapping_doc`; a test keeps this file in step with the table.",
        "Paths run from `<dossier>`; `L` = `huidigeschool/leerling`. Every element not listed",
        "is kept verbatim with the import and listed in the import report as not mapped.",
        "",
        "## Repeated blocks (records)",
        "",
        "| OSO path | our list | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{r.path.replace(L, 'L')}` | `{r.name}` | {r.label} |" for r in RECORDS]
    lines += [
        "",
        "## Fields",
        "",
        "| OSO path | our field | label | category | sensitivity |",
        "|---|---|---|---|---|",
    ]
    for f in FIELDS:
        lines.append(
            f"| `{f.path.replace(L, 'L')}` | `{f.field}` | {f.label} | "
            f"{labels.get(f.category, f.category)} | {f.sensitivity} |"
        )
    return "\n".join(lines) + "\n"
