"""Edustandaard's own business rules: the stylesheets of the standard (XSLT 3.0), run with
Saxon-HE (`saxonche`), read from `OSO_STANDARD_DIR/rules` like the schema.

Public API: `official_rules_available()`, `official_rule_problems(tree, name)` — every
`melding` the stylesheet of the dossier's profile gives, as a `Problem`. The overstap
profiles (POPO, POVO, VOVO and within one BRIN) and the PaO profiles (POSWV, VOSWV) each have
their own stylesheet. Only dossiers that passed the hardened parser reach Saxon, serialised
again by lxml, so Saxon never sees a DTD or an entity.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from lxml import etree

from overdracht.oso.constants import NS
from overdracht.oso.problems import Problem

OVERSTAP_RULES = "ValideerOverstapprofielen.xsl"
PAO_RULES = "ValideerSwvPaO-profielen.xsl"
MELDINGEN = "{http://www.edustandaard.nl/oso_gegevensset/2019/schemas/Meldingen}"

_lock = threading.Lock()


def rules_dir() -> Path:
    return Path(settings.OSO_STANDARD_DIR) / "rules"


def official_rules_available() -> bool:
    folder = rules_dir()
    return (folder / OVERSTAP_RULES).is_file() and (folder / PAO_RULES).is_file()


@cache
def _processor() -> Any:
    from saxonche import PySaxonProcessor  # type: ignore[import-not-found]

    return PySaxonProcessor(license=False)


@cache
def _stylesheet(path: str) -> Any:
    return _processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=path)


def stylesheet_for(tree: etree._ElementTree) -> str:
    kind = (tree.getroot().findtext(f"{NS}overdrachtsoort") or "").strip()
    return PAO_RULES if kind == "swv-dossier" else OVERSTAP_RULES


def official_rule_problems(tree: etree._ElementTree, *, name: str) -> list[Problem]:
    """The stylesheet's findings; empty when the dossier breaks no rule or when the rules are
    not installed (callers that require them check `official_rules_available()` first)."""
    if not official_rules_available():
        return []
    path = str(rules_dir() / stylesheet_for(tree))
    text = etree.tostring(tree, encoding="unicode")
    with _lock:  # one Saxon processor per process; its calls are not thread-safe
        executable = _stylesheet(path)
        node = _processor().parse_xml(xml_text=text)
        output = executable.transform_to_string(xdm_node=node)
    result = etree.fromstring(output.encode(), parser=etree.XMLParser(resolve_entities=False))
    problems = []
    for melding in result.iter(f"{MELDINGEN}melding"):
        where = " ".join((melding.findtext(f"{MELDINGEN}locatie") or "").split())
        text_ = " ".join((melding.findtext(f"{MELDINGEN}tekst") or "").split())
        problems.append(Problem(f"Officiële bedrijfsregel: {text_}", file=name, path=_short(where)))
    return problems


def _short(location: str) -> str:
    """`/od:dossier[1]/od:huidigeschool[1]` → `dossier/huidigeschool`."""
    parts = [p.split(":")[-1].split("[")[0] for p in location.split("/") if p]
    return "/".join(parts)
