"""Business rules on top of the schema, with a Dutch message and the place of each problem.

Public API: `structural_problems` (is this an OSO 2019.1 dossier at all) and
`rule_problems` (categories, required blocks per transition type, guardians' review,
dates, BSN/onderwijsnummer, version fields).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from lxml import etree
from stdnum.nl import bsn as bsn_check
from stdnum.nl import onderwijsnummer as onr_check

from overdracht.oso.constants import (
    CATEGORY_NAMES,
    CROSSINGS,
    DELIVERY_VALUES,
    NAMESPACE,
    NOT_DELIVERED,
    PAO_CROSSINGS,
    PAO_KIND,
    STANDARD_VERSION,
    TRANSFER_KINDS,
    category_of,
)
from overdracht.oso.mapping import TRUE
from overdracht.oso.problems import Problem
from overdracht.oso.reader import Reading

Report = Callable[[str, str], None]


def structural_problems(tree: etree._ElementTree, *, name: str) -> list[Problem]:
    root = tree.getroot()
    qname = etree.QName(root)
    if qname.namespace != NAMESPACE:
        return [
            Problem(
                f"Verkeerde namespace: {qname.namespace or '(geen)'}; een OSO-dossier 2019.1 "
                f"gebruikt {NAMESPACE}.",
                file=name,
                line=root.sourceline,
            )
        ]
    if qname.localname != "dossier":
        return [
            Problem(
                f"Dit is geen OSO-dossier maar een <{qname.localname}>.",
                file=name,
                line=root.sourceline,
            )
        ]
    version = root.findtext(f"{{{NAMESPACE}}}metadata/{{{NAMESPACE}}}standaardversie")
    if (version or "").strip() != STANDARD_VERSION:
        return [
            Problem(
                f"Verkeerde versie van de standaard: {version or '(geen)'}; verwacht "
                f"{STANDARD_VERSION}.",
                file=name,
                path="metadata/standaardversie",
            )
        ]
    return []


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def rule_problems(reading: Reading) -> list[Problem]:
    problems: list[Problem] = []
    name = reading.name

    def add(message: str, path: str, severity: str = "error") -> None:
        problems.append(
            Problem(message, file=name, line=reading.lines.get(path), path=path, severity=severity)
        )

    validation_version = reading.value("metadata.validation_version") or ""
    if not str(validation_version).startswith(STANDARD_VERSION):
        add(
            f"De validatieversie {validation_version!r} hoort bij een andere versie dan "
            f"{STANDARD_VERSION}.",
            "metadata/validatieversie",
        )
    kind = reading.value("metadata.transfer_kind")
    crossing = reading.value("metadata.crossing")
    if kind not in TRANSFER_KINDS:
        add(f"Onbekende soort overdracht {kind!r}.", "overdrachtsoort")
    if kind == "overstapdossier" and crossing not in CROSSINGS:
        add(
            "Een overstapdossier moet zeggen welke overstap het is (POPO, POVO of VOVO).",
            "metadata/overstap",
        )
    if kind == PAO_KIND and crossing not in PAO_CROSSINGS:
        add(
            "Een dossier voor het samenwerkingsverband moet zeggen of het van een PO- of een "
            "VO-school komt (POSWV of VOSWV).",
            "metadata/overstap",
        )

    delivery = delivery_of(reading)
    for category, value in delivery.items():
        if value not in DELIVERY_VALUES:
            add(
                f"Onbekende waarde {value!r} voor {category}.",
                f"metadata/categorie_uitlevering/{category}",
            )
    present: dict[str, str] = {}
    for path in sorted(reading.lines, key=lambda p: reading.lines[p], reverse=True):
        present[category_of(path)] = path  # the first line of each category wins
    for category, value in delivery.items():
        if value in NOT_DELIVERED and category in present and category != "cat_metadata":
            add(
                f"De categorie {category} is {value}, maar het dossier bevat er toch gegevens van.",
                present[category],
            )
    if kind == "overstapdossier":
        for required in ("cat_metadata", "cat_school", "cat_leerling"):
            if delivery and delivery.get(required) != "VERPLICHT":
                add(
                    f"In een overstapdossier is {required} altijd VERPLICHT.",
                    f"metadata/categorie_uitlevering/{required}",
                )
        advice_delivered = delivery.get("cat_overstapadvies") not in NOT_DELIVERED
        if crossing == "POVO" and advice_delivered and not reading.value("advice.recommendation"):
            add(
                "Bij een overstap PO→VO is het schooladvies verplicht.",
                "huidigeschool/leerling/overstapadvies/advies",
            )
        if delivery.get("cat_ouderinzage") not in NOT_DELIVERED:
            done = reading.value("review.done") == TRUE
            provisional = reading.value("review.provisional") == TRUE
            if not (done and reading.value("review.date")) and not provisional:
                add("De inzage door ouders is niet vastgelegd (inzage en inzagedatum).", "inzage")
            if reading.value("review.agreed") == "Nee" and not reading.value(
                "review.reason_not_agreed"
            ):
                add(
                    "Ouders gingen niet akkoord, maar de reden ontbreekt.",
                    "inzage/redennietakkoord",
                )

    if kind == PAO_KIND:
        if reading.value("pupil.bsn") or reading.value("pupil.onderwijsnummer"):
            add(
                "Een dossier voor het samenwerkingsverband bevat geen BSN of onderwijsnummer.",
                "huidigeschool/leerling",
            )
    else:
        _check_identifier(reading, add)
    _check_dates(reading, add)
    return problems


def delivery_of(reading: Reading) -> dict[str, str]:
    """The categorie_uitlevering block as {category: value}, read from the verbatim tree."""
    for node in reading.tree.get("c", []):
        if node["t"] != "metadata":
            continue
        for child in node.get("c", []):
            if child["t"] == "categorie_uitlevering":
                return {
                    c["t"]: c.get("v", "").strip()
                    for c in child.get("c", [])
                    if c["t"] in CATEGORY_NAMES
                }
    return {}


def _check_identifier(reading: Reading, report: Report) -> None:
    bsn = reading.value("pupil.bsn")
    onr = reading.value("pupil.onderwijsnummer")
    if bsn and not bsn_check.is_valid(bsn):
        report("Het BSN van de leerling is niet geldig (elfproef).", "huidigeschool/leerling/bsn")
    if onr and not onr_check.is_valid(onr):
        report(
            "Het onderwijsnummer van de leerling is niet geldig.",
            "huidigeschool/leerling/onderwijsnummer",
        )
    if not bsn and not onr:
        report("De leerling heeft geen BSN en geen onderwijsnummer.", "huidigeschool/leerling")


def _check_dates(reading: Reading, report: Report) -> None:
    birth = _date(reading.value("pupil.birth_date"))
    made = _date(reading.value("metadata.date"))
    if birth is None:
        report(
            "De geboortedatum van de leerling ontbreekt of is geen datum (jjjj-mm-dd).",
            "huidigeschool/leerling/geboortedatum",
        )
    if birth and made and birth >= made:
        report(
            "De geboortedatum ligt na de datum van het dossier.",
            "huidigeschool/leerling/geboortedatum",
        )
    pairs = [
        (
            "school_career",
            "start_date",
            "end_date",
            "huidigeschool/leerling/schoolloopbaanlijst/schoolloopbaan",
        ),
        (
            "action_plans",
            "start_date",
            "end_date",
            "huidigeschool/leerling/onderwijsondersteuning/handelingsplan",
        ),
    ]
    for record, start_key, end_key, path in pairs:
        for entry in reading.mapped.get(record, []):
            start, end = _date(entry.get(start_key)), _date(entry.get(end_key))
            if start and end and end < start:
                report("Een einddatum ligt voor de begindatum.", path)
    enrolled = _date(reading.value("pupil.enrolled_on"))
    left = _date(reading.value("pupil.unenrolled_on"))
    if enrolled and left and left < enrolled:
        report(
            "De datum van uitschrijving ligt voor de datum van inschrijving.",
            "huidigeschool/leerling/datumuitschrijving",
        )
